using System.Globalization;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;

namespace S3Emulator.Server.Services.S3.Handlers.Objects;

/// <summary>
/// If-Match, If-None-Match, If-Modified-Since and If-Unmodified-Since as S3 evaluates them (RFC 9110
/// precedence: a passing If-Match overrides If-Unmodified-Since; a failing If-None-Match overrides
/// If-Modified-Since). Dates compare at whole seconds, as Last-Modified is sent.
/// </summary>
internal static class ConditionalRequest
{
    public enum Outcome
    {
        Proceed,
        NotModified,
        PreconditionFailed,
    }

    public static Outcome Evaluate(ObjectInfo info, string? ifMatch, string? ifNoneMatch, string? ifModifiedSince, string? ifUnmodifiedSince)
    {
        var lastModified = TruncateToSeconds(info.LastModified);
        if (ifMatch is not null)
        {
            if (!ETagListMatches(ifMatch, info.ETag)) return Outcome.PreconditionFailed;
        }
        else if (ParseDate(ifUnmodifiedSince) is { } unmodifiedSince && lastModified > unmodifiedSince)
        {
            return Outcome.PreconditionFailed;
        }

        if (ifNoneMatch is not null)
        {
            if (ETagListMatches(ifNoneMatch, info.ETag)) return Outcome.NotModified;
        }
        else if (ParseDate(ifModifiedSince) is { } modifiedSince && lastModified <= modifiedSince)
        {
            return Outcome.NotModified;
        }
        return Outcome.Proceed;
    }

    /// <summary>Throws what S3 answers for a failed condition on a read: 304, or 412 naming the condition.</summary>
    public static void ThrowIfFailed(Outcome outcome, ObjectInfo info, string condition)
    {
        switch (outcome)
        {
            case Outcome.NotModified:
                var notModified = new S3Exception(S3Errors.NotModified);
                notModified.Headers["ETag"] = ObjectResponseHeaders.QuotedETag(info.ETag);
                notModified.Headers["Last-Modified"] = ObjectResponseHeaders.HttpDate(info.LastModified);
                throw notModified;
            case Outcome.PreconditionFailed:
                throw new S3Exception(S3Errors.PreconditionFailed, S3Exception.Detail("Condition", condition));
        }
    }

    public static bool ETagListMatches(string list, string etag) =>
        list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(candidate => candidate == "*" || candidate.Trim('"') == etag || candidate == "W/\"" + etag + "\"");

    private static DateTimeOffset? ParseDate(string? value) =>
        value is not null && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? TruncateToSeconds(date)
            : null;

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset time) =>
        new(time.Ticks - time.Ticks % TimeSpan.TicksPerSecond, time.Offset);
}
