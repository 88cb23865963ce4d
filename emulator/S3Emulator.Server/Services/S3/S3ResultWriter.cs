using Microsoft.AspNetCore.Http;

namespace S3Emulator.Server.Services.S3;

/// <summary>Writes an <see cref="S3Result"/> to the HTTP response: the only code that does.</summary>
internal static class S3ResultWriter
{
    public static async Task WriteAsync(HttpContext context, S3Result result)
    {
        var response = context.Response;
        response.StatusCode = result.StatusCode;
        foreach (var (name, value) in result.Headers)
        {
            response.Headers[name] = value;
        }
        if (result.ContentLength is { } length) response.ContentLength = length;
        if (HttpMethods.IsHead(context.Request.Method)) return;
        if (result.PipeBody is { } pipeBody)
        {
            await pipeBody(response.BodyWriter, context.RequestAborted).ConfigureAwait(false);
            // One flush sends what is left, with the headers if nothing went before (a small object leaves in one send).
            // It cannot be left to the server: with Kestrel (.NET 10, HTTP/1.1) bytes advanced after an earlier flush
            // were never sent at the end of the response, and the client waited for them until the connection timed out.
            await response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }
        else if (result.Body is { } body)
        {
            await body(response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
