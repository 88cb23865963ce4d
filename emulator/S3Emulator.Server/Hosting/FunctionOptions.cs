using S3Emulator.Server.Functions;

namespace S3Emulator.Server.Hosting;

/// <summary>
/// One Lambda function Object Lambda access points may name (configuration <c>S3Emulator:Functions:N:…</c>): where it
/// runs and which role it acts as. Exactly one of <see cref="Url"/> (an HTTP function) and <see cref="Handler"/> (set in
/// code by the in-process fixture or the plug-in host) is given.
/// </summary>
public sealed class FunctionOptions
{
    /// <summary>The function's ARN (<c>arn:aws:lambda:{region}:{account}:function:{name}</c>) or bare name (the emulator's region and account).</summary>
    public string Arn { get; set; } = "";

    /// <summary>For an HTTP function: the URL the emulator POSTs the event JSON to.</summary>
    public string? Url { get; set; }

    /// <summary>
    /// The execution role's ARN (a configured <see cref="S3EmulatorOptions.Roles"/> entry). Local hosts receive session
    /// credentials for it; the role's policies decide whether its WriteGetObjectResponse is allowed.
    /// </summary>
    public string? Role { get; set; }

    /// <summary>
    /// The function's resource-based policy (JSON, as Lambda's AddPermission builds it): whom else it lets call
    /// <c>lambda:InvokeFunction</c>, e.g. another account whose callers use an Object Lambda access point that runs it.
    /// Null: only principals of the function's account whose own policies allow it.
    /// </summary>
    public string? Policy { get; set; }

    /// <summary>How long an invocation may take before the caller gets a failure; Lambda's default for Object Lambda is 60 s.</summary>
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>A function hosted beside the emulator; set in code, never from configuration.</summary>
    public IObjectLambdaFunction? Handler { get; set; }

    /// <summary>Which kind of host this entry denotes; <see cref="FunctionHostKind.InProcess"/> for a handler unless a plug-in host says otherwise.</summary>
    public FunctionHostKind HostKind { get; set; } = FunctionHostKind.InProcess;
}
