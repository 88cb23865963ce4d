using System.Globalization;
using System.Text.Json.Nodes;
using S3Emulator.Core.Kms;

namespace S3Emulator.Server.Services.Kms;

/// <summary>Response shapes shared by the KMS operations: KeyMetadata, timestamps, blobs and paging.</summary>
internal static class KmsJson
{
    public const string SymmetricDefault = "SYMMETRIC_DEFAULT";
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    /// <summary>JSON protocol timestamps are epoch seconds, fractions allowed.</summary>
    public static double Epoch(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;

    public static string Blob(byte[] bytes) => Convert.ToBase64String(bytes);

    /// <summary>KMS's KeyMetadata; the fields every key of the mock shares are constants.</summary>
    public static JsonObject Metadata(KmsKeyMetadata key)
    {
        var metadata = new JsonObject
        {
            ["AWSAccountId"] = key.AwsAccountId,
            ["KeyId"] = key.KeyId,
            ["Arn"] = key.Arn,
            ["CreationDate"] = Epoch(key.CreationDate),
            ["Enabled"] = key.Enabled,
            ["Description"] = key.Description,
            ["KeyUsage"] = "ENCRYPT_DECRYPT",
            ["KeyState"] = key.KeyState.ToString(),
            ["Origin"] = "AWS_KMS",
            ["KeyManager"] = key.KeyManager,
            ["CustomerMasterKeySpec"] = SymmetricDefault,
            ["KeySpec"] = SymmetricDefault,
            ["EncryptionAlgorithms"] = new JsonArray(SymmetricDefault),
            ["MultiRegion"] = false,
        };
        if (key.DeletionDate is { } deletion) metadata["DeletionDate"] = Epoch(deletion);
        if (key.PendingDeletionWindowInDays is { } days) metadata["PendingDeletionWindowInDays"] = days;
        return metadata;
    }

    /// <summary>
    /// One page of <paramref name="items"/> after <c>Marker</c> (an offset the previous page handed out), at most
    /// <c>Limit</c> (1–1000, default 100) long, with <c>NextMarker</c>/<c>Truncated</c> written into <paramref name="response"/>.
    /// </summary>
    public static IEnumerable<T> Page<T>(IReadOnlyList<T> items, KmsJsonRequest request, JsonObject response)
    {
        var limit = request.Int("Limit") ?? DefaultLimit;
        if (limit is < 1 or > MaxLimit)
        {
            throw new KmsException("ValidationException",
                $"1 validation error detected: Value '{limit}' at 'limit' failed to satisfy constraint: Member must have value "
                + (limit < 1 ? "greater than or equal to 1" : $"less than or equal to {MaxLimit}"));
        }

        var start = 0;
        if (request.String("Marker") is { } marker
            && (!int.TryParse(marker, NumberStyles.None, CultureInfo.InvariantCulture, out start) || start > items.Count))
        {
            throw new KmsException("InvalidMarkerException", "Invalid marker");
        }

        var truncated = start + limit < items.Count;
        response["Truncated"] = truncated;
        if (truncated) response["NextMarker"] = (start + limit).ToString(CultureInfo.InvariantCulture);
        return items.Skip(start).Take(limit);
    }

    /// <summary>Only the symmetric algorithm exists for the mock's keys.</summary>
    public static void EnsureSymmetric(string? algorithm)
    {
        if (algorithm is not null and not SymmetricDefault)
        {
            throw new KmsException("InvalidKeyUsageException", $"The encryption algorithm {algorithm} is not supported for a symmetric key.");
        }
    }

    /// <summary>With <c>DryRun</c> KMS checks everything and then reports that it would have succeeded.</summary>
    public static void EnsureNotDryRun(KmsJsonRequest request)
    {
        if (request.Bool("DryRun"))
        {
            throw new KmsException("DryRunOperationException", "The request would have succeeded, but the DryRun option is set.");
        }
    }
}
