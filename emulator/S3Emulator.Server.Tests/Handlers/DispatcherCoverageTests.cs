using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Storage;
using S3Emulator.Server.Auth;
using S3Emulator.Server.Handlers;
using S3Emulator.Server.Hosting;
using S3Emulator.Server.Pipeline;
using S3Emulator.Server.Routing;
using S3Emulator.Server.Tests.Encryption;

namespace S3Emulator.Server.Tests.Handlers;

/// <summary>
/// Keeps docs/compatibility.md honest: every operation is listed there, and what the table says
/// (implemented, or 501 NotImplemented) is what the dispatcher does.
/// </summary>
public sealed partial class DispatcherCoverageTests
{
    private static readonly IReadOnlyDictionary<string, string> DocumentedStatus = ReadCompatibilityTable();

    public static IEnumerable<S3Operation> Operations => Enum.GetValues<S3Operation>().Where(o => o != S3Operation.Unknown);

    [TestCaseSource(nameof(Operations))]
    public async Task Operation_IsDocumented_AndBehavesAsDocumented(S3Operation operation)
    {
        Assert.That(DocumentedStatus.ContainsKey(operation.ToString()), Is.True, $"{operation} is missing from docs/compatibility.md");

        var error = await DispatchAsync(operation);

        var notImplemented = error?.Error.Code == "NotImplemented";
        Assert.That(notImplemented, Is.EqualTo(DocumentedStatus[operation.ToString()].Contains("501", StringComparison.Ordinal)),
            $"{operation}: the dispatcher answered {error?.Error.Code ?? "success"}");
        if (notImplemented)
        {
            Assert.That(error!.Error.StatusCode, Is.EqualTo(501));
            Assert.That(error.Error.Message, Does.Contain(operation.ToString()));
        }
    }

    private static async Task<S3Exception?> DispatchAsync(S3Operation operation)
    {
        var http = new DefaultHttpContext();
        var request = new S3Request(operation, "bucket", "key", "/bucket/key", QueryParameters.Empty, VirtualHosted: false);
        var principal = new S3Principal("123456789012", "arn:aws:iam::123456789012:root", "AKID", S3Principal.RootUserName);
        var context = new S3RequestContext(http, request, principal, new InMemoryObjectStore(), new S3EmulatorOptions(), TimeProvider.System, TestEncryption.NewEncryptor());
        try
        {
            await S3Dispatcher.DispatchAsync(context);
            return null;
        }
        catch (S3Exception exception)
        {
            return exception;
        }
    }

    private static Dictionary<string, string> ReadCompatibilityTable()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "docs", "compatibility.md")))
        {
            directory = directory.Parent;
        }
        var text = File.ReadAllText(Path.Combine(directory!.FullName, "docs", "compatibility.md"));
        return TableRow().Matches(text).ToDictionary(m => m.Groups["operation"].Value, m => m.Groups["status"].Value);
    }

    [GeneratedRegex(@"^\| (?<operation>[A-Za-z0-9]+) \| (?<status>[^|]+) \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
