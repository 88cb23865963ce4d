using System.Text.Json;

namespace S3Emulator.Server.Functions;

/// <summary>
/// The region and account an event's Object Lambda access point (<c>configuration.accessPointArn</c>) belongs to: a
/// partial function ARN or bare name in its configuration means a function there, as Lambda requires the function to
/// be in the access point's account and region.
/// </summary>
internal static class ObjectLambdaEventScope
{
    /// <summary>The access point's region and account, or nulls when the event names none.</summary>
    public static (string? Region, string? AccountId) Of(string eventJson)
    {
        try
        {
            using var document = JsonDocument.Parse(eventJson);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("configuration", out var configuration) && configuration.ValueKind == JsonValueKind.Object
                && configuration.TryGetProperty("accessPointArn", out var arn) && arn.ValueKind == JsonValueKind.String
                && arn.GetString()!.Split(':') is ["arn", _, "s3-object-lambda", { Length: > 0 } region, { Length: 12 } account, ..])
            {
                return (region, account);
            }
        }
        catch (JsonException)
        {
        }

        return (null, null);
    }
}
