using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using S3Emulator.Core.Errors;
using S3Emulator.Server.Protocol;
using S3Emulator.Server.Services.S3;

namespace S3Emulator.Server.Services.ObjectLambda;

/// <summary>
/// Turns what a function returns for HEAD and List (object-lambda.md §4) into the caller's answer: <c>statusCode</c>
/// (required), <c>errorCode</c>/<c>errorMessage</c> for an error, HEAD's <c>headers</c>, List's <c>listResultXml</c> (passed
/// through) or <c>listBucketResult</c> (written as S3's XML). Anything else is <c>LambdaInvalidResponse</c>.
/// </summary>
internal static class FunctionAnswers
{
    private static readonly XNamespace S3Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";

    public static S3Result Head(string? payloadJson)
    {
        using var document = Parse(payloadJson);
        var root = document.RootElement;
        var status = StatusOf(root);
        if (status >= 400) throw ErrorOf(root, status);
        if (!root.TryGetProperty("headers", out var headers) || headers.ValueKind != JsonValueKind.Object) throw Invalid();
        long? length = null;
        var forwarded = new List<KeyValuePair<string, string>>();
        foreach (var header in headers.EnumerateObject())
        {
            var value = header.Value.ValueKind == JsonValueKind.String ? header.Value.GetString()! : header.Value.GetRawText();
            if (string.Equals(header.Name, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                length = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : throw Invalid();
            }
            else if (ForwardedResponseHeaders.HeadAnswerName(header.Name) is { } name)
            {
                forwarded.Add(KeyValuePair.Create(name, value));
            }
            else
            {
                throw Invalid();
            }
        }
        // Content-Length is the one header the answer must have.
        var result = S3Result.Headless(status, length ?? throw Invalid());
        foreach (var (name, value) in forwarded) result.Headers[name] = value;
        return result;
    }

    public static S3Result List(string? payloadJson)
    {
        using var document = Parse(payloadJson);
        var root = document.RootElement;
        var status = StatusOf(root);
        var hasXml = root.TryGetProperty("listResultXml", out var xml);
        var hasObject = root.TryGetProperty("listBucketResult", out var listing);
        if (hasXml && hasObject) throw Invalid();
        if (status >= 400 && !hasXml) throw ErrorOf(root, status);
        if (hasXml)
        {
            if (xml.ValueKind != JsonValueKind.String) throw Invalid();
            var bytes = Encoding.UTF8.GetBytes(xml.GetString()!);
            var passed = S3Result.Stream(status, bytes.Length, (stream, ct) => stream.WriteAsync(bytes, ct).AsTask());
            passed.Headers["Content-Type"] = "application/xml";
            return passed;
        }
        if (!hasObject || listing.ValueKind != JsonValueKind.Object) throw Invalid();
        return S3Result.Xml(ListBucketResultXml(listing), status);
    }

    private static JsonDocument Parse(string? json)
    {
        try
        {
            var document = JsonDocument.Parse(json ?? "");
            if (document.RootElement.ValueKind == JsonValueKind.Object) return document;
            document.Dispose();
        }
        catch (JsonException)
        {
        }
        throw Invalid();
    }

    private static int StatusOf(JsonElement root) =>
        root.TryGetProperty("statusCode", out var status) && status.TryGetInt32(out var code) && code is >= 100 and <= 599 ? code : throw Invalid();

    private static S3Exception ErrorOf(JsonElement root, int status) => new(new S3Error(
        root.TryGetProperty("errorCode", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString()! : "LambdaError",
        status,
        root.TryGetProperty("errorMessage", out var message) && message.ValueKind == JsonValueKind.String ? message.GetString()! : ""));

    private static S3Exception Invalid() => new(S3Errors.LambdaInvalidResponse);

    // listBucketResult's camelCase members become S3's element names; V2 differs only in which members it has.
    private static XElement ListBucketResultXml(JsonElement listing)
    {
        var element = new XElement(S3Namespace + "ListBucketResult");
        foreach (var member in listing.EnumerateObject()) AddMember(element, member.Name, member.Value);
        return element;
    }

    private static void AddMember(XElement parent, string name, JsonElement value)
    {
        var elementName = S3Namespace + ElementName(name);
        switch (value.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray()) AddMember(parent, name, item);
                break;
            case JsonValueKind.Object:
                var child = new XElement(elementName);
                foreach (var member in value.EnumerateObject()) AddMember(child, member.Name, member.Value);
                parent.Add(child);
                break;
            case JsonValueKind.Null:
                break;
            case JsonValueKind.String:
                parent.Add(new XElement(elementName, value.GetString()));
                break;
            case JsonValueKind.True or JsonValueKind.False:
                parent.Add(new XElement(elementName, value.GetBoolean() ? "true" : "false"));
                break;
            default:
                parent.Add(new XElement(elementName, value.GetRawText()));
                break;
        }
    }

    private static string ElementName(string camel) => camel switch
    {
        "eTag" => "ETag",
        "id" => "ID",
        _ => char.ToUpperInvariant(camel[0]) + camel[1..],
    };
}
