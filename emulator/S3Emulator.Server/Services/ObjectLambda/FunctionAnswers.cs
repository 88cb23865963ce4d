using System.Collections.Immutable;
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
        root.TryGetProperty("statusCode", out var status) && status.ValueKind == JsonValueKind.Number && status.TryGetInt32(out var code) && code is >= 100 and <= 599 ? code : throw Invalid();

    private static S3Exception ErrorOf(JsonElement root, int status) => new(S3Errors.FunctionAnswered(
        root.TryGetProperty("errorCode", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString()! : "LambdaError",
        status,
        root.TryGetProperty("errorMessage", out var message) && message.ValueKind == JsonValueKind.String ? message.GetString()! : ""));

    private static S3Exception Invalid() => new(S3Errors.LambdaInvalidResponse);

    // listBucketResult's camelCase members, in the order S3 writes their elements (ListObjects and ListObjectsV2 share one
    // order: V1's Marker/NextMarker and V2's StartAfter/ContinuationToken/NextContinuationToken/KeyCount never meet).
    // A member of the wrong type is an invalid answer, as S3 refuses it; null is an absent member; unknown members are left out.
    private static readonly ImmutableArray<ListingMember> OwnerMembers =
    [
        new("id", "ID", ListingValue.Text, Required: true),
        new("displayName", "DisplayName", ListingValue.Text, Required: true),
    ];

    private static readonly ImmutableArray<ListingMember> ContentsMembers =
    [
        new("key", "Key", ListingValue.Text, Required: true),
        new("lastModified", "LastModified", ListingValue.Text),
        new("eTag", "ETag", ListingValue.Text),
        new("checksumAlgorithm", "ChecksumAlgorithm", ListingValue.Text, Repeated: true),
        new("size", "Size", ListingValue.Number, Required: true),
        new("owner", "Owner", ListingValue.Object, Children: OwnerMembers),
        new("storageClass", "StorageClass", ListingValue.Text),
    ];

    private static readonly ImmutableArray<ListingMember> ListingMembers =
    [
        new("name", "Name", ListingValue.Text, Required: true),
        new("prefix", "Prefix", ListingValue.Text),
        new("marker", "Marker", ListingValue.Text),
        new("startAfter", "StartAfter", ListingValue.Text),
        new("continuationToken", "ContinuationToken", ListingValue.Text),
        new("nextMarker", "NextMarker", ListingValue.Text),
        new("nextContinuationToken", "NextContinuationToken", ListingValue.Text),
        new("keyCount", "KeyCount", ListingValue.Number),
        new("maxKeys", "MaxKeys", ListingValue.Number, Required: true),
        new("delimiter", "Delimiter", ListingValue.Text),
        new("encodingType", "EncodingType", ListingValue.Text),
        new("isTruncated", "IsTruncated", ListingValue.Boolean, Required: true),
        new("contents", "Contents", ListingValue.Object, Repeated: true, Children: ContentsMembers),
        new("commonPrefixes", "CommonPrefixes", ListingValue.Object, Repeated: true, Children: [new("prefix", "Prefix", ListingValue.Text, Required: true)]),
    ];

    private static XElement ListBucketResultXml(JsonElement listing) => Element("ListBucketResult", listing, ListingMembers);

    private static XElement Element(string name, JsonElement value, ImmutableArray<ListingMember> members)
    {
        if (value.ValueKind != JsonValueKind.Object) throw Invalid();
        var element = new XElement(S3Namespace + name);
        foreach (var member in members)
        {
            if (!value.TryGetProperty(member.Json, out var given) || given.ValueKind == JsonValueKind.Null)
            {
                if (member.Required) throw Invalid();
                continue;
            }
            var items = member.Repeated && given.ValueKind == JsonValueKind.Array ? [.. given.EnumerateArray()] : new[] { given };
            foreach (var item in items) element.Add(Child(member, item));
        }
        return element;
    }

    private static XElement Child(ListingMember member, JsonElement value) => member.Value switch
    {
        ListingValue.Text when value.ValueKind == JsonValueKind.String => new XElement(S3Namespace + member.Element, value.GetString()),
        ListingValue.Number when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) =>
            new XElement(S3Namespace + member.Element, number.ToString(CultureInfo.InvariantCulture)),
        ListingValue.Boolean when value.ValueKind is JsonValueKind.True or JsonValueKind.False =>
            new XElement(S3Namespace + member.Element, value.GetBoolean() ? "true" : "false"),
        ListingValue.Object => Element(member.Element, value, member.Children),
        _ => throw Invalid(),
    };

    private enum ListingValue
    {
        Text,
        Number,
        Boolean,
        Object,
    }

    /// <param name="Repeated">A JSON array of it becomes one element per item (S3's flattened lists).</param>
    private sealed record ListingMember(
        string Json, string Element, ListingValue Value, bool Required = false, bool Repeated = false, ImmutableArray<ListingMember> Children = default);
}
