using Amazon.Runtime;
using Amazon.S3;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using S3Emulator.Server.Hosting;

namespace S3Emulator.ClientTests.Sts;

/// <summary>
/// An emulator with an IAM user (alice), the account's root key, and roles with trust policies; STS and S3 clients
/// for any credentials from the fixture; a clock the test can move to expire sessions.
/// </summary>
public abstract class StsTestBase(Transport transport) : EmulatorTestBase(transport)
{
    protected const string Account = "123456789012";
    protected const string AliceKey = "AKIAALICEEXAMPLE0001";
    protected const string AliceSecret = "aliceSecretAliceSecretAliceSecretAlice01";
    protected const string AliceArn = "arn:aws:iam::123456789012:user/alice";
    protected const string ReaderArn = "arn:aws:iam::123456789012:role/reader";
    protected const string LockedArn = "arn:aws:iam::123456789012:role/locked";
    protected const string PartnerArn = "arn:aws:iam::123456789012:role/partner";
    protected const string SharedArn = "arn:aws:iam::123456789012:role/shared";
    protected const string OtherAccount = "210987654321";

    private readonly List<IDisposable> _owned = [];

    private readonly ShiftableClock _clock = new();

    // A container reads its own system clock: a test that moves time is ignored there.
    protected ShiftableClock Clock => Transport == Transport.Container ? throw ContainerScenarios.NotObservable("a clock the test moves") : _clock;

    protected static AWSCredentials Alice => new BasicAWSCredentials(AliceKey, AliceSecret);

    protected static AWSCredentials Bob => new BasicAWSCredentials("AKIABOBEXAMPLE000001", "bobSecret");

    protected static AWSCredentials Carol => new BasicAWSCredentials("AKIACAROLEXAMPLE0001", "carolSecret");

    protected static AWSCredentials Root => new BasicAWSCredentials(S3CredentialOptions.DefaultAccessKeyId, S3CredentialOptions.DefaultSecretAccessKey);

    protected override void ConfigureEmulator(S3EmulatorOptions options)
    {
        if (Transport != Transport.Container) options.Clock = _clock;
        options.Credentials.Add(new() { AccessKeyId = S3CredentialOptions.DefaultAccessKeyId, SecretAccessKey = S3CredentialOptions.DefaultSecretAccessKey });
        options.Credentials.Add(new() { AccessKeyId = AliceKey, SecretAccessKey = AliceSecret, UserName = "alice" });
        options.Roles.Add(Role("reader", Trust($$"""{"AWS":"{{AliceArn}}"}""")));
        options.Roles.Add(Role("locked", Trust("""{"AWS":"arn:aws:iam::210987654321:root"}""")));
        options.Roles.Add(Role("partner", Trust($$"""{"AWS":"{{AliceArn}}"}""", ""","Condition":{"StringEquals":{"sts:ExternalId":"123ABC"}}""")));
        // Trusts the other account as a whole: its users also need their own policy to allow sts:AssumeRole.
        options.Roles.Add(Role("shared", Trust($$"""{"AWS":"arn:aws:iam::{{OtherAccount}}:root"}""")));
        options.Credentials.Add(new()
        {
            AccessKeyId = "AKIABOBEXAMPLE000001", SecretAccessKey = "bobSecret", AccountId = OtherAccount, UserName = "bob",
            Policies = [new() { Name = "assume-shared", Document = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"{{SharedArn}}"}]}""" }],
        });
        options.Credentials.Add(new() { AccessKeyId = "AKIACAROLEXAMPLE0001", SecretAccessKey = "carolSecret", AccountId = OtherAccount, UserName = "carol" });
    }

    private static RoleOptions Role(string name, string trust) => new()
    {
        Name = name,
        TrustPolicy = new() { Document = trust },
        Policies = [new() { Name = "s3-all", Document = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""" }],
    };

    private static string Trust(string principal, string condition = "") =>
        $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{{principal}},"Action":"sts:AssumeRole"{{condition}}}]}""";

    [TearDown]
    public void ResetClock() => _clock.Offset = TimeSpan.Zero;

    [OneTimeTearDown]
    public void DisposeClients()
    {
        foreach (var owned in _owned) owned.Dispose();
    }

    protected AmazonSecurityTokenServiceClient StsClient(AWSCredentials credentials) => Own(Emulator.CreateStsClient(credentials));

    protected AmazonS3Client S3Client(AWSCredentials credentials) => Own(Emulator.CreateS3Client(credentials));

    protected async Task<Credentials> AssumeAsync(string roleArn = ReaderArn, int? durationSeconds = null, string session = "s1")
    {
        var request = new AssumeRoleRequest { RoleArn = roleArn, RoleSessionName = session };
        if (durationSeconds is { } seconds) request.DurationSeconds = seconds;
        return (await StsClient(Alice).AssumeRoleAsync(request)).Credentials;
    }

    protected static async Task<AmazonSecurityTokenServiceException> ExpectStsErrorAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (AmazonSecurityTokenServiceException exception)
        {
            return exception;
        }

        Assert.Fail("Expected the request to fail with an STS error.");
        throw new UnreachableException();
    }

    private T Own<T>(T disposable) where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
