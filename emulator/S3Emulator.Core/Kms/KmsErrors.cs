namespace S3Emulator.Core.Kms;

/// <summary>
/// Every KMS error the mock raises, with KMS's type names and, where recorded against AWS (kms.md §2–§3),
/// AWS's exact messages. One place, so the KMS API and S3's <c>KMS.*</c> errors say the same thing.
/// </summary>
internal static class KmsErrors
{
    public static KmsException InvalidKeyId(string keyId) => new("NotFoundException", $"Invalid keyId '{keyId}'");

    public static KmsException KeyDoesNotExist(string keyArn) => new("NotFoundException", $"Key '{keyArn}' does not exist");

    public static KmsException InvalidArnRegion(string region) => new("NotFoundException", $"Invalid arn {region}");

    // AWS's text for an unknown alias is unconfirmed; this is LocalStack's.
    public static KmsException AliasNotFound(string aliasArn) => new("NotFoundException", $"Alias {aliasArn} is not found.");

    public static KmsException Disabled(string keyArn) => new("DisabledException", $"{keyArn} is disabled.");

    public static KmsException PendingDeletion(string keyArn) => new("KMSInvalidStateException", $"{keyArn} is pending deletion.");

    public static KmsException NotPendingDeletion(string keyArn) => new("KMSInvalidStateException", $"{keyArn} is not pending deletion.");

    /// <summary>AWS says nothing more, whether the blob is damaged or the encryption context differs.</summary>
    public static KmsException InvalidCiphertext() => new("InvalidCiphertextException", "");

    public static KmsException IncorrectKey() =>
        new("IncorrectKeyException", "The key ID in the request does not identify a CMK that can perform this operation.");

    public static KmsException AliasAlreadyExists(string aliasArn) =>
        new("AlreadyExistsException", $"An alias with the name {aliasArn} already exists");

    public static KmsException AliasPrefixRequired() =>
        new("ValidationException",
            "Alias must start with the prefix \"alias/\". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html");

    public static KmsException ReservedAlias(string aliasName) =>
        new("NotAuthorizedException", $"Cannot create or change alias {aliasName}: the prefix 'alias/aws/' is reserved for AWS managed keys.");

    public static KmsException Validation(string message) => new("ValidationException", message);

    /// <summary>The Coral validation message AWS uses for a member outside its constraint.</summary>
    public static KmsException ConstraintViolated(string value, string member, string constraint) =>
        new("ValidationException", $"1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: {constraint}");

    public static KmsException KeySpecOrBytesRequired() => new("ValidationException", "Please specify either number of bytes or key spec.");

    public static KmsException NumberOfBytesRequired() => new("ValidationException", "NumberOfBytes is required.");
}
