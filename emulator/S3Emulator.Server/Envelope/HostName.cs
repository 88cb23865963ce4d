namespace S3Emulator.Server.Envelope;

/// <summary>The host name of a Host header, as routing compares it.</summary>
internal static class HostName
{
    /// <summary>Lower-cased, without the port; an IPv6 literal keeps its brackets.</summary>
    public static string WithoutPort(string host)
    {
        var lower = host.ToLowerInvariant();
        if (lower.StartsWith('['))
        {
            return lower[..(lower.IndexOf(']') + 1)];
        }
        var colon = lower.LastIndexOf(':');
        return colon < 0 ? lower : lower[..colon];
    }
}
