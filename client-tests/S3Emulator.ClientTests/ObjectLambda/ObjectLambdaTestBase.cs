using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using S3Emulator.ExampleTransforms;
using S3Emulator.Server.Hosting;
using S3Emulator.Testing;
using S3Emulator.Transforms;

namespace S3Emulator.ClientTests.ObjectLambda;

/// <summary>
/// An emulator with one bucket, a supporting access point and Object Lambda access points over it, each configured with
/// a function registered in code (the in-process host): the example transforms and a few raw functions that misbehave
/// on purpose. Clients reach Object Lambda over HTTPS (it accepts nothing else) by ARN or alias.
/// </summary>
public abstract class ObjectLambdaTestBase(Transport transport) : EmulatorTestBase(transport)
{
    protected const string Account = "123456789012";
    protected const string DataBucket = "olap-data";
    protected const string SupportingName = "olap-ap";
    protected const string FunctionRoleArn = $"arn:aws:iam::{Account}:role/olap-function";

    protected static string OlapArn(string name) => $"arn:aws:s3-object-lambda:us-east-1:{Account}:accesspoint/{name}";

    /// <summary>A client for Object Lambda: HTTPS, virtual-hosted (ARN buckets refuse path-style).</summary>
    protected AmazonS3Client Olap { get; private set; } = null!;

    [OneTimeSetUp]
    public void CreateObjectLambdaClient() => Olap = CreateOlapClient(Emulator.DefaultCredentials);

    [OneTimeTearDown]
    public void DisposeObjectLambdaClient() => Olap?.Dispose();

    protected AmazonS3Client CreateOlapClient(Amazon.Runtime.AWSCredentials credentials, bool https = true) =>
        Emulator.CreateS3Client(credentials, c =>
        {
            c.ServiceURL = (https ? Emulator.HttpsUrl ?? new Uri("https://localhost") : Emulator.HttpUrl ?? new Uri("http://localhost")).ToString();
            c.ForcePathStyle = false;
        });

    protected override void ConfigureEmulator(S3EmulatorOptions options)
    {
        options.InitialBuckets.Add(DataBucket);
        options.AccessPoints.Add(new AccessPointOptions { Name = SupportingName, Bucket = DataBucket });
        options.Roles.Add(new RoleOptions
        {
            Name = "olap-function",
            TrustPolicy = new PolicyOptions
            {
                Name = "lambda",
                Document = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""",
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
        options.AddObjectLambdaFunction("uppercase", new UppercaseTransform(), FunctionRoleArn);
        options.AddObjectLambdaFunction("hide-keys", new HideKeysTransform(), FunctionRoleArn);
        options.AddObjectLambdaFunction("redact-json", new RedactJsonTransform(), FunctionRoleArn);
        options.AddObjectLambdaFunction("gzip", new GzipTransform(), FunctionRoleArn);
        options.AddObjectLambdaFunction("head-metadata", new HeadMetadataTransform(), FunctionRoleArn);
        options.AddObjectLambdaFunction("echo-request", EchoRequestAsync, FunctionRoleArn);
        options.AddObjectLambdaFunction("returns-without-answer", (_, _) => Task.CompletedTask, FunctionRoleArn);
        options.AddObjectLambdaFunction("throws", (_, _) => throw new InvalidOperationException("the transform broke"), FunctionRoleArn);
        options.AddObjectLambdaFunction("hangs", (_, context) => Task.Delay(Timeout.Infinite, context.CancellationToken), FunctionRoleArn,
            timeoutSeconds: 1);
        options.AddObjectLambdaFunction("forbids", ForbidAsync, FunctionRoleArn);
        options.AddObjectLambdaFunction("unsigned", new UppercaseTransform());
        options.AddObjectLambdaFunction("decorates", DecorateAsync, FunctionRoleArn);
        options.AddObjectLambdaFunction("shows-input-url", ShowInputUrlAsync, FunctionRoleArn);

        Olap("upper", "uppercase", ["GetObject"]);
        Olap("echo", "echo-request", ["GetObject"], features: ["GetObject-Range"]);
        Olap("echo-no-range", "echo-request", ["GetObject"]);
        Olap("meta", "head-metadata", ["HeadObject"], payload: """{"transformed":"yes"}""");
        Olap("redact", "redact-json", ["GetObject"], payload: """{"field":"ssn"}""");
        Olap("gzip", "gzip", ["GetObject"]);
        Olap("hide", "hide-keys", ["ListObjects", "ListObjectsV2"], payload: "secret/");
        Olap("quiet", "returns-without-answer", ["GetObject"]);
        Olap("broken", "throws", ["GetObject"]);
        Olap("slow", "hangs", ["GetObject"]);
        Olap("forbidding", "forbids", ["GetObject"]);
        Olap("missing", "no-such-function", ["GetObject"]);
        Olap("no-role", "unsigned", ["GetObject"]);
        Olap("decorated", "decorates", ["GetObject"]);
        Olap("input-url", "shows-input-url", ["GetObject"]);

        void Olap(string name, string function, List<string> actions, List<string>? features = null, string? payload = null) =>
            options.ObjectLambdaAccessPoints.Add(new ObjectLambdaAccessPointOptions
            {
                Name = name,
                SupportingAccessPoint = $"arn:aws:s3:us-east-1:{Account}:accesspoint/{SupportingName}",
                AllowedFeatures = features ?? [],
                TransformationConfigurations = [new ObjectLambdaTransformationOptions { Actions = actions, FunctionArn = function, FunctionPayload = payload }],
            });
    }

    // Answers with the user request the event carried (URL and headers), so tests see what the function saw.
    private static async Task EchoRequestAsync(S3ObjectLambdaEvent evt, ObjectLambdaContext context)
    {
        var text = new StringBuilder().Append(evt.UserRequest.Url).Append('\n');
        foreach (var (name, value) in evt.UserRequest.Headers.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase)) text.Append(name).Append(": ").Append(value).Append('\n');
        text.Append("identity: ").Append(evt.UserIdentity.Arn).Append('\n');
        text.Append("protocol: ").Append(evt.ProtocolVersion).Append('\n');
        await context.S3.WriteGetObjectResponseAsync(new WriteGetObjectResponseRequest
        {
            RequestRoute = evt.GetObjectContext!.OutputRoute,
            RequestToken = evt.GetObjectContext.OutputToken,
            Body = new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())),
            ContentType = "text/plain",
        }, context.CancellationToken);
    }

    /// <summary>The body <see cref="DecorateAsync"/> answers with.</summary>
    protected const string DecoratedBody = "transformed, with headers";

    // Answers with forwarded headers, metadata and the CRC32 of the transformed body.
    private static Task DecorateAsync(S3ObjectLambdaEvent evt, ObjectLambdaContext context)
    {
        var body = Encoding.UTF8.GetBytes(DecoratedBody);
        var request = new WriteGetObjectResponseRequest
        {
            RequestRoute = evt.GetObjectContext!.OutputRoute,
            RequestToken = evt.GetObjectContext.OutputToken,
            Body = new MemoryStream(body),
            ContentType = "text/plain",
            CacheControl = "no-store",
            ChecksumCRC32 = Crc32Of(body),
        };
        request.Metadata["origin"] = "object-lambda";
        return context.S3.WriteGetObjectResponseAsync(request, context.CancellationToken);
    }

    protected static string Crc32Of(byte[] body)
    {
        var crc = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, System.IO.Hashing.Crc32.HashToUInt32(body));
        return Convert.ToBase64String(crc);
    }

    // Answers with the event's inputS3Url, so tests see where functions are sent.
    private static Task ShowInputUrlAsync(S3ObjectLambdaEvent evt, ObjectLambdaContext context) =>
        context.S3.WriteGetObjectResponseAsync(new WriteGetObjectResponseRequest
        {
            RequestRoute = evt.GetObjectContext!.OutputRoute,
            RequestToken = evt.GetObjectContext.OutputToken,
            Body = new MemoryStream(Encoding.UTF8.GetBytes(evt.GetObjectContext.InputS3Url)),
        }, context.CancellationToken);

    private static Task ForbidAsync(S3ObjectLambdaEvent evt, ObjectLambdaContext context) =>
        context.S3.WriteGetObjectResponseAsync(new WriteGetObjectResponseRequest
        {
            RequestRoute = evt.GetObjectContext!.OutputRoute,
            RequestToken = evt.GetObjectContext.OutputToken,
            StatusCode = 403,
            ErrorCode = "MissingRequiredToken",
            ErrorMessage = "The request needs a token.",
        }, context.CancellationToken);

    protected async Task PutDataAsync(string key, string body, Action<PutObjectRequest>? configure = null)
    {
        var request = new PutObjectRequest { BucketName = DataBucket, Key = key, ContentBody = body };
        configure?.Invoke(request);
        await SecureS3.PutObjectAsync(request);
    }

    protected static async Task<string> ReadAsync(GetObjectResponse response)
    {
        using (response)
        using (var reader = new StreamReader(response.ResponseStream))
        {
            return await reader.ReadToEndAsync();
        }
    }
}
