using Microsoft.AspNetCore.Http;
using S3Emulator.Server.Auth;
using S3Emulator.Server.Authorization;

namespace S3Emulator.Server.Envelope;

/// <summary>
/// One request as it passes through the envelope: fixed facts (service, raw target, request id) and what the
/// service learns while serving it (operation, resource, caller), which the journal and the request log record.
/// </summary>
internal sealed class ServiceExchange(HttpContext http, ServiceKind service, string rawTarget, string requestId)
{
    public HttpContext Http { get; } = http;
    public ServiceKind Service { get; } = service;

    /// <summary>The request target exactly as sent (<see cref="RawRequestTarget"/>).</summary>
    public string RawTarget { get; } = rawTarget;

    /// <summary>The id in the service's own format, sent back in its request-id header and error bodies.</summary>
    public string RequestId { get; } = requestId;

    /// <summary>The operation's name as the journal shows it (<c>GetObject</c>, <c>kms:Encrypt</c>); "Unknown" until classified.</summary>
    public string Operation { get; set; } = "Unknown";

    public string? Bucket { get; set; }
    public string? Key { get; set; }

    /// <summary>The resource an error names (S3's <c>&lt;Resource&gt;</c>); null until classified.</summary>
    public string? Resource { get; set; }

    /// <summary>The authenticated caller; null while unknown or anonymous.</summary>
    public S3Principal? Principal { get; set; }

    /// <summary>Every authorization the request needed, in order; the last refused one decided a denial.</summary>
    public List<RecordedDecision> Decisions { get; } = [];

    /// <summary>The function a request through an Object Lambda access point invoked, for the journal; null otherwise.</summary>
    public Services.ObjectLambda.ObjectLambdaInvocationRecord? Invocation { get; set; }

    /// <summary>The error code answered, or "Aborted" when the connection had to be cut; null on success.</summary>
    public string? ErrorCode { get; set; }

    public CancellationToken Cancellation => Http.RequestAborted;
}
