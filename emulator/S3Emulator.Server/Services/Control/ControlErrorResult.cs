using System.Xml.Linq;
using S3Emulator.Core.Errors;
using S3Emulator.Server.Services.S3;

namespace S3Emulator.Server.Services.Control;

/// <summary>
/// Renders an <see cref="S3Exception"/> as S3 Control's error body: the error wrapped in <c>ErrorResponse</c>, request
/// ids beside it (public-access.md §2). No namespace, as S3 writes its own errors; botocore and AWSSDK.Core read
/// <c>Error/Code</c> and <c>Error/Message</c> by local name either way.
/// </summary>
internal static class ControlErrorResult
{
    public static S3Result From(S3Exception exception, string requestId, string hostId)
    {
        var error = exception.Error;
        var root = new XElement("ErrorResponse",
            new XElement("Error",
                new XElement("Code", error.Code),
                new XElement("Message", error.Message),
                exception.Details.Select(d => new XElement(d.Key, d.Value))),
            new XElement("RequestId", requestId),
            new XElement("HostId", hostId));
        var result = S3Result.Xml(root, error.StatusCode);
        foreach (var (name, value) in exception.Headers)
        {
            result.Headers[name] = value;
        }
        return result;
    }
}
