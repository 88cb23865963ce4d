using System.Globalization;

namespace S3Emulator.Server.Auth.SigV4;

/// <summary>The ISO 8601 basic timestamps of SigV4 (<c>20130524T000000Z</c>) and the formats S3 shows in errors.</summary>
internal static class AmzDate
{
    public const string BasicFormat = "yyyyMMdd'T'HHmmss'Z'";

    public static bool TryParse(string? value, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(value, BasicFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    /// <summary>The RFC 1123 <c>Date</c> header some clients sign instead of <c>x-amz-date</c>.</summary>
    public static bool TryParseHttpDate(string? value, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    public static string FormatBasic(DateTimeOffset time) => time.UtcDateTime.ToString(BasicFormat, CultureInfo.InvariantCulture);

    /// <summary>The <c>ServerTime</c>/<c>Expires</c> rendering of S3 error bodies (<c>2025-09-03T16:21:50Z</c>).</summary>
    public static string FormatForError(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
