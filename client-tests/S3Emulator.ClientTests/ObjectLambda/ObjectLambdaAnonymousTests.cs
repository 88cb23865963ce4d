using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using S3Emulator.ClientTests.AccessPoints;
using S3Emulator.ClientTests.ObjectLambda.Control;
using S3Emulator.Server.Hosting;

namespace S3Emulator.ClientTests.ObjectLambda;

/// <summary>
/// Object Lambda serves authenticated principals only: an anonymous GET, HEAD or List is refused even when the Object
/// Lambda access point's policy, the supporting access point's policy and the bucket policy all allow
/// <c>"Principal":"*"</c> (stored through S3 Control and PutBucketPolicy with Block Public Access off) — and the
/// function never runs.
/// </summary>
public sealed class ObjectLambdaAnonymousTests(Transport transport) : ObjectLambdaSecurityTestBase(transport)
{
    private const string PublicBucket = "olap-public";
    private const string PublicApArn = $"arn:aws:s3:us-east-1:{Account}:accesspoint/public-ap";
    private const string Key = "public.txt";

    private AmazonS3Client _anonymous = null!;

    protected override void ConfigureEmulator(S3EmulatorOptions options)
    {
        base.ConfigureEmulator(options);
        options.InitialBuckets.Add(PublicBucket);
        options.AccessPoints.Add(new AccessPointOptions
        {
            Name = "public-ap",
            Bucket = PublicBucket,
            PublicAccessBlock = new AccessPointPublicAccessBlockOptions
            {
                BlockPublicAcls = false, IgnorePublicAcls = false, BlockPublicPolicy = false, RestrictPublicBuckets = false,
            },
        });
        AddOlap(options, "public", "recording", ["GetObject", "HeadObject", "ListObjectsV2"], supporting: PublicApArn);
    }

    [OneTimeSetUp]
    public async Task MakeEverythingPublicAsync()
    {
        using var control = new S3ControlTestClient(Emulator, Account, Emulator.DefaultCredentials.GetCredentials());
        (await control.PutPublicAccessBlockAsync(false, false, false, false)).Succeeded();
        await SecureS3.DeletePublicAccessBlockAsync(new DeletePublicAccessBlockRequest { BucketName = PublicBucket });
        await SecureS3.PutBucketPolicyAsync(new PutBucketPolicyRequest
        {
            BucketName = PublicBucket,
            Policy = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::{{PublicBucket}}","arn:aws:s3:::{{PublicBucket}}/*"]}]}""",
        });
        (await control.PutAccessPointPolicyAsync("public-ap",
            $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":["s3:GetObject","s3:ListBucket"],"Resource":["{{PublicApArn}}","{{PublicApArn}}/object/*"]}]}""")).Succeeded();
        (await control.PutAccessPointPolicyForObjectLambdaAsync("public",
            $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":["s3-object-lambda:GetObject","s3-object-lambda:ListBucket"],"Resource":"{{OlapArn("public")}}"}]}""")).Succeeded();
        await SecureS3.PutObjectAsync(new PutObjectRequest { BucketName = PublicBucket, Key = Key, ContentBody = "public" });
        // AWS's own Object Lambda host: on localhost, an unsigned {name}-{account} host is S3's access point host too.
        _anonymous = Emulator.CreateS3Client(new AnonymousAWSCredentials(), c =>
        {
            c.RegionEndpoint = Amazon.RegionEndpoint.USEast1;
            c.ForcePathStyle = false;
        });
    }

    [OneTimeTearDown]
    public void DisposeAnonymous() => _anonymous?.Dispose();

    [Test]
    public async Task TheBucketItself_IsPublic_SoThePoliciesWouldAllowAnyone()
    {
        using var anonymous = Emulator.CreateS3Client(new AnonymousAWSCredentials(), c => c.ServiceURL = (Emulator.HttpsUrl ?? new Uri("https://localhost")).ToString());

        using var response = await anonymous.GetObjectAsync(PublicBucket, Key);

        Assert.That(response.HttpStatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task AnAuthenticatedCaller_ReadsThroughTheSameAccessPoint()
    {
        var before = Recorded.Count;

        Assert.That(await ReadAsync(await Olap.GetObjectAsync(OlapArn("public"), Key)), Is.EqualTo("public"));
        Assert.That(Recorded, Has.Count.EqualTo(before + 1));
    }

    [Test]
    public async Task AnonymousGetObject_ByArn_IsAccessDenied_AndInvokesNothing()
    {
        var before = Recorded.Count;

        var error = await ExpectS3ErrorAsync(() => _anonymous.GetObjectAsync(OlapArn("public"), Key));

        Assert.That((error.StatusCode, error.ErrorCode), Is.EqualTo((HttpStatusCode.Forbidden, "AccessDenied")), error.Message);
        Assert.That(Emulator.Journal.Last("GetObject")?.Invocation, Is.Null);
        Assert.That(Recorded, Has.Count.EqualTo(before));
    }

    [Test]
    public async Task AnonymousHeadObject_IsRefused_AndInvokesNothing()
    {
        var before = Recorded.Count;

        var error = await ExpectS3ErrorAsync(() => _anonymous.GetObjectMetadataAsync(OlapArn("public"), Key));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(Emulator.Journal.Last("HeadObject")?.Invocation, Is.Null);
        Assert.That(Recorded, Has.Count.EqualTo(before));
    }

    [Test]
    public async Task AnonymousListObjectsV2_IsAccessDenied_AndInvokesNothing()
    {
        var before = Recorded.Count;

        var error = await ExpectS3ErrorAsync(() => _anonymous.ListObjectsV2Async(new ListObjectsV2Request { BucketName = OlapArn("public") }));

        Assert.That((error.StatusCode, error.ErrorCode), Is.EqualTo((HttpStatusCode.Forbidden, "AccessDenied")), error.Message);
        Assert.That(Emulator.Journal.Last("ListObjectsV2")?.Invocation, Is.Null);
        Assert.That(Recorded, Has.Count.EqualTo(before));
    }

    [Test]
    public async Task AnonymousGetObject_ByArnOnLocalhost_IsRefused_AndInvokesNothing()
    {
        // Unsigned, {name}-{account}.localhost carries no signing name to tell an Object Lambda access point from an S3
        // one; S3 finds the Object Lambda access point and refuses as Object Lambda does.
        using var anonymous = CreateOlapClient(new AnonymousAWSCredentials());
        var before = Recorded.Count;

        var error = await ExpectS3ErrorAsync(() => anonymous.GetObjectAsync(OlapArn("public"), Key));

        Assert.That((error.StatusCode, error.ErrorCode), Is.EqualTo((HttpStatusCode.Forbidden, "AccessDenied")), error.Message);
        Assert.That(Recorded, Has.Count.EqualTo(before));
    }

    [Test]
    public async Task AnonymousGetObject_ByAlias_IsAccessDenied_AndInvokesNothing()
    {
        var alias = await AliasOfAsync("public");
        using var anonymous = Emulator.CreateS3Client(new AnonymousAWSCredentials(), c => c.ServiceURL = (Emulator.HttpsUrl ?? new Uri("https://localhost")).ToString());
        var before = Recorded.Count;

        var error = await ExpectS3ErrorAsync(() => anonymous.GetObjectAsync(alias, Key));

        Assert.That((error.StatusCode, error.ErrorCode), Is.EqualTo((HttpStatusCode.Forbidden, "AccessDenied")), error.Message);
        Assert.That(Recorded, Has.Count.EqualTo(before));
    }
}
