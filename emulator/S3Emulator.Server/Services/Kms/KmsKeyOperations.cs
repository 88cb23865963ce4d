using System.Text.Json.Nodes;
using S3Emulator.Core.Kms;

namespace S3Emulator.Server.Services.Kms;

/// <summary>The key and alias management operations of the KMS JSON API.</summary>
internal static class KmsKeyOperations
{
    public static JsonObject? CreateKey(KmsJsonRequest request, MockKeyManagementService kms)
    {
        EnsureSupported("KeyUsage", request.String("KeyUsage"), "ENCRYPT_DECRYPT");
        EnsureSupported("KeySpec", request.String("KeySpec"), KmsJson.SymmetricDefault);
        EnsureSupported("CustomerMasterKeySpec", request.String("CustomerMasterKeySpec"), KmsJson.SymmetricDefault);
        EnsureSupported("Origin", request.String("Origin"), "AWS_KMS");
        if (request.Bool("MultiRegion"))
        {
            throw new KmsException("UnsupportedOperationException", "This emulator does not support multi-Region keys.");
        }

        return new JsonObject { ["KeyMetadata"] = KmsJson.Metadata(kms.CreateKey(request.String("Description"))) };
    }

    public static JsonObject? DescribeKey(KmsJsonRequest request, MockKeyManagementService kms) =>
        new() { ["KeyMetadata"] = KmsJson.Metadata(kms.DescribeKey(request.RequiredString("KeyId"))) };

    public static JsonObject? ListKeys(KmsJsonRequest request, MockKeyManagementService kms)
    {
        var response = new JsonObject();
        var keys = new JsonArray();
        foreach (var key in KmsJson.Page(kms.ListKeys(), request, response))
        {
            keys.Add(new JsonObject { ["KeyId"] = key.KeyId, ["KeyArn"] = key.Arn });
        }

        response["Keys"] = keys;
        return response;
    }

    public static JsonObject? EnableKey(KmsJsonRequest request, MockKeyManagementService kms)
    {
        kms.EnableKey(request.RequiredString("KeyId"));
        return null;
    }

    public static JsonObject? DisableKey(KmsJsonRequest request, MockKeyManagementService kms)
    {
        kms.DisableKey(request.RequiredString("KeyId"));
        return null;
    }

    public static JsonObject? ScheduleKeyDeletion(KmsJsonRequest request, MockKeyManagementService kms)
    {
        var key = kms.ScheduleKeyDeletion(request.RequiredString("KeyId"), request.Int("PendingWindowInDays"));
        return new JsonObject
        {
            ["KeyId"] = key.Arn,
            ["DeletionDate"] = KmsJson.Epoch(key.DeletionDate!.Value),
            ["KeyState"] = key.KeyState.ToString(),
            ["PendingWindowInDays"] = key.PendingDeletionWindowInDays,
        };
    }

    public static JsonObject? CancelKeyDeletion(KmsJsonRequest request, MockKeyManagementService kms) =>
        new() { ["KeyId"] = kms.CancelKeyDeletion(request.RequiredString("KeyId")).Arn };

    public static JsonObject? CreateAlias(KmsJsonRequest request, MockKeyManagementService kms)
    {
        kms.CreateAlias(request.RequiredString("AliasName"), request.RequiredString("TargetKeyId"));
        return null;
    }

    public static JsonObject? UpdateAlias(KmsJsonRequest request, MockKeyManagementService kms)
    {
        kms.UpdateAlias(request.RequiredString("AliasName"), request.RequiredString("TargetKeyId"));
        return null;
    }

    public static JsonObject? DeleteAlias(KmsJsonRequest request, MockKeyManagementService kms)
    {
        kms.DeleteAlias(request.RequiredString("AliasName"));
        return null;
    }

    public static JsonObject? ListAliases(KmsJsonRequest request, MockKeyManagementService kms)
    {
        var response = new JsonObject();
        var aliases = new JsonArray();
        foreach (var alias in KmsJson.Page(kms.ListAliases(request.String("KeyId")), request, response))
        {
            aliases.Add(new JsonObject
            {
                ["AliasName"] = alias.AliasName,
                ["AliasArn"] = alias.AliasArn,
                ["TargetKeyId"] = alias.TargetKeyId,
                ["CreationDate"] = KmsJson.Epoch(alias.CreationDate),
                ["LastUpdatedDate"] = KmsJson.Epoch(alias.LastUpdatedDate),
            });
        }

        response["Aliases"] = aliases;
        return response;
    }

    // The mock has symmetric AWS_KMS keys only; anything else is refused rather than silently ignored.
    private static void EnsureSupported(string member, string? value, string supported)
    {
        if (value is not null && value != supported)
        {
            throw new KmsException("UnsupportedOperationException", $"{member} {value} is not supported by this emulator; only {supported} is.");
        }
    }
}
