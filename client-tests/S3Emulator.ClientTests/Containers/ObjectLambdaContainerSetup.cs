using S3Emulator.ExampleTransforms;
using S3Emulator.Server.Hosting;

namespace S3Emulator.ClientTests.Containers;

/// <summary>
/// What the container-mode Object Lambda tests configure: a bucket, a supporting access point, an execution role
/// allowed to answer with WriteGetObjectResponse (trusting Lambda, as a real one does), Object Lambda access points over
/// the supporting one, and the plug-in folder the container mounts.
/// </summary>
internal static class ObjectLambdaContainerSetup
{
    public const string Account = "123456789012";
    public const string DataBucket = "olap-container-data";
    public const string SupportingName = "olap-container-ap";
    public const string RoleArn = $"arn:aws:iam::{Account}:role/olap-container-function";

    public static string OlapArn(string name) => $"arn:aws:s3-object-lambda:us-east-1:{Account}:accesspoint/{name}";

    public static RoleOptions FunctionRole() => new()
    {
        Name = "olap-container-function",
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
                Document = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3-object-lambda:WriteGetObjectResponse","Resource":"*"}]}""",
            },
        ],
    };

    /// <summary>An Object Lambda access point over the supporting access point, naming <paramref name="function"/> for <paramref name="actions"/>.</summary>
    public static ObjectLambdaAccessPointOptions ObjectLambdaAccessPoint(string name, string function, List<string> actions, string? payload = null) => new()
    {
        Name = name,
        SupportingAccessPoint = $"arn:aws:s3:us-east-1:{Account}:accesspoint/{SupportingName}",
        TransformationConfigurations = [new ObjectLambdaTransformationOptions { Actions = actions, FunctionArn = function, FunctionPayload = payload }],
    };

    /// <summary>
    /// A plug-in folder as the emulator loads it — one folder per plug-in — holding the example transforms' build output,
    /// readable by the container's non-root user. Deleted by the caller.
    /// </summary>
    public static DirectoryInfo CreatePlugInFolder()
    {
        var root = Directory.CreateTempSubdirectory("s3emulator-plugins-");
        var plugIn = root.CreateSubdirectory("example-transforms");
        var assembly = typeof(UppercaseTransform).Assembly.Location;
        File.Copy(assembly, Path.Combine(plugIn.FullName, Path.GetFileName(assembly)));
        // A temporary folder is its creator's alone (0700); the emulator runs as another user.
        const UnixFileMode readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(root.FullName, readable);
            File.SetUnixFileMode(plugIn.FullName, readable);
        }
        return root;
    }
}
