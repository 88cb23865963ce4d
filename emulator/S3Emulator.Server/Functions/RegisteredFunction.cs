namespace S3Emulator.Server.Functions;

/// <summary>A function the emulator can run: where it runs, which role it acts as, and how long it may take.</summary>
/// <param name="Reference">The function it registers, with the region and account filled in.</param>
/// <param name="HostKind">Which host runs it.</param>
/// <param name="Url">For an HTTP function, where the event is POSTed; null for a local one.</param>
/// <param name="Handler">For a local function (in-process or plug-in), the function itself; null for an HTTP one.</param>
/// <param name="RoleArn">The execution role's ARN; null for none.</param>
/// <param name="Timeout">How long an invocation may take.</param>
internal sealed record RegisteredFunction(
    FunctionReference Reference, FunctionHostKind HostKind, Uri? Url, IObjectLambdaFunction? Handler, string? RoleArn, TimeSpan Timeout)
{
    /// <summary>The function's resource-based policy as configured (checked at start-up); null for none.</summary>
    public string? Policy { get; init; }

    /// <summary>Whether <paramref name="text"/> is a URL an HTTP function may have: absolute, <c>http</c> or <c>https</c>.</summary>
    public static bool TryParseUrl(string? text, out Uri? url)
    {
        url = null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https") || parsed.Host.Length == 0)
        {
            return false;
        }

        url = parsed;
        return true;
    }
}

/// <summary>A function an Object Lambda configuration names, found.</summary>
/// <param name="Arn">The name as configured, as a full ARN (its qualifier kept).</param>
/// <param name="Function">The registration that runs it.</param>
internal sealed record ResolvedFunction(string Arn, RegisteredFunction Function);
