using System.Net;
using Amazon.Runtime;
using S3Emulator.ClientTests.AccessPoints;
using S3Emulator.ClientTests.Authorization;
using S3Emulator.Server.Hosting;
using static S3Emulator.ClientTests.ObjectLambda.Control.ObjectLambdaControlRequests;

namespace S3Emulator.ClientTests.ObjectLambda.Control;

/// <summary>
/// Who may manage an Object Lambda access point: S3 Control takes no cross-account calls, and within the account each
/// operation needs its <c>s3:…ForObjectLambda</c> action on the Object Lambda access point's ARN (List on <c>*</c>).
/// </summary>
public sealed class ObjectLambdaControlAuthorizationTests(Transport transport) : AuthorizationTestBase(transport)
{
    private const string ReaderKey = "AKIAOLAPREADER000001";
    private const string ReaderSecret = "test-secret-key-of-the-olap-reader";
    private const string Name = "guarded-olap";

    private S3ControlTestClient _owner = null!;
    private string _supportingArn = "";

    protected override void ConfigureEmulator(S3EmulatorOptions options)
    {
        base.ConfigureEmulator(options);
        // May read one Object Lambda access point's description and list them, nothing else.
        options.Credentials.Add(new()
        {
            AccessKeyId = ReaderKey, SecretAccessKey = ReaderSecret, UserName = "olap-reader",
            Policies =
            [
                new()
                {
                    Name = "describe-guarded",
                    Document = $$"""
                        {"Version":"2012-10-17","Statement":[
                          {"Effect":"Allow","Action":"s3:GetAccessPointForObjectLambda","Resource":"arn:aws:s3-object-lambda:us-east-1:{{options.AccountId}}:accesspoint/{{Name}}"},
                          {"Effect":"Allow","Action":"s3:ListAccessPointsForObjectLambda","Resource":"*"}]}
                        """,
                },
            ],
        });
    }

    [OneTimeSetUp]
    public async Task CreateTheGuardedObjectLambdaAccessPointAsync()
    {
        _owner = new S3ControlTestClient(Emulator, AccountId, Emulator.DefaultCredentials.GetCredentials());
        var bucket = await CreateBucketAsync("olap-authz");
        (await _owner.CreateAccessPointAsync("guarded-supporting", bucket)).Succeeded();
        _supportingArn = $"arn:aws:s3:us-east-1:{AccountId}:accesspoint/guarded-supporting";
        (await _owner.CreateAccessPointForObjectLambdaAsync(Name, Configuration(_supportingArn))).Succeeded();
    }

    [OneTimeTearDown]
    public void DisposeOwner() => _owner?.Dispose();

    [Test]
    public async Task AnotherAccountsPrincipal_NamingThisAccount_IsAccessDenied_ForEveryOperation()
    {
        using var foreign = new S3ControlTestClient(Emulator, AccountId, new BasicAWSCredentials("AKIAOTHERACCOUNT0001", "test-secret-key-of-the-authorization-tests").GetCredentials());

        var responses = new[]
        {
            await foreign.GetAccessPointForObjectLambdaAsync(Name),
            await foreign.GetAccessPointConfigurationForObjectLambdaAsync(Name),
            await foreign.ListAccessPointsForObjectLambdaAsync(),
            await foreign.CreateAccessPointForObjectLambdaAsync("foreign-olap", Configuration(_supportingArn)),
            await foreign.PutAccessPointPolicyForObjectLambdaAsync(Name, "{}"),
            await foreign.DeleteAccessPointForObjectLambdaAsync(Name),
        };

        Assert.That(responses.Select(r => (r.Status, r.ErrorCode)), Is.All.EqualTo((HttpStatusCode.Forbidden, "AccessDenied")));
        (await _owner.GetAccessPointForObjectLambdaAsync(Name)).Succeeded();
    }

    [Test]
    public async Task AnotherAccountsPrincipal_InItsOwnAccount_SeesNoneOfThisAccountsObjectLambdaAccessPoints()
    {
        using var foreign = new S3ControlTestClient(Emulator, OtherAccountId, new BasicAWSCredentials("AKIAOTHERACCOUNT0001", "test-secret-key-of-the-authorization-tests").GetCredentials());

        var listed = (await foreign.ListAccessPointsForObjectLambdaAsync()).Succeeded();
        var got = await foreign.GetAccessPointForObjectLambdaAsync(Name);

        Assert.That(listed.Elements("ObjectLambdaAccessPoint"), Is.Empty);
        Assert.That((got.Status, got.ErrorCode), Is.EqualTo((HttpStatusCode.NotFound, "NoSuchAccessPoint")));
    }

    [Test]
    public async Task AUserWithoutPolicies_IsAccessDenied()
    {
        using var alice = new S3ControlTestClient(Emulator, AccountId, new BasicAWSCredentials("AKIAALICEEMULATOR001", "test-secret-key-of-the-authorization-tests").GetCredentials());

        var response = await alice.GetAccessPointForObjectLambdaAsync(Name);

        Assert.That((response.Status, response.ErrorCode), Is.EqualTo((HttpStatusCode.Forbidden, "AccessDenied")));
    }

    [Test]
    public async Task AUserAllowedOneActionOnOneObjectLambdaAccessPoint_MayDoThat_AndNothingElse()
    {
        using var reader = new S3ControlTestClient(Emulator, AccountId, new BasicAWSCredentials(ReaderKey, ReaderSecret).GetCredentials());
        (await _owner.CreateAccessPointForObjectLambdaAsync("other-olap", Configuration(_supportingArn))).Succeeded();

        var got = await reader.GetAccessPointForObjectLambdaAsync(Name);
        var listed = await reader.ListAccessPointsForObjectLambdaAsync();
        var configuration = await reader.GetAccessPointConfigurationForObjectLambdaAsync(Name);
        var other = await reader.GetAccessPointForObjectLambdaAsync("other-olap");
        var deleted = await reader.DeleteAccessPointForObjectLambdaAsync(Name);

        Assert.Multiple(() =>
        {
            Assert.That(got.Succeeded().Value("Name"), Is.EqualTo(Name));
            Assert.That(listed.Succeeded().Elements("ObjectLambdaAccessPoint"), Is.Not.Empty);
            Assert.That((configuration.Status, configuration.ErrorCode), Is.EqualTo((HttpStatusCode.Forbidden, "AccessDenied")));
            Assert.That((other.Status, other.ErrorCode), Is.EqualTo((HttpStatusCode.Forbidden, "AccessDenied")));
            Assert.That((deleted.Status, deleted.ErrorCode), Is.EqualTo((HttpStatusCode.Forbidden, "AccessDenied")));
        });
    }

    [Test]
    public async Task AnAnonymousCaller_IsAccessDenied()
    {
        using var anonymous = new S3ControlTestClient(Emulator, AccountId, credentials: null);

        var response = await anonymous.GetAccessPointForObjectLambdaAsync(Name);

        Assert.That((response.Status, response.ErrorCode), Is.EqualTo((HttpStatusCode.Forbidden, "AccessDenied")));
    }
}
