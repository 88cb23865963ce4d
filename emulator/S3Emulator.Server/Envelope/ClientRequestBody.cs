using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using S3Emulator.Core.Errors;
using S3Emulator.Server.Streams;

namespace S3Emulator.Server.Envelope;

/// <summary>
/// The request body exactly as the client sends it, beneath everything else that reads it (SigV4 decoding,
/// checksums, the store). It owns two facts only it can know: whether the body was read at all, and whether a
/// read failed because of the client. A failed read (connection lost, fewer bytes than Content-Length) becomes
/// IncompleteBody here, a body that stopped arriving RequestTimeout (as S3 answers both), so an
/// <see cref="IOException"/> anywhere else is the server's own (disk full, permissions) and is answered as one.
/// </summary>
internal sealed class ClientRequestBody(Stream inner) : ReadOnlyStream(inner, leaveOpen: true)
{
    /// <summary>True once anything asked for the body's bytes; Kestrel sends <c>100 Continue</c> on that first read.</summary>
    public bool ReadStarted { get; private set; }

    /// <summary>Puts the client's body under everything that will read it.</summary>
    public static ClientRequestBody Install(HttpContext context)
    {
        var body = new ClientRequestBody(context.Request.Body);
        context.Request.Body = body;
        return body;
    }

    /// <summary>
    /// A request answered with an error before its body was asked for, by a client waiting for <c>100 Continue</c>:
    /// such a client may never send the body, or may send it after a timeout, so nothing that follows on the
    /// connection can be told apart from it. S3 closes such a connection; so do we, and say so.
    /// </summary>
    public void CloseConnectionIfBodyIsPending(HttpContext context)
    {
        if (ReadStarted || context.Features.Get<IHttpRequestBodyDetectionFeature>() is not { CanHaveBody: true }) return;
        if (!context.Request.Headers.Expect.ToString().Contains("100-continue", StringComparison.OrdinalIgnoreCase)) return;
        context.Response.Headers[HeaderNames.Connection] = "close";
    }

    public override int Read(Span<byte> buffer)
    {
        ReadStarted = true;
        try
        {
            return Inner.Read(buffer);
        }
        catch (Exception exception) when (IsClientFailure(exception))
        {
            throw AsS3Error(exception);
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ReadStarted = true;
        try
        {
            return await Inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsClientFailure(exception))
        {
            throw AsS3Error(exception);
        }
    }

    // Kestrel reports a body cut short or timed out as BadHttpRequestException, a lost connection as an IOException.
    private static bool IsClientFailure(Exception exception) => exception is IOException or BadHttpRequestException;

    /// <summary>
    /// A body that stopped arriving (Kestrel's minimum body data rate, its 408) is S3's RequestTimeout; every other
    /// failed read is a body cut short.
    /// </summary>
    internal static S3Exception AsS3Error(Exception exception) =>
        new(exception is BadHttpRequestException { StatusCode: StatusCodes.Status408RequestTimeout }
            ? S3Errors.RequestTimeout
            : S3Errors.IncompleteBody);
}
