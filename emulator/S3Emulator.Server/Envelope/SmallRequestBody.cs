using Microsoft.AspNetCore.Http;

namespace S3Emulator.Server.Envelope;

/// <summary>
/// The whole body of a request to a service whose requests are small (KMS JSON, STS forms), which must be read before
/// it can be verified: signed with its SHA-256, it is hashed as a whole. Bounded, so that no client can make it large.
/// </summary>
internal static class SmallRequestBody
{
    /// <summary>The body, or the exception <paramref name="tooLarge"/> gives once it passes <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]> ReadAsync(HttpRequest request, int maxBytes, Func<Exception> tooLarge, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes) throw tooLarge();
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
