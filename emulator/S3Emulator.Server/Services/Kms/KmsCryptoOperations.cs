using System.Text.Json.Nodes;
using S3Emulator.Core.Kms;

namespace S3Emulator.Server.Services.Kms;

/// <summary>The cryptographic operations of the KMS JSON API. Plaintext goes into the response and nowhere else.</summary>
internal static class KmsCryptoOperations
{
    public static JsonObject? Encrypt(KmsJsonRequest request, MockKeyManagementService kms)
    {
        KmsJson.EnsureSymmetric(request.String("EncryptionAlgorithm"));
        var result = kms.Encrypt(request.RequiredString("KeyId"), request.RequiredBlob("Plaintext"), request.Context("EncryptionContext"));
        KmsJson.EnsureNotDryRun(request);
        return new JsonObject
        {
            ["CiphertextBlob"] = KmsJson.Blob(result.CiphertextBlob),
            ["KeyId"] = result.KeyArn,
            ["EncryptionAlgorithm"] = KmsJson.SymmetricDefault,
        };
    }

    public static JsonObject? Decrypt(KmsJsonRequest request, MockKeyManagementService kms)
    {
        KmsJson.EnsureSymmetric(request.String("EncryptionAlgorithm"));
        var result = kms.Decrypt(request.RequiredBlob("CiphertextBlob"), request.Context("EncryptionContext"), request.String("KeyId"));
        KmsJson.EnsureNotDryRun(request);
        return new JsonObject
        {
            ["KeyId"] = result.KeyArn,
            ["Plaintext"] = KmsJson.Blob(result.Plaintext),
            ["EncryptionAlgorithm"] = KmsJson.SymmetricDefault,
        };
    }

    public static JsonObject? ReEncrypt(KmsJsonRequest request, MockKeyManagementService kms)
    {
        KmsJson.EnsureSymmetric(request.String("SourceEncryptionAlgorithm"));
        KmsJson.EnsureSymmetric(request.String("DestinationEncryptionAlgorithm"));
        var result = kms.ReEncrypt(
            request.RequiredBlob("CiphertextBlob"),
            request.RequiredString("DestinationKeyId"),
            request.Context("SourceEncryptionContext"),
            request.Context("DestinationEncryptionContext"),
            request.String("SourceKeyId"));
        KmsJson.EnsureNotDryRun(request);
        return new JsonObject
        {
            ["CiphertextBlob"] = KmsJson.Blob(result.CiphertextBlob),
            ["SourceKeyId"] = result.SourceKeyArn,
            ["KeyId"] = result.KeyArn,
            ["SourceEncryptionAlgorithm"] = KmsJson.SymmetricDefault,
            ["DestinationEncryptionAlgorithm"] = KmsJson.SymmetricDefault,
        };
    }

    public static JsonObject? GenerateDataKey(KmsJsonRequest request, MockKeyManagementService kms)
    {
        var result = NewDataKey(request, kms);
        return new JsonObject
        {
            ["CiphertextBlob"] = KmsJson.Blob(result.CiphertextBlob),
            ["Plaintext"] = KmsJson.Blob(result.Plaintext),
            ["KeyId"] = result.KeyArn,
        };
    }

    public static JsonObject? GenerateDataKeyWithoutPlaintext(KmsJsonRequest request, MockKeyManagementService kms)
    {
        var result = NewDataKey(request, kms);
        return new JsonObject { ["CiphertextBlob"] = KmsJson.Blob(result.CiphertextBlob), ["KeyId"] = result.KeyArn };
    }

    public static JsonObject? GenerateRandom(KmsJsonRequest request, MockKeyManagementService kms) =>
        new() { ["Plaintext"] = KmsJson.Blob(kms.GenerateRandom(request.Int("NumberOfBytes"))) };

    private static GeneratedDataKey NewDataKey(KmsJsonRequest request, MockKeyManagementService kms)
    {
        var result = kms.GenerateDataKey(
            request.RequiredString("KeyId"), request.Context("EncryptionContext"), request.String("KeySpec"), request.Int("NumberOfBytes"));
        KmsJson.EnsureNotDryRun(request);
        return result;
    }
}
