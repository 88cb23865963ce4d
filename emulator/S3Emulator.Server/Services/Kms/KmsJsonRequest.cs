using System.Text.Json;
using S3Emulator.Core.Kms;

namespace S3Emulator.Server.Services.Kms;

/// <summary>
/// The JSON body of one KMS request, read member by member. A member of the wrong JSON type is a
/// SerializationException, as in KMS; a missing required member is the Coral ValidationException.
/// </summary>
internal sealed class KmsJsonRequest
{
    private readonly JsonElement _root;

    private KmsJsonRequest(JsonElement root) => _root = root;

    /// <summary>Parses the body; an empty body is an empty object, anything but a JSON object is refused.</summary>
    public static KmsJsonRequest Parse(byte[] body)
    {
        if (body.Length == 0) return new KmsJsonRequest(JsonDocument.Parse("{}").RootElement);
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? new KmsJsonRequest(document.RootElement.Clone())
                : throw Serialization("The request body must be a JSON object.");
        }
        catch (JsonException)
        {
            throw Serialization("The request body is not valid JSON.");
        }
    }

    public string? String(string name) => Member(name, JsonValueKind.String)?.GetString();

    public string RequiredString(string name) => String(name) ?? throw Missing(name);

    public int? Int(string name)
    {
        var member = Member(name, JsonValueKind.Number);
        if (member is null) return null;
        return member.Value.TryGetInt32(out var value) ? value : throw Serialization($"{name} must be an integer.");
    }

    public bool Bool(string name) => _root.TryGetProperty(name, out var member) && member.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False or JsonValueKind.Null => false,
        _ => throw Serialization($"{name} must be a boolean."),
    };

    public byte[] RequiredBlob(string name)
    {
        var text = String(name) ?? throw Missing(name);
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw Serialization($"{name} is not valid base64.");
        }
    }

    /// <summary>An encryption context (<c>{"k":"v"}</c>); null when absent.</summary>
    public IReadOnlyDictionary<string, string>? Context(string name)
    {
        var member = Member(name, JsonValueKind.Object);
        if (member is null) return null;
        var context = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in member.Value.EnumerateObject())
        {
            context[pair.Name] = pair.Value.ValueKind == JsonValueKind.String
                ? pair.Value.GetString()!
                : throw Serialization($"{name} values must be strings.");
        }

        return context;
    }

    private JsonElement? Member(string name, JsonValueKind kind)
    {
        if (!_root.TryGetProperty(name, out var member) || member.ValueKind == JsonValueKind.Null) return null;
        return member.ValueKind == kind ? member : throw Serialization($"{name} has the wrong JSON type.");
    }

    private static KmsException Missing(string name) =>
        new("ValidationException",
            $"1 validation error detected: Value null at '{char.ToLowerInvariant(name[0])}{name[1..]}' failed to satisfy constraint: Member must not be null");

    private static KmsException Serialization(string message) => new("SerializationException", message);
}
