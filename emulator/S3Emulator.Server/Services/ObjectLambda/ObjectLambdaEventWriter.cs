using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using S3Emulator.Core.Identity;
using S3Emulator.Core.Model;
using S3Emulator.Server.Auth;

namespace S3Emulator.Server.Services.ObjectLambda;

/// <summary>
/// Writes the event S3 Object Lambda hands a function (object-lambda.md §3; AWS's "Event context format and usage"):
/// the request id, the action's context, the configuration, the user's request without its credentials, the caller's
/// identity in CloudTrail's shape, and protocol version 1.00.
/// </summary>
internal static class ObjectLambdaEventWriter
{
    public const string ProtocolVersion = "1.00";

    // What authenticates the request is never shown to the function (the user guide: "excludes auth headers").
    private static readonly FrozenSet<string> CredentialHeaders = new[]
    {
        "Authorization", "X-Amz-Security-Token",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> CredentialParameters = new[]
    {
        "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders", "X-Amz-Signature",
        "X-Amz-Security-Token", "AWSAccessKeyId", "Signature", "Expires",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <param name="action">Which context object the event carries.</param>
    /// <param name="output">The GET answer's route and token; null for HEAD and List.</param>
    public static string Write(
        string requestId, ObjectLambdaAction action, string inputS3Url, (string Route, string Token)? output,
        string olapArn, string supportingAccessPointArn, string? payload, HttpRequest request, string rawTarget, S3Principal principal)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("xAmzRequestId", requestId);
            json.WriteStartObject(ContextName(action));
            json.WriteString("inputS3Url", inputS3Url);
            if (output is { } route)
            {
                json.WriteString("outputRoute", route.Route);
                json.WriteString("outputToken", route.Token);
            }
            json.WriteEndObject();
            json.WriteStartObject("configuration");
            json.WriteString("accessPointArn", olapArn);
            json.WriteString("supportingAccessPointArn", supportingAccessPointArn);
            json.WriteString("payload", payload ?? "");
            json.WriteEndObject();
            WriteUserRequest(json, request, rawTarget);
            WriteUserIdentity(json, principal);
            json.WriteString("protocolVersion", ProtocolVersion);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static string ContextName(ObjectLambdaAction action) => action switch
    {
        ObjectLambdaAction.GetObject => "getObjectContext",
        ObjectLambdaAction.HeadObject => "headObjectContext",
        ObjectLambdaAction.ListObjects => "listObjectsContext",
        _ => "listObjectsV2Context",
    };

    private static void WriteUserRequest(Utf8JsonWriter json, HttpRequest request, string rawTarget)
    {
        json.WriteStartObject("userRequest");
        json.WriteString("url", $"{request.Scheme}://{request.Host.Value}{DecodedTargetWithoutCredentials(rawTarget)}");
        json.WriteStartObject("headers");
        foreach (var (name, values) in request.Headers)
        {
            if (CredentialHeaders.Contains(name)) continue;
            json.WriteString(name, string.Join(',', values.ToArray()));
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    // "The decoded URL ... without auth query parameters": path decoded, the remaining query as sent.
    private static string DecodedTargetWithoutCredentials(string rawTarget)
    {
        var question = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = Uri.UnescapeDataString(question < 0 ? rawTarget : rawTarget[..question]);
        if (question < 0) return path;
        var kept = rawTarget[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !CredentialParameters.Contains(Uri.UnescapeDataString(pair.Split('=', 2)[0])));
        var query = string.Join('&', kept);
        return query.Length == 0 ? path : $"{path}?{query}";
    }

    private static void WriteUserIdentity(Utf8JsonWriter json, S3Principal principal)
    {
        var identity = principal.Identity;
        json.WriteStartObject("userIdentity");
        json.WriteString("type", identity.Kind switch
        {
            CallerKind.Root => "Root",
            CallerKind.User => "IAMUser",
            _ => "AssumedRole",
        });
        json.WriteString("principalId", identity.UserId);
        json.WriteString("arn", identity.Arn);
        json.WriteString("accountId", identity.AccountId);
        json.WriteString("accessKeyId", principal.AccessKeyId);
        if (identity.UserName is { } userName) json.WriteString("userName", userName);
        if (identity.Session is { } session)
        {
            json.WriteStartObject("sessionContext");
            json.WriteStartObject("attributes");
            json.WriteString("mfaAuthenticated", "false");
            json.WriteString("creationDate", session.IssuedAt.UtcDateTime.ToString("ddd MMM dd HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture));
            json.WriteEndObject();
            json.WriteStartObject("sessionIssuer");
            json.WriteString("type", "Role");
            json.WriteString("principalId", session.RoleId);
            json.WriteString("arn", session.RoleArn);
            json.WriteString("accountId", session.AccountId);
            json.WriteString("userName", session.RoleName);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }
}
