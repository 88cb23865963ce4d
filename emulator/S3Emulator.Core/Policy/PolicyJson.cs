using System.Collections.Immutable;
using System.Text.Json;

namespace S3Emulator.Core.Policy;

/// <summary>JSON shapes shared by the policy elements: AWS takes a single value or an array nearly everywhere.</summary>
internal static class PolicyJson
{
    /// <summary>A string or a non-empty array of strings; anything else raises <paramref name="error"/>.</summary>
    public static ImmutableArray<string> Strings(JsonElement element, string error)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return [element.GetString()!];
            case JsonValueKind.Array when element.GetArrayLength() > 0:
                var builder = ImmutableArray.CreateBuilder<string>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.String)
                    {
                        throw PolicyErrors.Malformed(error);
                    }

                    builder.Add(item.GetString()!);
                }

                return builder.MoveToImmutable();
            default:
                throw PolicyErrors.Malformed(error);
        }
    }

    /// <summary>Condition values: strings, numbers and booleans (AWS accepts <c>"aws:SecureTransport": false</c>), single or in an array.</summary>
    public static ImmutableArray<string> Scalars(JsonElement element, string error)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            return [Scalar(element, error)];
        }

        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var item in element.EnumerateArray())
        {
            builder.Add(Scalar(item, error));
        }

        return builder.ToImmutable();
    }

    private static string Scalar(JsonElement element, string error) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => throw PolicyErrors.Malformed(error),
    };
}
