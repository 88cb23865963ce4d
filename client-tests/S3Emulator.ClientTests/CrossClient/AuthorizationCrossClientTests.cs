using System.Text.Json;
using Amazon.S3.Model;
using S3Emulator.ClientTests.AccessPoints;
using S3Emulator.Server.Hosting;

namespace S3Emulator.ClientTests.CrossClient;

/// <summary>
/// Authorization as other clients meet it: the AWS CLI (botocore) under a bucket policy that denies plain HTTP and
/// with an assumed role's session credentials from <c>aws sts assume-role</c>; the JavaScript SDK v3 anonymous against
/// a public and a private bucket, and signed through an access point's alias. Loopback transports only.
/// </summary>
public sealed class AuthorizationCrossClientTests(Transport transport) : ExternalClientTestBase(transport)
{
    private const string Account = "123456789012";
    private const string DeveloperKey = "AKIADEVELOPERXCLIENT";
    private const string DeveloperSecret = "developerSecretOfTheCrossClientTests0001";
    private const string RoleArn = $"arn:aws:iam::{Account}:role/home-reader";

    // The role's identity policy names this bucket, so it is fixed before the emulator starts.
    private readonly string _homeBucket = $"home-{Guid.NewGuid():N}";

    protected override void ConfigureEmulator(S3EmulatorOptions options)
    {
        options.Credentials.Add(new() { AccessKeyId = S3CredentialOptions.DefaultAccessKeyId, SecretAccessKey = S3CredentialOptions.DefaultSecretAccessKey });
        // The root user may not assume roles; a user may, when the trust policy trusts its account and its own policy allows it.
        options.Credentials.Add(new()
        {
            AccessKeyId = DeveloperKey, SecretAccessKey = DeveloperSecret, UserName = "developer",
            Policies = [new() { Name = "assume-home-reader", Document = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"{{RoleArn}}"}]}""" }],
        });
        options.Roles.Add(new()
        {
            Name = "home-reader",
            TrustPolicy = new() { Document = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{Account}}:root"},"Action":"sts:AssumeRole"}]}""" },
            Policies = [new() { Name = "home-only", Document = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::{{_homeBucket}}/home/*"}]}""" }],
        });
    }

    [Test]
    public async Task AwsCli_UnderABucketPolicyDenyingPlainHttp_IsDeniedOverHttp_AndReadsOverHttps()
    {
        await RequireAsync("aws", "--version");
        var bucket = await CreateBucketAsync("cli-tls");
        await PutTextAsync(bucket, "doc.txt", "only over tls");
        await S3.PutBucketPolicyAsync(new PutBucketPolicyRequest
        {
            BucketName = bucket,
            Policy = $$"""
                {"Version":"2012-10-17","Statement":[{"Sid":"DenyPlainHttp","Effect":"Deny","Principal":"*","Action":"s3:*",
                 "Resource":["arn:aws:s3:::{{bucket}}","arn:aws:s3:::{{bucket}}/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"} } }]}
                """,
        });
        var caBundle = Path.Combine(Client.Folder, "emulator-ca.pem");
        await File.WriteAllTextAsync(caBundle, Emulator.Certificate!.ExportCertificatePem());
        var overHttp = Path.Combine(Client.Folder, "http.txt");
        var overHttps = Path.Combine(Client.Folder, "https.txt");

        var (httpExit, _, httpError) = await Client.RunAsync("aws", "--endpoint-url", Url(Emulator.HttpUrl!),
            "s3api", "get-object", "--bucket", bucket, "--key", "doc.txt", overHttp);
        var (httpsExit, _, httpsError) = await Client.RunAsync("aws", "--endpoint-url", Url(Emulator.HttpsUrl!), "--ca-bundle", caBundle,
            "s3api", "get-object", "--bucket", bucket, "--key", "doc.txt", overHttps);

        Assert.Multiple(async () =>
        {
            Assert.That(httpExit, Is.Not.EqualTo(0), "GET over plain HTTP must be refused");
            Assert.That(httpError, Does.Contain("An error occurred (AccessDenied) when calling the GetObject operation"));
            Assert.That(httpError, Does.Contain(
                $"User: arn:aws:iam::{Account}:root is not authorized to perform: s3:GetObject on resource: \"arn:aws:s3:::{bucket}/doc.txt\" " +
                "with an explicit deny in a resource-based policy"));
            Assert.That(httpError, Does.Contain("DenyPlainHttp"), "the emulator names the deciding statement");
            Assert.That(File.Exists(overHttp), Is.False);
            Assert.That(httpsExit, Is.EqualTo(0), httpsError);
            Assert.That(await File.ReadAllTextAsync(overHttps), Is.EqualTo("only over tls"));
        });
    }

    [Test]
    public async Task AwsCli_AssumesARoleScopedToAPrefix_AndItsSessionReadsOnlyInsideIt()
    {
        await RequireAsync("aws", "--version");
        await S3.PutBucketAsync(new PutBucketRequest { BucketName = _homeBucket });
        await PutTextAsync(_homeBucket, "home/x", "inside");
        await PutTextAsync(_homeBucket, "other/x", "outside");
        var developer = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = DeveloperKey, ["AWS_SECRET_ACCESS_KEY"] = DeveloperSecret };

        var assumed = JsonDocument.Parse(await AwsAsync(developer,
            "sts", "assume-role", "--role-arn", RoleArn, "--role-session-name", "cli-session", "--output", "json"));
        var credentials = assumed.RootElement.GetProperty("Credentials");
        var session = new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = credentials.GetProperty("AccessKeyId").GetString()!,
            ["AWS_SECRET_ACCESS_KEY"] = credentials.GetProperty("SecretAccessKey").GetString()!,
            ["AWS_SESSION_TOKEN"] = credentials.GetProperty("SessionToken").GetString()!,
        };
        var identity = JsonDocument.Parse(await AwsAsync(session, "sts", "get-caller-identity", "--output", "json"));
        var inside = Path.Combine(Client.Folder, "inside.txt");
        await AwsAsync(session, "s3api", "get-object", "--bucket", _homeBucket, "--key", "home/x", inside);
        var (outsideExit, _, outsideError) = await Client.RunWithAsync(session, "aws", "--endpoint-url", Client.Endpoint,
            "s3api", "get-object", "--bucket", _homeBucket, "--key", "other/x", Path.Combine(Client.Folder, "outside.txt"));

        var sessionArn = $"arn:aws:sts::{Account}:assumed-role/home-reader/cli-session";
        Assert.Multiple(async () =>
        {
            Assert.That(assumed.RootElement.GetProperty("AssumedRoleUser").GetProperty("Arn").GetString(), Is.EqualTo(sessionArn));
            Assert.That(identity.RootElement.GetProperty("Arn").GetString(), Is.EqualTo(sessionArn));
            Assert.That(await File.ReadAllTextAsync(inside), Is.EqualTo("inside"));
            Assert.That(outsideExit, Is.Not.EqualTo(0), "the session may read only under home/");
            Assert.That(outsideError, Does.Contain("An error occurred (AccessDenied) when calling the GetObject operation"));
            Assert.That(outsideError, Does.Contain(
                $"User: {sessionArn} is not authorized to perform: s3:GetObject on resource: \"arn:aws:s3:::{_homeBucket}/other/x\" " +
                "because no identity-based policy allows the s3:GetObject action"));
        });
    }

    [Test]
    public async Task JavaScriptSdkV3_ReadsAPublicBucketAnonymously_IsDeniedOnAPrivateOne_AndReadsThroughAnAccessPointAlias()
    {
        var folder = CrossClientTests.JavaScriptClientFolder();
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "@aws-sdk", "client-s3")))
        {
            Assert.Ignore("The JavaScript SDK is not installed (npm ci in CrossClient/js; the test project's build does it when npm is present).");
        }
        var publicBucket = await CreateBucketAsync("js-public");
        await PutTextAsync(publicBucket, "doc.txt", "public body");
        await S3.DeletePublicAccessBlockAsync(new DeletePublicAccessBlockRequest { BucketName = publicBucket });
        await S3.PutBucketPolicyAsync(new PutBucketPolicyRequest
        {
            BucketName = publicBucket,
            Policy = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::{{publicBucket}}/*"}]}""",
        });
        var privateBucket = await CreateBucketAsync("js-private");
        await PutTextAsync(privateBucket, "doc.txt", "private body");
        using var control = new S3ControlTestClient(Emulator, Account, Emulator.DefaultCredentials.GetCredentials());
        var alias = (await control.CreateAccessPointAsync("js-" + Guid.NewGuid().ToString("N")[..12], privateBucket)).Succeeded().Value("Alias")!;

        var (exitCode, output, error) = await Client.RunAsync("node", Path.Combine(folder, "authorization_scenario.mjs"),
            Client.Endpoint, publicBucket, privateBucket, alias);

        Assert.That(exitCode, Is.EqualTo(0), error);
        Assert.That(output.Trim(), Is.EqualTo("OK"));
        Assert.That(Emulator.Journal.Entries.Count(e => e.Operation == "GetObject" && e.Bucket == privateBucket && e.StatusCode == 403 && e.Principal is null), Is.EqualTo(1),
            "the emulator saw the anonymous read of the private bucket and refused it");
    }

    private static string Url(Uri endpoint) => endpoint.ToString().TrimEnd('/');

    private async Task<string> AwsAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var (exitCode, output, error) = await Client.RunWithAsync(environment, "aws", ["--endpoint-url", Client.Endpoint, .. arguments]);
        Assert.That(exitCode, Is.EqualTo(0), $"aws {string.Join(' ', arguments)}\n{error}");
        return output;
    }
}
