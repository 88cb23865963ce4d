using System.Xml.Linq;
using S3Emulator.Core.Errors;

namespace S3Emulator.Server.Services.S3;

/// <summary>Renders an <see cref="S3Exception"/> as S3's XML error body.</summary>
internal static class S3ErrorResult
{
    public static S3Result From(S3Exception exception, string resource, string requestId, string hostId)
    {
        var error = exception.Error;
        S3Result result;
        if (error.StatusCode == 304)
        {
            result = S3Result.Headless(304);
        }
        else
        {
            // Unqualified names: S3 writes <Error> without a namespace.
            var root = new XElement("Error",
                new XElement("Code", error.Code),
                new XElement("Message", error.Message),
                exception.Details.Select(d => new XElement(d.Key, d.Value)),
                new XElement("Resource", resource),
                new XElement("RequestId", requestId),
                new XElement("HostId", hostId));
            result = S3Result.Xml(root, error.StatusCode);
        }
        foreach (var (name, value) in exception.Headers)
        {
            result.Headers[name] = value;
        }
        return result;
    }
}
