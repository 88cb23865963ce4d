using System.Net;
using S3Emulator.Server.Hosting;

namespace S3Emulator.ClientTests.AccessPoints;

/// <summary>
/// S3 Control's access point operations and the account's Block Public Access, driven as the SDKs send them
/// (<c>{account}.localhost</c>, <c>x-amz-account-id</c>, signed as <c>s3</c>) over every transport.
/// </summary>
public sealed class AccessPointControlTests(Transport transport) : EmulatorTestBase(transport)
{
    private const string Account = "123456789012";
    private const string SeededBucket = "seeded-bucket";
    private const string PublicPolicyTemplate =
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:us-east-1:123456789012:accesspoint/NAME/object/*"}]}""";

    private S3ControlTestClient _control = null!;

    protected override void ConfigureEmulator(S3EmulatorOptions options)
    {
        options.InitialBuckets.Add(SeededBucket);
        options.AccessPoints.Add(new AccessPointOptions
        {
            Name = "seeded-public",
            Bucket = SeededBucket,
            Policy = PublicPolicyTemplate.Replace("NAME", "seeded-public", StringComparison.Ordinal),
            PublicAccessBlock = new AccessPointPublicAccessBlockOptions { BlockPublicPolicy = false, RestrictPublicBuckets = false },
        });
    }

    [OneTimeSetUp]
    public void CreateControlClient() => _control = new S3ControlTestClient(Emulator, Account, Emulator.DefaultCredentials.GetCredentials());

    [OneTimeTearDown]
    public void DisposeControlClient() => _control?.Dispose();

    [Test]
    public async Task CreateAccessPoint_ThenGetAccessPoint_DescribesItWithAwssDefaults()
    {
        var bucket = await CreateBucketAsync();
        var name = NewName();

        var created = (await _control.CreateAccessPointAsync(name, bucket)).Succeeded();
        var got = (await _control.GetAccessPointAsync(name)).Succeeded();

        Assert.Multiple(() =>
        {
            Assert.That(created.Body!.Name.LocalName, Is.EqualTo("CreateAccessPointResult"));
            Assert.That(created.Value("AccessPointArn"), Is.EqualTo($"arn:aws:s3:us-east-1:{Account}:accesspoint/{name}"));
            Assert.That(created.Value("Alias"), Does.StartWith(name + "-").And.EndWith("-s3alias"));
            Assert.That(got.Value("Bucket"), Is.EqualTo(bucket));
            Assert.That(got.Value("NetworkOrigin"), Is.EqualTo("Internet"));
            Assert.That(got.Value("Alias"), Is.EqualTo(created.Value("Alias")));
            Assert.That(got.Value("BucketAccountId"), Is.EqualTo(Account));
            Assert.That(got.Elements("PublicAccessBlockConfiguration").Single().Elements().Select(e => e.Value), Is.All.EqualTo("true"));
        });
    }

    [Test]
    public async Task CreateAccessPoint_WithAVpcAndItsOwnBlockPublicAccess_KeepsBoth()
    {
        var bucket = await CreateBucketAsync();
        var name = NewName();

        (await _control.CreateAccessPointAsync(name, bucket,
            "<VpcConfiguration><VpcId>vpc-1a2b3c4d</VpcId></VpcConfiguration><PublicAccessBlockConfiguration><BlockPublicAcls>true</BlockPublicAcls></PublicAccessBlockConfiguration>"))
            .Succeeded();
        var got = await _control.GetAccessPointAsync(name);

        Assert.That((got.Value("NetworkOrigin"), got.Value("VpcId"), got.Value("BlockPublicAcls"), got.Value("BlockPublicPolicy")),
            Is.EqualTo(("VPC", "vpc-1a2b3c4d", "true", "false")));
    }

    [Test]
    public async Task CreateAccessPoint_Twice_IsAccessPointAlreadyOwnedByYou()
    {
        var bucket = await CreateBucketAsync();
        var name = NewName();
        (await _control.CreateAccessPointAsync(name, bucket)).Succeeded();

        var again = await _control.CreateAccessPointAsync(name, bucket);

        Assert.That((again.Status, again.ErrorCode), Is.EqualTo((HttpStatusCode.Conflict, "AccessPointAlreadyOwnedByYou")));
    }

    [Test]
    public async Task CreateAccessPoint_ForABucketThatDoesNotExist_IsInvalidRequest()
    {
        var response = await _control.CreateAccessPointAsync(NewName(), "no-such-bucket-" + Guid.NewGuid().ToString("N"));

        Assert.That((response.Status, response.ErrorCode, response.ErrorMessage),
            Is.EqualTo((HttpStatusCode.BadRequest, "InvalidRequest", "Amazon S3 AccessPoint can only be created for existing bucket")));
    }

    [TestCase("my.ap", "InvalidRequest")]
    [TestCase("ends-with-s3alias-s3alias", "InvalidRequest")]
    [TestCase("Upper", "InvalidURI")]
    public async Task CreateAccessPoint_WithANameOutsideTheRules_IsRefused(string name, string code)
    {
        var bucket = await CreateBucketAsync();

        var response = await _control.CreateAccessPointAsync(name, bucket);

        Assert.That((response.Status, response.ErrorCode), Is.EqualTo((HttpStatusCode.BadRequest, code)));
    }

    [Test]
    public async Task DeleteAccessPoint_ThenGet_IsNoSuchAccessPointInS3ControlsErrorShape()
    {
        var bucket = await CreateBucketAsync();
        var name = NewName();
        (await _control.CreateAccessPointAsync(name, bucket)).Succeeded();

        var deleted = await _control.DeleteAccessPointAsync(name);
        var got = await _control.GetAccessPointAsync(name);

        Assert.That(deleted.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((got.Status, got.ErrorCode, got.Value("AccessPointName"), got.Body!.Element("RequestId")?.Value.Length),
            Is.EqualTo((HttpStatusCode.NotFound, "NoSuchAccessPoint", name, 16)));
    }

    [Test]
    public async Task ListAccessPoints_FiltersByBucket_AndPagesWithNextToken()
    {
        var bucket = await CreateBucketAsync();
        var other = await CreateBucketAsync();
        var prefix = NewName();
        var names = new[] { prefix + "-a", prefix + "-b", prefix + "-c" };
        foreach (var name in names) (await _control.CreateAccessPointAsync(name, bucket)).Succeeded();
        (await _control.CreateAccessPointAsync(prefix + "-other", other)).Succeeded();

        var listed = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = (await _control.ListAccessPointsAsync(bucket, maxResults: 2, nextToken: token)).Succeeded();
            listed.AddRange(page.Elements("AccessPoint").Select(a => a.Elements().First(e => e.Name.LocalName == "Name").Value));
            token = page.Value("NextToken");
            pages++;
        }
        while (token is not null && pages < 5);

        Assert.That((listed, pages), Is.EqualTo((names.ToList(), 2)));
    }

    [Test]
    public async Task ListAccessPoints_WithMaxResultsOutOfRange_IsInvalidRequest()
    {
        var response = await _control.ListAccessPointsAsync(maxResults: 0);

        Assert.That((response.Status, response.ErrorCode), Is.EqualTo((HttpStatusCode.BadRequest, "InvalidRequest")));
    }

    [Test]
    public async Task AccessPointPolicy_RoundTripsVerbatim_ReadsAsNotPublic_AndDeletes()
    {
        var bucket = await CreateBucketAsync();
        var name = NewName();
        (await _control.CreateAccessPointAsync(name, bucket)).Succeeded();
        var policy = $$"""{"Version":"2012-10-17","Statement":[{"Sid":"Team","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{Account}}:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:us-east-1:{{Account}}:accesspoint/{{name}}/object/*"}]}""";

        (await _control.PutAccessPointPolicyAsync(name, policy)).Succeeded();
        var got = (await _control.GetAccessPointPolicyAsync(name)).Succeeded();
        var status = (await _control.GetAccessPointPolicyStatusAsync(name)).Succeeded();
        var deleted = await _control.DeleteAccessPointPolicyAsync(name);
        var afterDelete = await _control.GetAccessPointPolicyAsync(name);

        Assert.Multiple(() =>
        {
            Assert.That(got.Value("Policy"), Is.EqualTo(policy));
            Assert.That((status.Body!.Name.LocalName, status.Value("IsPublic")), Is.EqualTo(("GetAccessPointPolicyStatusResult", "false")));
            Assert.That(deleted.Status, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That((afterDelete.Status, afterDelete.ErrorCode), Is.EqualTo((HttpStatusCode.NotFound, "NoSuchAccessPointPolicy")));
        });
    }

    [Test]
    public async Task PutAccessPointPolicy_Malformed_IsMalformedPolicyWithAwssMessage()
    {
        var bucket = await CreateBucketAsync();
        var name = NewName();
        (await _control.CreateAccessPointAsync(name, bucket)).Succeeded();

        var response = await _control.PutAccessPointPolicyAsync(name, "not json");

        Assert.That((response.Status, response.ErrorCode, response.ErrorMessage),
            Is.EqualTo((HttpStatusCode.BadRequest, "MalformedPolicy", "Policies must be valid JSON and the first byte must be '{'")));
    }

    [Test]
    public async Task PutAccessPointPolicy_Public_WhileTheAccessPointBlocksPublicPolicies_IsAccessDenied()
    {
        var bucket = await CreateBucketAsync();
        var name = NewName();
        (await _control.CreateAccessPointAsync(name, bucket)).Succeeded();

        var response = await _control.PutAccessPointPolicyAsync(name, PublicPolicyTemplate.Replace("NAME", name, StringComparison.Ordinal));

        Assert.That((response.Status, response.ErrorCode), Is.EqualTo((HttpStatusCode.Forbidden, "AccessDenied")));
        Assert.That(response.ErrorMessage, Does.EndWith("because public policies are prevented by the BlockPublicPolicy setting in S3 Block Public Access."));
    }

    [Test]
    public async Task SeededAccessPoint_FromOptions_HasItsPolicy_AndReadsAsPublic()
    {
        var status = (await _control.GetAccessPointPolicyStatusAsync("seeded-public")).Succeeded();
        var got = (await _control.GetAccessPointAsync("seeded-public")).Succeeded();

        Assert.That((status.Value("IsPublic"), got.Value("Bucket"), got.Value("BlockPublicPolicy")), Is.EqualTo(("true", SeededBucket, "false")));
    }

    [Test]
    public async Task UnknownS3ControlPath_IsNotImplemented_InS3ControlsErrorShape()
    {
        var response = await _control.SendAsync("GET", "jobs");

        Assert.That((response.Status, response.Body!.Name.LocalName, response.ErrorCode),
            Is.EqualTo((HttpStatusCode.NotImplemented, "ErrorResponse", "NotImplemented")));
    }

    [Test]
    public async Task S3ControlRequest_WithoutTheAccountHeader_IsInvalidRequest()
    {
        var response = await _control.SendAsync("GET", "accesspoint", accountHeader: false);

        Assert.That((response.Status, response.ErrorCode), Is.EqualTo((HttpStatusCode.BadRequest, "InvalidRequest")));
    }

    [Test]
    public async Task S3ControlRequest_Anonymous_IsAccessDenied()
    {
        using var anonymous = new S3ControlTestClient(Emulator, Account, credentials: null);

        var response = await anonymous.ListAccessPointsAsync();

        Assert.That((response.Status, response.ErrorCode), Is.EqualTo((HttpStatusCode.Forbidden, "AccessDenied")));
    }

    [Test]
    public async Task S3ControlRequest_ForAnotherAccount_IsAccessDenied()
    {
        using var other = new S3ControlTestClient(Emulator, "111122223333", Emulator.DefaultCredentials.GetCredentials());

        var response = await other.ListAccessPointsAsync();

        Assert.That((response.Status, response.ErrorCode), Is.EqualTo((HttpStatusCode.Forbidden, "AccessDenied")));
    }

    private static string NewName() => "ap-" + Guid.NewGuid().ToString("N")[..12];
}
