using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using S3Emulator.ExampleTransforms;
using S3Emulator.Server.Hosting;
using S3Emulator.Testing;
using S3Emulator.Transforms;

namespace S3Emulator.ClientTests.ObjectLambda;

/// <summary>
/// <see cref="ObjectLambdaTestBase"/> with what the security rules need: IAM users whose identity policies grant one
/// Object Lambda permission less each, the root user of another account, an execution role scoped too narrowly, and
/// functions that show what reached them (a recorder that keeps every event it is given and then answers as the
/// identity transform does, a reader of SSE-C objects with its own credentials, the re-encrypting example).
/// </summary>
public abstract class ObjectLambdaSecurityTestBase(Transport transport) : ObjectLambdaTestBase(transport)
{
    protected const string OtherAccountId = "210987654321";
    protected const string SupportingArn = $"arn:aws:s3:us-east-1:{Account}:accesspoint/{SupportingName}";
    protected const string NarrowRoleArn = $"arn:aws:iam::{Account}:role/olap-function-narrow";
    private const string Secret = "object-lambda-security-tests-secret";
    private const string NoOlapKey = "AKIAOLNOOLAPUSER0001";
    private const string NoInvokeKey = "AKIAOLNOINVOKEUSER01";
    private const string CalledViaKey = "AKIAOLCALLEDVIAUSER1";
    private const string NoS3Key = "AKIAOLNOS3ACCESSUSR1";
    private const string GetOnlyKey = "AKIAOLGETONLYUSER001";
    private const string OtherAccountKey = "AKIAOLOTHERACCOUNT01";

    private const string CalledViaCondition = """{"ForAnyValue:StringEquals":{"aws:CalledVia":["s3-object-lambda.amazonaws.com"]}}""";

    /// <summary>Every event the <c>recording</c> function was given, in order.</summary>
    protected ConcurrentQueue<S3ObjectLambdaEvent> Recorded { get; } = new();

    /// <summary>The AES-256 key the <c>ssec-reader</c> function is configured with (its payload).</summary>
    protected byte[] ReaderKey { get; } = RandomNumberGenerator.GetBytes(32);

    /// <summary>The keys the <c>reencrypt</c> access point's example function decrypts with and encrypts under.</summary>
    protected byte[] CseSourceKey { get; } = RandomNumberGenerator.GetBytes(32);

    protected byte[] CseTargetKey { get; } = RandomNumberGenerator.GetBytes(32);

    /// <summary>Lacks <c>s3-object-lambda:*</c>.</summary>
    protected static AWSCredentials NoOlapUser => new BasicAWSCredentials(NoOlapKey, Secret);

    /// <summary>Lacks <c>lambda:InvokeFunction</c>.</summary>
    protected static AWSCredentials NoInvokeUser => new BasicAWSCredentials(NoInvokeKey, Secret);

    /// <summary>Has everything, but S3 through the supporting access point only as called via S3 Object Lambda.</summary>
    protected static AWSCredentials CalledViaUser => new BasicAWSCredentials(CalledViaKey, Secret);

    /// <summary>Has the Object Lambda and Lambda permissions, no S3 permission.</summary>
    protected static AWSCredentials NoS3User => new BasicAWSCredentials(NoS3Key, Secret);

    /// <summary>Has <c>s3-object-lambda:GetObject</c> but not <c>s3-object-lambda:ListBucket</c>.</summary>
    protected static AWSCredentials GetOnlyUser => new BasicAWSCredentials(GetOnlyKey, Secret);

    /// <summary>The root user of <see cref="OtherAccountId"/>.</summary>
    protected static AWSCredentials OtherAccountRoot => new BasicAWSCredentials(OtherAccountKey, Secret);

    protected static string UserArn(string name) => $"arn:aws:iam::{Account}:user/{name}";

    protected override void ConfigureEmulator(S3EmulatorOptions options)
    {
        // The default root credential first: the fixture's clients sign with the first configured one.
        options.Credentials.Add(new() { AccessKeyId = S3CredentialOptions.DefaultAccessKeyId, SecretAccessKey = S3CredentialOptions.DefaultSecretAccessKey });
        const string olapAll = """{"Effect":"Allow","Action":["s3-object-lambda:Get*","s3-object-lambda:List*"],"Resource":"*"}""";
        const string invoke = """{"Effect":"Allow","Action":"lambda:InvokeFunction","Resource":"*"}""";
        const string s3All = """{"Effect":"Allow","Action":"s3:*","Resource":"*"}""";
        User(NoOlapKey, "no-olap", invoke, s3All);
        User(NoInvokeKey, "no-invoke", olapAll, s3All);
        User(CalledViaKey, "called-via", olapAll,
            $$"""{"Effect":"Allow","Action":"lambda:InvokeFunction","Resource":"*","Condition":{{CalledViaCondition}}}""",
            $$"""{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":["{{SupportingArn}}","{{SupportingArn}}/object/*"],"Condition":{{CalledViaCondition}}}""");
        User(NoS3Key, "no-s3", olapAll, invoke);
        User(GetOnlyKey, "get-only", """{"Effect":"Allow","Action":"s3-object-lambda:GetObject","Resource":"*"}""", invoke, s3All);
        options.Credentials.Add(new() { AccessKeyId = OtherAccountKey, SecretAccessKey = Secret, AccountId = OtherAccountId });

        base.ConfigureEmulator(options);
        options.Roles.Add(new RoleOptions
        {
            Name = "olap-function-narrow",
            TrustPolicy = new PolicyOptions
            {
                Name = "lambda",
                Document = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""",
            },
            Policies = [new PolicyOptions { Name = "read-only", Document = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""" }],
        });

        options.AddObjectLambdaFunction("recording", RecordAndPassAsync, FunctionRoleArn);
        options.AddObjectLambdaFunction("ssec-reader", ReadWithOwnCustomerKeyAsync, FunctionRoleArn);
        options.AddObjectLambdaFunction("cse-reencrypt", new ReencryptTransform(), FunctionRoleArn);
        options.AddObjectLambdaFunction("narrow-upper", new UppercaseTransform(), NarrowRoleArn);

        AddOlap(options, "recording", "recording", ["GetObject", "HeadObject", "ListObjectsV2"]);
        AddOlap(options, "ssec-reader", "ssec-reader", ["GetObject"], payload: Convert.ToBase64String(ReaderKey));
        AddOlap(options, "reencrypt", "cse-reencrypt", ["GetObject"],
            payload: $$"""{"sourceKey":"{{Convert.ToBase64String(CseSourceKey)}}","targetKey":"{{Convert.ToBase64String(CseTargetKey)}}"}""");
        AddOlap(options, "narrow", "narrow-upper", ["GetObject"]);

        void User(string accessKey, string name, params string[] statements) => options.Credentials.Add(new()
        {
            AccessKeyId = accessKey, SecretAccessKey = Secret, UserName = name,
            Policies = [new() { Name = name, Document = $$"""{"Version":"2012-10-17","Statement":[{{string.Join(',', statements)}}]}""" }],
        });
    }

    /// <summary>Adds an Object Lambda access point over <paramref name="supporting"/> (the fixture's own by default).</summary>
    protected static void AddOlap(
        S3EmulatorOptions options, string name, string function, List<string> actions, string? payload = null, string? policy = null,
        string supporting = SupportingArn) =>
        options.ObjectLambdaAccessPoints.Add(new ObjectLambdaAccessPointOptions
        {
            Name = name,
            SupportingAccessPoint = supporting,
            Policy = policy,
            TransformationConfigurations = [new ObjectLambdaTransformationOptions { Actions = actions, FunctionArn = function, FunctionPayload = payload }],
        });

    /// <summary>The events the recorder was given for requests naming <paramref name="key"/>.</summary>
    protected IReadOnlyList<S3ObjectLambdaEvent> RecordedFor(string key) =>
        [.. Recorded.Where(e => e.UserRequest.Url.Contains(key, StringComparison.Ordinal))];

    /// <summary>Everything the emulator kept of its requests (the journal as JSON) and said (every log line), to search for secrets.</summary>
    protected string EverythingRecorded() =>
        JournalJson() + "\n" + Logs.All + "\n" + string.Join('\n', Recorded.Select(e => JsonSerializer.Serialize(e)));

    /// <summary>Every journal entry, as JSON.</summary>
    protected string JournalJson() =>
        JsonSerializer.Serialize(Emulator.Journal.Entries, new JsonSerializerOptions { ReferenceHandler = System.Text.Json.Serialization.ReferenceHandler.IgnoreCycles });

    /// <summary>The <c>--ol-s3</c> alias of an Object Lambda access point, read through S3 Control.</summary>
    protected async Task<string> AliasOfAsync(string olapName)
    {
        using var control = new AccessPoints.S3ControlTestClient(Emulator, Account, Emulator.DefaultCredentials.GetCredentials());
        var response = await control.SendAsync("GET", $"accesspointforobjectlambda/{olapName}");
        var alias = response.Value("Value");
        Assert.That(alias, Does.EndWith("--ol-s3"), response.Body?.ToString());
        return alias!;
    }

    /// <summary>
    /// The journal entry of the Object Lambda request for <paramref name="key"/> (the one with an invocation), waiting
    /// briefly: the entry is written when the caller's response has ended, which races the client reading it.
    /// </summary>
    protected async Task<Server.Diagnostics.JournalEntry?> ObjectLambdaEntryAsync(string key)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (Emulator.Journal.Last(e => e.Key == key && e.Invocation is not null) is { } entry) return entry;
            await Task.Delay(20);
        }
        return null;
    }

    protected static string NewKey() => $"sec/{Guid.NewGuid():N}.txt";

    protected static string Md5Of(byte[] key) => Convert.ToBase64String(MD5.HashData(key));

    /// <summary>Keeps the event, then answers as the identity transform: what <c>inputS3Url</c> gave, or its error.</summary>
    private async Task<object?> RecordAndPassAsync(S3ObjectLambdaEvent evt, ObjectLambdaContext context)
    {
        Recorded.Enqueue(evt);
        return await new IdentityTransform().HandleAsync(evt, context);
    }

    // Reads the object through the supporting access point with its own (the execution role's) credentials and the
    // customer key from its payload, as AWS says a transform may, and answers with it upper-cased.
    private static async Task ReadWithOwnCustomerKeyAsync(S3ObjectLambdaEvent evt, ObjectLambdaContext context)
    {
        var key = Uri.UnescapeDataString(new Uri(evt.UserRequest.Url).AbsolutePath.TrimStart('/'));
        string text;
        using (var original = await context.S3.GetObjectAsync(new GetObjectRequest
        {
            BucketName = evt.Configuration.SupportingAccessPointArn,
            Key = key,
            ServerSideEncryptionCustomerMethod = ServerSideEncryptionCustomerMethod.AES256,
            ServerSideEncryptionCustomerProvidedKey = evt.Configuration.Payload,
        }, context.CancellationToken))
        using (var reader = new StreamReader(original.ResponseStream))
        {
            text = await reader.ReadToEndAsync(context.CancellationToken);
        }
        await context.S3.WriteGetObjectResponseAsync(new WriteGetObjectResponseRequest
        {
            RequestRoute = evt.GetObjectContext!.OutputRoute,
            RequestToken = evt.GetObjectContext.OutputToken,
            Body = new MemoryStream(Encoding.UTF8.GetBytes(text.ToUpperInvariant())),
        }, context.CancellationToken);
    }

    /// <summary>An Object Lambda client signing with <paramref name="credentials"/>; disposed by the caller.</summary>
    protected AmazonS3Client OlapAs(AWSCredentials credentials) => CreateOlapClient(credentials);
}
