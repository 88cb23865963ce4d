using S3Emulator.Core.Errors;

namespace S3Emulator.Server.Auth.SigV4;

/// <summary>Checks a request timestamp against the server clock (±15 minutes) and the credential scope date.</summary>
internal static class RequestClock
{
    public static void EnsureWithinSkew(string rawRequestTime, DateTimeOffset requestTime, DateTimeOffset now)
    {
        if ((now - requestTime).Duration() > SigV4Constants.MaxSkew)
        {
            throw AuthErrors.RequestTimeTooSkewed(rawRequestTime, now);
        }
    }

    /// <summary>The scope date must be the day of the request time.</summary>
    public static bool ScopeDateMatches(CredentialScope scope, string amzDate) =>
        amzDate.StartsWith(scope.Date, StringComparison.Ordinal);

    public static S3Exception ScopeDateMismatchForHeader() =>
        AuthErrors.HeaderMalformed("Invalid credential date. Date is not the same as X-Amz-Date.");
}
