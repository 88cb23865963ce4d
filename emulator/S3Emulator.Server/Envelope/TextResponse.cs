using System.Text;
using Microsoft.AspNetCore.Http;

namespace S3Emulator.Server.Envelope;

/// <summary>A whole UTF-8 answer (JSON or query XML) with the request id header JSON and query services send.</summary>
internal static class TextResponse
{
    public const string RequestIdHeader = "x-amzn-RequestId";

    public static Task WriteAsync(HttpContext context, string requestId, int status, string contentType, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        context.Response.StatusCode = status;
        context.Response.Headers[RequestIdHeader] = requestId;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        return context.Response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }
}
