using System.Security.Cryptography;
using System.Text;
using S3Emulator.Server.Envelope;
using S3Emulator.Server.Protocol;

namespace S3Emulator.Server.Services.S3;

/// <summary>The request ids S3 and S3 Control answer with: <c>x-amz-request-id</c> and its opaque partner <c>x-amz-id-2</c>.</summary>
internal static class S3ResponseIds
{
    /// <summary>A request id as S3 prints them: 16 upper-case hex characters.</summary>
    public static string NewRequestId()
    {
        // An id only has to be unique, not unguessable: Random.Shared costs no system call, where Guid.NewGuid asks the
        // kernel for random bytes on every request.
        Span<byte> random = stackalloc byte[8];
        Random.Shared.NextBytes(random);
        return Convert.ToHexString(random);
    }

    /// <summary>Sets both headers (again after an error cleared the response).</summary>
    public static void Stamp(ServiceExchange exchange)
    {
        var headers = exchange.Http.Response.Headers;
        headers[S3Headers.RequestId] = exchange.RequestId;
        headers[S3Headers.HostId] = HostIdOf(exchange.RequestId);
    }

    /// <summary>The <c>x-amz-id-2</c> of a request: derived from its id, so every answer to one request agrees.</summary>
    public static string HostIdOf(string requestId)
    {
        // Request ids are short ASCII (16 hex characters here, other services' formats elsewhere): hashed from the stack.
        var ascii = requestId.Length <= 128 ? stackalloc byte[requestId.Length] : new byte[requestId.Length];
        var length = Encoding.ASCII.GetBytes(requestId, ascii);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(ascii[..length], hash);
        return Convert.ToBase64String(hash);
    }
}
