using S3Emulator.Server.Functions;
using S3Emulator.Transforms;

namespace S3Emulator.Host.PlugIns;

/// <summary>
/// A transform found in a plug-in assembly, as the emulator's function host sees it: each invocation runs through
/// <see cref="ObjectLambdaFunctionRunner"/> (as in every host) with the execution role's credentials, and the
/// transform's clients reach this very emulator (<see cref="EmulatorLoopback"/>).
/// </summary>
internal sealed class PlugInFunction : IObjectLambdaFunction, IDisposable
{
    private readonly ObjectLambdaFunctionRunner _runner;

    public PlugInFunction(string name, Type type, string assemblyPath, IObjectLambdaTransform transform, EmulatorLoopback loopback)
    {
        Name = name;
        Type = type;
        AssemblyPath = assemblyPath;
        _runner = new ObjectLambdaFunctionRunner(transform, loopback.CreateHandler);
    }

    /// <summary>The function name its <see cref="ObjectLambdaFunctionAttribute"/> gives.</summary>
    public string Name { get; }

    /// <summary>The transform's class.</summary>
    public Type Type { get; }

    /// <summary>The file it was loaded from.</summary>
    public string AssemblyPath { get; }

    public Task<string?> InvokeAsync(ObjectLambdaInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var credentials = invocation.Credentials is { } c ? new ObjectLambdaCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken) : null;
        return _runner.InvokeAsync(invocation.FunctionArn, invocation.EventJson, credentials, invocation.EmulatorUrl, cancellationToken);
    }

    public void Dispose() => _runner.Dispose();

    /// <summary>How the banner and messages name it: <c>name → Namespace.Class</c>.</summary>
    public override string ToString() => $"{Name} → {Type.FullName}";
}
