namespace S3Emulator.ClientTests.CrashSafety;

/// <summary>
/// The host's data directory seen from outside, without knowing its layout (the file store's layout may change):
/// how many bytes its files hold in all. After a restart that total should be the live objects' bytes, plus
/// encryption framing, records and the host's own small files — not leftovers of the writes the kill interrupted.
/// </summary>
internal static class DataDirectory
{
    /// <summary>Encryption adds a 16-byte tag per 64 KiB frame (0.025 %) and a header; 1 % leaves room for any framing.</summary>
    public const double FramingAllowance = 0.01;

    /// <summary>A record, index entry or log line per live object or part.</summary>
    public const long PerItemAllowance = 4 * 1024;

    /// <summary>Files of the host's own that may appear or grow after the first measurement (keys, certificates, logs).</summary>
    public const long FixedAllowance = 1024 * 1024;

    public static long TotalBytes(string directory)
    {
        var total = 0L;
        foreach (var file in Directory.EnumerateFiles(directory, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }))
        {
            try
            {
                total += new FileInfo(file).Length;
            }
            catch (FileNotFoundException)
            {
                // Swept while we walked.
            }
        }
        return total;
    }

    /// <summary>The most the directory may hold: what it held before any object was written, plus the live content and allowances.</summary>
    public static long UpperBound(long baseline, long liveBytes, int liveItems) =>
        baseline + (long)(liveBytes * (1 + FramingAllowance)) + liveItems * PerItemAllowance + FixedAllowance;

    /// <summary>
    /// Waits up to <paramref name="patience"/> for the total to fall within bounds (a store may sweep in the background
    /// after it answers ready), and returns the last total measured.
    /// </summary>
    public static async Task<long> SettledTotalAsync(string directory, long upperBound, TimeSpan patience)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var total = TotalBytes(directory);
            if (total <= upperBound || waited.Elapsed > patience) return total;
            await Task.Delay(100);
        }
    }
}
