using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using S3Emulator.Core.Errors;

namespace S3Emulator.Server.Services.ObjectLambda;

/// <summary>
/// Reads and checks what a WriteGetObjectResponse forwards to the caller (object-lambda.md §4): the status, the error
/// code and message, the <c>x-amz-fwd-header-*</c> headers S3 allows, and user metadata. Anything S3 refuses is an
/// <c>InvalidArgument</c> naming the header.
/// </summary>
internal static partial class ForwardedResponseHeaders
{
    public const string StatusHeader = "x-amz-fwd-status";
    public const string ErrorCodeHeader = "x-amz-fwd-error-code";
    public const string ErrorMessageHeader = "x-amz-fwd-error-message";
    private const string HeaderPrefix = "x-amz-fwd-header-";
    private const string MetadataPrefix = "x-amz-meta-";

    // S3's user-defined metadata limit, which the forwarded metadata is held to as well.
    private const int MaxMetadataBytes = 2048;
    private const int MaxErrorMessageLength = 2048;

    private static readonly FrozenSet<int> Statuses = new[] { 200, 206, 304, 400, 401, 403, 404, 405, 409, 411, 412, 416, 500, 503 }.ToFrozenSet();

    // The headers WriteGetObjectResponse may forward, under the names the caller receives.
    private static readonly FrozenDictionary<string, string> Forwardable = new[]
    {
        "accept-ranges", "Cache-Control", "Content-Disposition", "Content-Encoding", "Content-Language", "Content-Range",
        "Content-Type", "ETag", "Expires", "Last-Modified", "x-amz-checksum-crc32", "x-amz-checksum-crc32c",
        "x-amz-checksum-crc64nvme", "x-amz-checksum-sha1", "x-amz-checksum-sha256", "x-amz-delete-marker", "x-amz-expiration",
        "x-amz-missing-meta", "x-amz-object-lock-mode", "x-amz-object-lock-legal-hold", "x-amz-object-lock-retain-until-date",
        "x-amz-mp-parts-count", "x-amz-replication-status", "x-amz-request-charged", "x-amz-restore", "x-amz-server-side-encryption",
        "x-amz-server-side-encryption-customer-algorithm", "x-amz-server-side-encryption-aws-kms-key-id",
        "x-amz-server-side-encryption-customer-key-MD5", "x-amz-server-side-encryption-bucket-key-enabled", "x-amz-storage-class",
        "x-amz-tagging-count", "x-amz-version-id",
    }.ToFrozenDictionary(name => name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The answer a WriteGetObjectResponse describes, checked.</summary>
    public static ForwardedResponse Read(HttpRequest request)
    {
        var status = 200;
        if (Single(request, StatusHeader) is { } statusText
            && (!int.TryParse(statusText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out status)
                || !Statuses.Contains(status)))
        {
            throw Invalid($"{StatusHeader} must be one of {string.Join(", ", Statuses.Order())}.");
        }
        var errorCode = Single(request, ErrorCodeHeader);
        var errorMessage = Single(request, ErrorMessageHeader);
        if (errorCode is not null)
        {
            if (!ErrorCode().IsMatch(errorCode)) throw Invalid($"{ErrorCodeHeader} must match ^[A-Z][a-zA-Z]+$.");
            if (status < 400) throw Invalid($"{ErrorCodeHeader} may only accompany an error status ({StatusHeader} 400 or above).");
            if (request.ContentLength > 0) throw Invalid($"{ErrorCodeHeader} may not accompany a body.");
        }
        if (errorMessage is { Length: > MaxErrorMessageLength }) throw Invalid($"{ErrorMessageHeader} is longer than {MaxErrorMessageLength} characters.");

        var headers = new List<KeyValuePair<string, string>>();
        var metadataBytes = 0;
        foreach (var (name, values) in request.Headers)
        {
            if (name.StartsWith(HeaderPrefix, StringComparison.OrdinalIgnoreCase))
            {
                var forwarded = name[HeaderPrefix.Length..];
                if (!Forwardable.TryGetValue(forwarded, out var canonical)) throw Invalid($"{name} is not a header WriteGetObjectResponse can forward.");
                headers.Add(KeyValuePair.Create(canonical, values.ToString()));
            }
            else if (name.StartsWith(MetadataPrefix, StringComparison.OrdinalIgnoreCase))
            {
                metadataBytes += name.Length - MetadataPrefix.Length + values.ToString().Length;
                headers.Add(KeyValuePair.Create(name.ToLowerInvariant(), values.ToString()));
            }
        }
        if (metadataBytes > MaxMetadataBytes) throw new S3Exception(S3Errors.MetadataTooLarge);
        return new ForwardedResponse(status, errorCode, errorMessage, headers);
    }

    /// <summary>
    /// The name a HEAD answer's header is sent under: one WriteGetObjectResponse could forward, user metadata, or
    /// <c>x-amz-archive-status</c>; null for any other.
    /// </summary>
    public static string? HeadAnswerName(string name) =>
        Forwardable.TryGetValue(name, out var canonical) ? canonical
        : name.StartsWith(MetadataPrefix, StringComparison.OrdinalIgnoreCase) ? name.ToLowerInvariant()
        : string.Equals(name, "x-amz-archive-status", StringComparison.OrdinalIgnoreCase) ? "x-amz-archive-status"
        : null;

    private static string? Single(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) && values.Count > 0 ? values.ToString() : null;

    private static S3Exception Invalid(string message) => new(S3Errors.InvalidWriteGetObjectResponse(message));

    [GeneratedRegex("^[A-Z][a-zA-Z]+$")]
    private static partial Regex ErrorCode();
}

/// <summary>What a WriteGetObjectResponse tells the caller.</summary>
/// <param name="Status">The caller's status (200 when not given).</param>
/// <param name="ErrorCode">The caller's error code, when the function answers with an error.</param>
/// <param name="ErrorMessage">The caller's error message.</param>
/// <param name="Headers">The caller's headers (forwarded headers under their own names, and user metadata).</param>
internal sealed record ForwardedResponse(int Status, string? ErrorCode, string? ErrorMessage, IReadOnlyList<KeyValuePair<string, string>> Headers);
