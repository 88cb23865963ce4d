using System.Text.Json;

namespace S3Emulator.Core.Identity;

/// <summary>
/// The plaintext inside a session token: the claims as a small JSON object, written and read by hand (no
/// reflection) so that the format is exactly what this file says. Part of the token format: renaming a member
/// makes tokens already issued unreadable.
/// </summary>
internal static class SessionClaimsCodec
{
    public static byte[] Encode(SessionClaims claims)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("ak", claims.AccessKeyId);
            json.WriteString("sk", claims.SecretAccessKey);
            json.WriteString("acct", claims.AccountId);
            json.WriteString("role", claims.RoleArn);
            json.WriteString("rn", claims.RoleName);
            json.WriteString("rid", claims.RoleId);
            json.WriteString("sn", claims.SessionName);
            if (claims.SessionPolicy is not null) json.WriteString("pol", claims.SessionPolicy);
            if (claims.SourceIdentity is not null) json.WriteString("src", claims.SourceIdentity);
            json.WriteStartArray("tags");
            foreach (var (key, value) in claims.Tags)
            {
                json.WriteStartArray();
                json.WriteStringValue(key);
                json.WriteStringValue(value);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteStartArray("tt");
            foreach (var key in claims.TransitiveTagKeys) json.WriteStringValue(key);
            json.WriteEndArray();
            json.WriteNumber("iat", claims.IssuedAt.ToUnixTimeMilliseconds());
            json.WriteNumber("exp", claims.Expiration.ToUnixTimeMilliseconds());
            if (claims.Forwarded is { } forwarded)
            {
                json.WriteStartObject("fwd");
                json.WriteNumber("kind", (int)forwarded.CallerKind);
                json.WriteString("arn", forwarded.CallerArn);
                if (forwarded.UserName is not null) json.WriteString("user", forwarded.UserName);
                json.WriteString("via", forwarded.CalledVia);
                json.WriteString("res", forwarded.Resource);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The claims, or null when the JSON is not what <see cref="Encode"/> writes.</summary>
    public static SessionClaims? Decode(ReadOnlySpan<byte> plaintext)
    {
        try
        {
            var reader = new Utf8JsonReader(plaintext);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            return new SessionClaims(
                root.GetProperty("ak").GetString()!,
                root.GetProperty("sk").GetString()!,
                root.GetProperty("acct").GetString()!,
                root.GetProperty("role").GetString()!,
                root.GetProperty("rn").GetString()!,
                root.GetProperty("rid").GetString()!,
                root.GetProperty("sn").GetString()!,
                root.TryGetProperty("pol", out var policy) ? policy.GetString() : null,
                root.TryGetProperty("src", out var source) ? source.GetString() : null,
                [.. root.GetProperty("tags").EnumerateArray().Select(t => KeyValuePair.Create(t[0].GetString()!, t[1].GetString()!))],
                [.. root.GetProperty("tt").EnumerateArray().Select(k => k.GetString()!)],
                DateTimeOffset.FromUnixTimeMilliseconds(root.GetProperty("iat").GetInt64()),
                DateTimeOffset.FromUnixTimeMilliseconds(root.GetProperty("exp").GetInt64()))
            {
                Forwarded = root.TryGetProperty("fwd", out var forwarded) ? DecodeForwarded(forwarded) : null,
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            // Only a token this emulator sealed opens at all, so this is a format from another version of it.
            return null;
        }
    }

    private static ForwardedAccess DecodeForwarded(JsonElement forwarded) => new(
        (CallerKind)forwarded.GetProperty("kind").GetInt32(),
        forwarded.GetProperty("arn").GetString()!,
        forwarded.TryGetProperty("user", out var user) ? user.GetString() : null,
        forwarded.GetProperty("via").GetString()!,
        forwarded.GetProperty("res").GetString()!);
}
