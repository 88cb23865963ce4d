using Amazon.S3.Model;
using S3Emulator.ClientTests.AccessPoints;

namespace S3Emulator.ClientTests.Authorization;

/// <summary>
/// Through an access point both the access point and the bucket must allow (AWS's access-points-policies): the access
/// point policy grants a user, the bucket delegates to the account's access points with s3:DataAccessPointAccount.
/// </summary>
public sealed class AccessPointPolicyDecisionTests(Transport transport) : AuthorizationTestBase(transport)
{
    private S3ControlTestClient _control = null!;

    [OneTimeSetUp]
    public void CreateControlClient() => _control = new S3ControlTestClient(Emulator, AccountId, Emulator.DefaultCredentials.GetCredentials());

    [OneTimeTearDown]
    public void DisposeControlClient() => _control?.Dispose();

    [Test]
    public async Task User_ReadsThroughTheAccessPoint_OnlyWhenTheAccessPointGrantsAndTheBucketDelegates()
    {
        var bucket = await CreateBucketAsync("authz");
        await PutTextAsync(bucket, "doc.txt", "hello");
        var name = "ap-" + Guid.NewGuid().ToString("N")[..12];
        var alias = (await _control.CreateAccessPointAsync(name, bucket)).Succeeded().Value("Alias")!;
        var apArn = $"arn:aws:s3:{Emulator.Options.Region}:{AccountId}:accesspoint/{name}";

        var beforeAnyPolicy = await ExpectAccessDeniedAsync(() => ReadAsync(Alice, alias));
        (await _control.PutAccessPointPolicyAsync(name, $$"""
            {"Version":"2012-10-17","Statement":[{"Sid":"AliceReads","Effect":"Allow","Principal":{"AWS":"{{AliceArn}}"},"Action":"s3:GetObject","Resource":"{{apArn}}/object/*"}]}
            """)).Succeeded();
        var withoutDelegation = await ExpectAccessDeniedAsync(() => ReadAsync(Alice, alias));
        await S3.PutBucketPolicyAsync(new PutBucketPolicyRequest
        {
            BucketName = bucket,
            Policy = """
                {"Version":"2012-10-17","Statement":[{"Sid":"DelegateToAccessPoints","Effect":"Allow","Principal":{"AWS":"*"},"Action":"*",
                  "Resource":["arn:aws:s3:::BUCKET","arn:aws:s3:::BUCKET/*"],"Condition":{"StringEquals":{"s3:DataAccessPointAccount":"ACCOUNT"}}}]}
                """.Replace("BUCKET", bucket, StringComparison.Ordinal).Replace("ACCOUNT", AccountId, StringComparison.Ordinal),
        });

        Assert.That(await ReadAsync(Alice, alias), Is.EqualTo("hello"));
        await ExpectAccessDeniedAsync(() => ReadAsync(Alice, bucket));
        Assert.That(beforeAnyPolicy.Message, Does.Contain($"on resource: \"{apArn}/object/doc.txt\""));
        Assert.That(withoutDelegation.Message, Does.Contain($"on resource: \"arn:aws:s3:::{bucket}/doc.txt\""));
        var allowed = Emulator.Journal.Last(e => e.Operation == "GetObject" && e.StatusCode == 200 && e.Principal == AliceArn)?.Decision;
        Assert.That(allowed?.Decision.Statements.Select(s => s.Sid), Is.SupersetOf(new[] { "AliceReads", "DelegateToAccessPoints" }));
    }
}
