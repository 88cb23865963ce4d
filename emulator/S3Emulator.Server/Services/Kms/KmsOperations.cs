using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using S3Emulator.Core.Kms;

namespace S3Emulator.Server.Services.Kms;

/// <summary>One KMS operation: the request body in, the response body out (null for KMS's empty responses).</summary>
internal delegate JsonObject? KmsOperation(KmsJsonRequest request, MockKeyManagementService kms);

/// <summary>The supported <c>X-Amz-Target: TrentService.*</c> operations, as a table.</summary>
internal static class KmsOperations
{
    public const string TargetPrefix = "TrentService.";

    private static readonly FrozenDictionary<string, KmsOperation> Table = new Dictionary<string, KmsOperation>
    {
        ["CreateKey"] = KmsKeyOperations.CreateKey,
        ["DescribeKey"] = KmsKeyOperations.DescribeKey,
        ["ListKeys"] = KmsKeyOperations.ListKeys,
        ["EnableKey"] = KmsKeyOperations.EnableKey,
        ["DisableKey"] = KmsKeyOperations.DisableKey,
        ["ScheduleKeyDeletion"] = KmsKeyOperations.ScheduleKeyDeletion,
        ["CancelKeyDeletion"] = KmsKeyOperations.CancelKeyDeletion,
        ["CreateAlias"] = KmsKeyOperations.CreateAlias,
        ["UpdateAlias"] = KmsKeyOperations.UpdateAlias,
        ["DeleteAlias"] = KmsKeyOperations.DeleteAlias,
        ["ListAliases"] = KmsKeyOperations.ListAliases,
        ["Encrypt"] = KmsCryptoOperations.Encrypt,
        ["Decrypt"] = KmsCryptoOperations.Decrypt,
        ["ReEncrypt"] = KmsCryptoOperations.ReEncrypt,
        ["GenerateDataKey"] = KmsCryptoOperations.GenerateDataKey,
        ["GenerateDataKeyWithoutPlaintext"] = KmsCryptoOperations.GenerateDataKeyWithoutPlaintext,
        ["GenerateRandom"] = KmsCryptoOperations.GenerateRandom,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IEnumerable<string> Names => Table.Keys;

    public static bool TryGet(string name, [NotNullWhen(true)] out KmsOperation? operation) => Table.TryGetValue(name, out operation);
}
