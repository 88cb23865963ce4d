using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.SecurityToken.Model;
using S3Emulator.Server.Hosting;
using S3Emulator.Testing;
using S3Emulator.Transforms;

namespace S3Emulator.ClientTests.ObjectLambda.Functions;

/// <summary>
/// What the HTTP-function tests share: a bucket, a supporting access point, an execution role and the user the test
/// process's <see cref="ObjectLambdaFunctionHost"/> assumes it as — as a Lambda's environment is handed the role's
/// session credentials — and Object Lambda access points over the supporting one.
/// </summary>
internal static class HttpFunctionSetup
{
    public const string Account = "123456789012";
    public const string DataBucket = "olap-http-data";
    public const string SupportingName = "olap-http-ap";
    public const string RoleName = "olap-http-function";
    public const string RoleArn = $"arn:aws:iam::{Account}:role/{RoleName}";
    public const string HostUserName = "olap-function-host";

    private const string HostAccessKey = "AKIAOLAPFUNCTIONHOST";
    private const string HostSecret = "olapFunctionHostSecretOlapFunctionHost01";

    public static string OlapArn(string name) => $"arn:aws:s3-object-lambda:us-east-1:{Account}:accesspoint/{name}";

    public static string FunctionArn(string name) => $"arn:aws:lambda:us-east-1:{Account}:function:{name}";

    /// <summary>The default credentials (first, so the fixture's clients keep signing as root), the host's user, the role, the bucket and access point.</summary>
    public static void AddTo(S3EmulatorOptions options)
    {
        options.Credentials.Add(new() { AccessKeyId = S3CredentialOptions.DefaultAccessKeyId, SecretAccessKey = S3CredentialOptions.DefaultSecretAccessKey });
        options.Credentials.Add(new() { AccessKeyId = HostAccessKey, SecretAccessKey = HostSecret, UserName = HostUserName });
        options.InitialBuckets.Add(DataBucket);
        options.AccessPoints.Add(new AccessPointOptions { Name = SupportingName, Bucket = DataBucket });
        options.Roles.Add(new RoleOptions
        {
            Name = RoleName,
            TrustPolicy = new PolicyOptions
            {
                Name = "function-host",
                Document = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{Account}}:user/{{HostUserName}}"},"Action":"sts:AssumeRole"}]}""",
            },
            Policies =
            [
                new PolicyOptions
                {
                    Name = "AmazonS3ObjectLambdaExecutionRolePolicy",
                    Document = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3-object-lambda:WriteGetObjectResponse","Resource":"*"}]}""",
                },
            ],
        });
    }

    /// <summary>An Object Lambda access point over the supporting access point, naming <paramref name="function"/> for <paramref name="actions"/>.</summary>
    public static void AddObjectLambdaAccessPoint(S3EmulatorOptions options, string name, string function, List<string> actions, string? payload = null) =>
        options.ObjectLambdaAccessPoints.Add(new ObjectLambdaAccessPointOptions
        {
            Name = name,
            SupportingAccessPoint = $"arn:aws:s3:us-east-1:{Account}:accesspoint/{SupportingName}",
            TransformationConfigurations = [new ObjectLambdaTransformationOptions { Actions = actions, FunctionArn = function, FunctionPayload = payload }],
        });

    /// <summary>
    /// Assumes the execution role on <paramref name="emulator"/> as the host's user and starts a function host that
    /// signs with the session and reaches the emulator's HTTPS endpoint, trusting exactly its certificate.
    /// </summary>
    public static async Task<ObjectLambdaFunctionHost> StartHostAsync(S3EmulatorServer emulator, int port = 0)
    {
        using var sts = emulator.CreateStsClient(new BasicAWSCredentials(HostAccessKey, HostSecret));
        var session = (await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = RoleArn, RoleSessionName = "function-host" })).Credentials;
        return await ObjectLambdaFunctionHost.StartAsync(new ObjectLambdaFunctionHostOptions
        {
            EmulatorUrl = emulator.HttpsUrl!,
            EmulatorCertificate = emulator.Certificate,
            Credentials = new ObjectLambdaCredentials(session.AccessKeyId, session.SecretAccessKey, session.SessionToken),
            Port = port,
        });
    }

    /// <summary>A loopback port nothing listens on now (free for a host to take, or refusing connections).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
