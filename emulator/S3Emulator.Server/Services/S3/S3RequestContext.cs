using Microsoft.AspNetCore.Http;
using S3Emulator.Core.Model;
using S3Emulator.Core.Storage;
using S3Emulator.Server.Auth;
using S3Emulator.Server.Auth.SigV4;
using S3Emulator.Server.Encryption;
using S3Emulator.Server.Envelope;
using S3Emulator.Server.Hosting;
using S3Emulator.Server.Services.S3.Routing;

namespace S3Emulator.Server.Services.S3;

/// <summary>Everything a handler needs for one request: what was asked, by whom, and the services to answer it.</summary>
internal sealed class S3RequestContext(
    ServiceExchange exchange, S3Request request, S3Principal? principal, IObjectStore store, S3EmulatorOptions options, TimeProvider time,
    ObjectEncryptor encryptor, IAccountStore? accounts = null)
{
    /// <summary>The request as the envelope tracks it (decisions, journal fields).</summary>
    public ServiceExchange Exchange { get; } = exchange;

    public HttpContext Http { get; } = exchange.Http;
    public S3Request Request { get; } = request;

    /// <summary>The authenticated caller; null for an anonymous request.</summary>
    public S3Principal? Principal { get; } = principal;
    public IObjectStore Store { get; } = store;

    /// <summary>The bucket the request names, loaded once before authorization; null for ListBuckets and CreateBucket.</summary>
    public BucketInfo? ResolvedBucket { get; init; }

    /// <summary>Account-level state (Block Public Access); an empty in-memory store when the caller gives none (unit tests).</summary>
    public IAccountStore Accounts { get; } = accounts ?? new InMemoryAccountStore();
    public S3EmulatorOptions Options { get; } = options;
    public TimeProvider Time { get; } = time;

    /// <summary>Chooses and recovers content keys (SSE-S3, SSE-KMS, SSE-C).</summary>
    public ObjectEncryptor Encryptor { get; } = encryptor;

    public CancellationToken Cancellation => Http.RequestAborted;

    /// <summary>The request body as the client meant it: already de-chunked and signature-checked.</summary>
    public Stream Body => Http.Request.Body;

    public QueryParameters Query => Request.Query;

    /// <summary>The access point the request came through (ARN host or alias); null when it addressed the bucket directly.</summary>
    public Core.Model.AccessPoint? AccessPoint => Request.AccessPoint;

    /// <summary>The bucket named by the request; only call on bucket- and object-level operations.</summary>
    public string Bucket => Request.Bucket ?? throw new InvalidOperationException("The request names no bucket.");

    /// <summary>The object key named by the request; only call on object-level operations.</summary>
    public string Key => Request.Key ?? throw new InvalidOperationException("The request names no key.");

    /// <summary>The caller's account; empty for an anonymous caller, who never acts as an account.</summary>
    public string AccountId => Principal?.AccountId ?? "";

    /// <summary>
    /// A request header, or null when absent. A header sent as several field lines (as the in-process transport passes
    /// HttpClient's parsed lists) reads as one list, joined with ", " as HTTP combines field lines.
    /// </summary>
    public string? Header(string name) => RequestHeaders.Get(Http.Request, name);
}
