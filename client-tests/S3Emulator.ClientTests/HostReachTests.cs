using System.Net;
using Amazon;
using Amazon.KeyManagementService.Model;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SecurityToken.Model;

namespace S3Emulator.ClientTests;

/// <summary>
/// The hosts the SDKs build (<c>{account}.localhost</c>, <c>{ap}-{account}.localhost</c>, the AWS default
/// endpoints) resolve nowhere here; the fixture's clients reach the emulator on every one of them, in-process and
/// over loopback.
/// </summary>
public sealed class HostReachTests(Transport transport) : EmulatorTestBase(transport)
{
    private const string Account = "123456789012";

    [Test]
    public async Task S3Client_AtTheAwsDefaultEndpoint_VirtualHosted_ReachesTheEmulator()
    {
        using var s3 = Emulator.CreateS3Client(c =>
        {
            c.RegionEndpoint = RegionEndpoint.USEast1;
            c.ForcePathStyle = false;
        });
        var bucket = $"aws-host-{Guid.NewGuid():N}";

        await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "dir/a b.txt", ContentBody = "by its AWS name" });

        Assert.That(await GetTextAsync(bucket, "dir/a b.txt"), Is.EqualTo("by its AWS name"));
        Assert.That(Emulator.Journal.Entries.Single(e => e.Operation == "PutObject" && e.Bucket == bucket).StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task S3Client_OnALocalhostSubdomain_ReachesTheEmulator()
    {
        var bucket = await CreateBucketAsync("sub");
        using var s3 = Emulator.CreateS3Client(c => c.ForcePathStyle = false);

        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "k", ContentBody = "through bucket.localhost" });

        Assert.That(await GetTextAsync(bucket, "k"), Is.EqualTo("through bucket.localhost"));
    }

    [Test]
    public async Task KmsClient_AtItsDefaultEndpoint_CreatesAKey()
    {
        using var kms = Emulator.CreateKmsClient(c => c.RegionEndpoint = RegionEndpoint.USEast1);

        var created = await kms.CreateKeyAsync(new CreateKeyRequest { Description = "kms.us-east-1.amazonaws.com" });

        Assert.That(created.KeyMetadata.Arn, Does.StartWith($"arn:aws:kms:us-east-1:{Account}:key/"));
    }

    // STS itself is another change's: whatever the emulator answers, the request must reach it (no DNS failure).
    [TestCase(false, TestName = "StsClient_AtTheEmulatorsEndpoint_ReachesTheEmulator")]
    [TestCase(true, TestName = "StsClient_AtItsDefaultEndpoint_ReachesTheEmulator")]
    public async Task StsClient_ReachesTheEmulator(bool defaultEndpoint)
    {
        using var sts = defaultEndpoint
            ? Emulator.CreateStsClient(c => c.RegionEndpoint = RegionEndpoint.USEast1)
            : Emulator.CreateStsClient();
        var before = Emulator.Journal.Entries.Count;

        try
        {
            await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        }
        catch (AmazonServiceException)
        {
            // An answer from the emulator, whatever it says.
        }

        Assert.That(Emulator.Journal.Entries.Skip(before).Select(e => e.Method), Is.EqualTo(new[] { "POST" }));
    }

    [Test]
    public async Task S3Client_WithSessionCredentials_SignsWithThem()
    {
        var credentials = new SessionAWSCredentials(
            S3Emulator.Server.Hosting.S3CredentialOptions.DefaultAccessKeyId,
            S3Emulator.Server.Hosting.S3CredentialOptions.DefaultSecretAccessKey, "a-session-token");
        using var s3 = Emulator.CreateS3Client(credentials);
        var before = Emulator.Journal.Entries.Count;

        try
        {
            await s3.ListBucketsAsync();
        }
        catch (AmazonS3Exception)
        {
            // Whether a made-up token is accepted is the STS change's to decide; here only who signed matters.
        }

        Assert.That(Emulator.Journal.Entries.Skip(before).Single().Operation, Is.EqualTo("ListBuckets"));
    }

    /// <summary>Every host an SDK builds for access points, S3 Control, Object Lambda, STS and KMS reaches the emulator.</summary>
    [TestCase("{0}-" + Account + ".localhost", TestName = "AnAccessPointHostUnderLocalhost_ReachesTheEmulator")]
    [TestCase(Account + ".localhost", TestName = "AnS3ControlHostUnderLocalhost_ReachesTheEmulator")]
    [TestCase("io-use1-001.localhost", TestName = "AWriteGetObjectResponseRouteUnderLocalhost_ReachesTheEmulator")]
    [TestCase("https://{0}-" + Account + ".s3-accesspoint.us-east-1.amazonaws.com", TestName = "AnAwsAccessPointHost_ReachesTheEmulator")]
    [TestCase("https://" + Account + ".s3-control.us-east-1.amazonaws.com", TestName = "AnAwsS3ControlHost_ReachesTheEmulator")]
    [TestCase("https://{0}-" + Account + ".s3-object-lambda.us-east-1.amazonaws.com", TestName = "AnAwsObjectLambdaHost_ReachesTheEmulator")]
    [TestCase("https://sts.amazonaws.com", TestName = "TheGlobalStsHost_ReachesTheEmulator")]
    [TestCase("http://s3.us-east-1.amazonaws.com", TestName = "AnAwsHostOverPlainHttp_ReachesTheEmulator")]
    public async Task AnSdkBuiltHost_ReachesTheEmulator(string host)
    {
        host = string.Format(System.Globalization.CultureInfo.InvariantCulture, host, "my-ap");
        // Hosts under localhost keep the emulator's scheme and port, as SDKs build them from the endpoint.
        var origin = host.Contains("://", StringComparison.Ordinal)
            ? new Uri(host)
            : new UriBuilder(Emulator.ServiceUrl) { Host = host }.Uri;
        using var http = Emulator.CreateHttpClient();
        var before = Emulator.Journal.Entries.Count;

        using var response = await http.GetAsync(new Uri(origin, "/"));

        // S3 names its request id x-amz-request-id; STS (the global STS host) x-amzn-RequestId.
        Assert.That(response.Headers.Contains("x-amz-request-id") || response.Headers.Contains("x-amzn-RequestId"), Is.True,
            $"{origin} answered {response.StatusCode}");
        Assert.That(Emulator.Journal.Entries.Skip(before).Select(e => e.Method), Is.EqualTo(new[] { "GET" }));
    }

    /// <summary>
    /// OpenSSL clients (the AWS CLI, boto3, Node) check the certificate by name: the loopback certificate names the
    /// AWS hosts they build and the account's host under localhost, where OpenSSL ignores the <c>*.localhost</c> wildcard.
    /// </summary>
    [TestCase("s3.amazonaws.com")]
    [TestCase("bucket.s3.amazonaws.com")]
    [TestCase("bucket.s3.us-east-1.amazonaws.com")]
    [TestCase("my-ap-123456789012.s3-accesspoint.us-east-1.amazonaws.com")]
    [TestCase("123456789012.s3-control.us-east-1.amazonaws.com")]
    [TestCase("my-olap-123456789012.s3-object-lambda.us-east-1.amazonaws.com")]
    [TestCase("sts.amazonaws.com")]
    [TestCase("sts.us-east-1.amazonaws.com")]
    [TestCase("kms.us-east-1.amazonaws.com")]
    [TestCase("123456789012.localhost")]
    public void TheLoopbackCertificate_NamesTheHost(string host)
    {
        if (Emulator.Certificate is null) Assert.Ignore("In-process there is no certificate.");

        Assert.That(Emulator.Certificate.MatchesHostname(host, allowWildcards: true, allowCommonName: false), Is.True);
        Assert.That(Emulator.Certificate.MatchesHostname("example.com", allowWildcards: true, allowCommonName: false), Is.False);
    }

    [Test]
    public void StartHostRedirectProxy_InProcess_Refuses()
    {
        if (Emulator.Certificate is not null) Assert.Ignore("Loopback emulators have a port to reach.");

        Assert.That(() => Emulator.StartHostRedirectProxy(), Throws.InvalidOperationException);
    }
}
