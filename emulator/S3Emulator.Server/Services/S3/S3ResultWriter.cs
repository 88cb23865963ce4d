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
        if (result.Body is null || HttpMethods.IsHead(context.Request.Method)) return;
        await result.Body(response.Body, context.RequestAborted).ConfigureAwait(false);
    }
}
