using System.Buffers.Text;
using System.Text;
using S3Emulator.Core.Errors;
using S3Emulator.Server.Services.S3.Routing;

namespace S3Emulator.Server.Services.Control;

/// <summary>
/// The <c>maxResults</c> / <c>nextToken</c> pair the S3 Control list operations share: maxResults 1–1000 (1000 when
/// absent), the token the last name of the previous page in base64url — opaque to clients, checkable here.
/// </summary>
internal static class ControlPaging
{
    public const int MaxResultsLimit = 1000;

    public static int MaxResults(QueryParameters query)
    {
        var maxResults = MaxResultsLimit;
        if (query.Get("maxResults") is { } max && (!int.TryParse(max, out maxResults) || maxResults is < 1 or > MaxResultsLimit))
        {
            throw new S3Exception(S3Errors.InvalidMaxResults);
        }
        return maxResults;
    }

    /// <summary>The name the page starts after, from <c>nextToken</c>; null for the first page.</summary>
    public static string? After(QueryParameters query)
    {
        if (query.Get("nextToken") is not { Length: > 0 } token) return null;
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            throw new S3Exception(S3Errors.InvalidNextToken);
        }
    }

    /// <summary>The token for the page after the one ending at <paramref name="lastName"/>; null when the listing is complete.</summary>
    public static string? NextToken(string? lastName) => lastName is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(lastName));
}
