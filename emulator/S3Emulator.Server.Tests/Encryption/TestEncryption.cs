using S3Emulator.Core.Encryption;
using S3Emulator.Core.Kms;
using S3Emulator.Server.Encryption;

namespace S3Emulator.Server.Tests.Encryption;

/// <summary>An encryptor for tests that build request contexts by hand: a fixed master key and a fresh mock KMS.</summary>
internal static class TestEncryption
{
    public static ObjectEncryptor NewEncryptor() =>
        new(MasterKey.FromBytes(new byte[32]), new MockKeyManagementService("us-east-1", "123456789012", TimeProvider.System));
}
