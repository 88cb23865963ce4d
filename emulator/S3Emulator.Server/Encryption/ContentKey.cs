using S3Emulator.Core.Model;

namespace S3Emulator.Server.Encryption;

/// <summary>
/// The key a write encrypts content with, and how it is kept with the object. <see cref="DataKey"/> lives
/// only for the request.
/// </summary>
internal sealed record ContentKey(ObjectEncryption Stored, byte[] DataKey, CustomerKey? Customer)
{
    /// <summary>The ETag of content written under this key (see <see cref="EncryptedETag"/>).</summary>
    public string ETagFor(string plaintextMd5Hex) => EncryptedETag.For(Stored.Kind, plaintextMd5Hex);
}
