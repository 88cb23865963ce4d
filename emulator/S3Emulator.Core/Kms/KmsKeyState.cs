namespace S3Emulator.Core.Kms;

/// <summary>The key states the mock supports, named as KMS names them in <c>KeyMetadata.KeyState</c>.</summary>
public enum KmsKeyState
{
    Enabled,
    Disabled,
    PendingDeletion,
}
