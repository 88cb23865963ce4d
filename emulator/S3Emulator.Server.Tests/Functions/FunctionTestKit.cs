using Microsoft.Extensions.Logging.Abstractions;
using S3Emulator.Core.Encryption;
using S3Emulator.Core.Identity;
using S3Emulator.Server.Auth;
using S3Emulator.Server.Functions;
using S3Emulator.Server.Hosting;
using S3Emulator.Server.Services.Admin;

namespace S3Emulator.Server.Tests.Functions;

/// <summary>An emulator configuration with one execution role, and functions that behave in the ways a test needs.</summary>
internal static class FunctionTestKit
{
    public const string RoleArn = "arn:aws:iam::123456789012:role/runner";

    public static readonly MasterKey MasterKey = MasterKey.FromBytes(Enumerable.Repeat((byte)7, 32).ToArray());

    public static S3EmulatorOptions Options(Action<S3EmulatorOptions>? configure = null)
    {
        var options = new S3EmulatorOptions();
        options.Roles.Add(new RoleOptions
        {
            Name = "runner",
            TrustPolicy = new() { Document = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""" },
            Policies = [new() { Name = "wgor", Document = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3-object-lambda:WriteGetObjectResponse","Resource":"*"}]}""" }],
        });
        configure?.Invoke(options);
        return options;
    }

    public static PrincipalDirectory Directory(S3EmulatorOptions options) => PrincipalConfiguration.Build(options);

    public static FunctionRegistry Registry(Action<S3EmulatorOptions>? configure = null)
    {
        var options = Options(configure);
        return new FunctionRegistry(options, Directory(options));
    }

    /// <summary>The admin functions endpoint of an emulator with no functions and no keys.</summary>
    public static FunctionsEndpoint Endpoint() => new(
        Registry(), new RequestAuthenticator(new CredentialStore([]), TimeProvider.System, "us-east-1"), NullLogger<FunctionsEndpoint>.Instance);

    /// <summary>A registered function as the registry makes them, with any timeout (below Lambda's 1 s minimum too).</summary>
    public static ResolvedFunction Resolved(string name, Uri? url = null, IObjectLambdaFunction? handler = null, string? role = null, TimeSpan? timeout = null)
    {
        Assert.That(FunctionReference.TryParse(name, "us-east-1", "123456789012", out var reference), Is.True);
        var function = new RegisteredFunction(reference!.Unqualified, url is null ? FunctionHostKind.InProcess : FunctionHostKind.Http, url, handler, role,
            timeout ?? TimeSpan.FromSeconds(5));
        return new ResolvedFunction(reference.Arn, function);
    }

    /// <summary>Returns its payload and remembers what it was given.</summary>
    public sealed class Returning(string? payload) : IObjectLambdaFunction
    {
        public ObjectLambdaInvocation? Received { get; private set; }

        public Task<string?> InvokeAsync(ObjectLambdaInvocation invocation, CancellationToken cancellationToken)
        {
            Received = invocation;
            return Task.FromResult(payload);
        }
    }

    /// <summary>Throws, as a transform with a bug does.</summary>
    public sealed class Throwing : IObjectLambdaFunction
    {
        public Task<string?> InvokeAsync(ObjectLambdaInvocation invocation, CancellationToken cancellationToken) =>
            throw new InvalidDataException("the transform failed");
    }

    /// <summary>Waits until cancelled and says whether it saw the cancellation.</summary>
    public sealed class WaitingForCancellation : IObjectLambdaFunction
    {
        public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<string?> InvokeAsync(ObjectLambdaInvocation invocation, CancellationToken cancellationToken)
        {
            using var registration = cancellationToken.Register(Cancelled.SetResult);
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return null;
        }
    }

    /// <summary>Blocks its thread and ignores cancellation, until the test releases it.</summary>
    public sealed class IgnoringCancellation : IObjectLambdaFunction, IDisposable
    {
        private readonly ManualResetEventSlim _release = new();

        public Task<string?> InvokeAsync(ObjectLambdaInvocation invocation, CancellationToken cancellationToken)
        {
            _release.Wait(TimeSpan.FromSeconds(30));
            return Task.FromResult<string?>("\"late\"");
        }

        public void Dispose()
        {
            _release.Set();
            _release.Dispose();
        }
    }
}
