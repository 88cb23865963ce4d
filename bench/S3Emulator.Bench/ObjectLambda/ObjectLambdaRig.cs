using Amazon.S3;
using Amazon.SecurityToken.Model;
using S3Emulator.ExampleTransforms;
using S3Emulator.Server.Hosting;
using S3Emulator.Testing;
using S3Emulator.Transforms;

namespace S3Emulator.Bench;

/// <summary>How the benchmark's client reaches the emulator.</summary>
public enum BenchTransport
{
    /// <summary>TestServer: no sockets (Object Lambda still sees HTTPS, as the fixture's clients say https://localhost).</summary>
    InProcess,

    /// <summary>Kestrel on 127.0.0.1 over TLS.</summary>
    LoopbackHttps,
}

/// <summary>Where the Object Lambda function runs.</summary>
public enum BenchFunctionHost
{
    /// <summary>Registered in code (<c>AddObjectLambdaFunction</c>): invoked by a method call, its clients reach the emulator through its own handler.</summary>
    InProcess,

    /// <summary>
    /// <see cref="ObjectLambdaFunctionHost"/> on Kestrel: the emulator POSTs the event to it, and the function reaches
    /// the emulator back over loopback HTTPS with an assumed role's session credentials. Needs a loopback emulator.
    /// </summary>
    Http,
}

/// <summary>
/// An emulator with bucket <see cref="Bucket"/>, supporting access point <c>bench-ap</c>, and an Object Lambda access
/// point (<see cref="OlapArn"/>) whose GetObject runs a transform (identity by default) in the chosen host; and one
/// client, HTTPS and virtual-hosted (Object Lambda accepts nothing else), for both the plain and the transformed GET.
/// </summary>
internal sealed class ObjectLambdaRig : IAsyncDisposable
{
    public const string Bucket = "bench";
    private const string SupportingName = "bench-ap";
    private const string OlapName = "bench-olap";
    private const string FunctionName = "bench-transform";
    private const string RoleName = "olap-function";

    // A user who may assume the function's role for the HTTP host (AWS refuses AssumeRole to root users).
    private const string DeployerKey = "AKIABENCHDEPLOYER001", DeployerSecret = "benchDeployerSecretBenchDeployerSecret01";

    private readonly S3EmulatorServer _emulator;
    private readonly ObjectLambdaFunctionHost? _functionHost;

    private ObjectLambdaRig(S3EmulatorServer emulator, ObjectLambdaFunctionHost? functionHost, AmazonS3Client client, string olapArn)
    {
        _emulator = emulator;
        _functionHost = functionHost;
        Client = client;
        OlapArn = olapArn;
    }

    /// <summary>Signs as the account's root user; HTTPS, virtual-hosted.</summary>
    public AmazonS3Client Client { get; }

    /// <summary>The Object Lambda access point's ARN, the bucket of a transformed GET.</summary>
    public string OlapArn { get; }

    /// <param name="transport">How the client reaches the emulator.</param>
    /// <param name="host">Where the function runs.</param>
    /// <param name="transform">The function's code; identity when null.</param>
    /// <param name="dataPath">A file-system store's folder; null keeps objects in memory.</param>
    public static async Task<ObjectLambdaRig> StartAsync(BenchTransport transport, BenchFunctionHost host, IObjectLambdaTransform? transform = null, string? dataPath = null)
    {
        if (transport == BenchTransport.InProcess && host == BenchFunctionHost.Http)
        {
            throw new ArgumentException("An HTTP function calls the emulator back over the network; an in-process emulator has none.", nameof(host));
        }

        transform ??= new IdentityTransform();
        string account = "", region = "";
        void Configure(S3EmulatorOptions options)
        {
            account = options.AccountId;
            region = options.Region;
            options.DataPath = dataPath;
            options.Credentials.Add(new S3CredentialOptions { AccessKeyId = S3CredentialOptions.DefaultAccessKeyId, SecretAccessKey = S3CredentialOptions.DefaultSecretAccessKey });
            options.Credentials.Add(new S3CredentialOptions { AccessKeyId = DeployerKey, SecretAccessKey = DeployerSecret, UserName = "deployer" });
            options.InitialBuckets.Add(Bucket);
            options.AccessPoints.Add(new AccessPointOptions { Name = SupportingName, Bucket = Bucket });
            options.Roles.Add(new RoleOptions
            {
                Name = RoleName,
                // Lambda assumes it for an in-process function; the deployer assumes it for the HTTP host.
                TrustPolicy = new PolicyOptions
                {
                    Name = "lambda",
                    Document = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com","AWS":"arn:aws:iam::{{options.AccountId}}:user/deployer"},"Action":"sts:AssumeRole"}]}""",
                },
                Policies =
                [
                    new PolicyOptions
                    {
                        Name = "AmazonS3ObjectLambdaExecutionRolePolicy",
                        Document = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3-object-lambda:WriteGetObjectResponse","s3:GetObject"],"Resource":"*"}]}""",
                    },
                ],
            });
            if (host == BenchFunctionHost.InProcess) options.AddObjectLambdaFunction(FunctionName, transform, RoleArn(options.AccountId));
            options.ObjectLambdaAccessPoints.Add(new ObjectLambdaAccessPointOptions
            {
                Name = OlapName,
                SupportingAccessPoint = $"arn:aws:s3:{options.Region}:{options.AccountId}:accesspoint/{SupportingName}",
                TransformationConfigurations = [new ObjectLambdaTransformationOptions { Actions = ["GetObject"], FunctionArn = FunctionName }],
            });
        }

        var emulator = transport == BenchTransport.InProcess
            ? await S3EmulatorServer.StartAsync(Configure)
            : await S3EmulatorServer.StartLoopbackAsync(Configure, preferHttps: true);
        var client = emulator.CreateS3Client(c =>
        {
            c.ServiceURL = (emulator.HttpsUrl ?? new Uri("https://localhost")).ToString();
            c.ForcePathStyle = false;
        });
        var functionHost = host == BenchFunctionHost.Http ? await StartFunctionHostAsync(emulator, transform, account, region) : null;
        return new ObjectLambdaRig(emulator, functionHost, client, $"arn:aws:s3-object-lambda:{region}:{account}:accesspoint/{OlapName}");
    }

    private static string RoleArn(string account) => $"arn:aws:iam::{account}:role/{RoleName}";

    // The host signs as a Lambda's environment would: session credentials of the execution role. Its URL exists only
    // once it listens, so the function is registered at run time, as a test process registers it.
    private static async Task<ObjectLambdaFunctionHost> StartFunctionHostAsync(S3EmulatorServer emulator, IObjectLambdaTransform transform, string account, string region)
    {
        using var sts = emulator.CreateStsClient(new Amazon.Runtime.BasicAWSCredentials(DeployerKey, DeployerSecret));
        var session = (await sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = RoleArn(account), RoleSessionName = "bench", DurationSeconds = 3600,
        })).Credentials;
        var functionHost = await ObjectLambdaFunctionHost.StartAsync(new ObjectLambdaFunctionHostOptions
        {
            EmulatorUrl = emulator.HttpsUrl!,
            EmulatorCertificate = emulator.Certificate,
            Credentials = new ObjectLambdaCredentials(session.AccessKeyId, session.SecretAccessKey, session.SessionToken),
        });
        var url = functionHost.Add(FunctionName, transform);
        using var functions = new FunctionsRegistration(emulator);
        await functions.PutAsync($"arn:aws:lambda:{region}:{account}:function:{FunctionName}", url);
        return functionHost;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_functionHost is not null) await _functionHost.DisposeAsync();
        await _emulator.DisposeAsync();
    }
}
