namespace S3Emulator.Server.Auth.SigV4;

/// <summary>The <c>SignedHeaders</c> list: lowercase names separated by <c>;</c>, in the order the client signed them.</summary>
internal static class SignedHeaderList
{
    public static IReadOnlyList<string> Parse(string value) =>
        value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => name.ToLowerInvariant())
            .ToArray();
}
