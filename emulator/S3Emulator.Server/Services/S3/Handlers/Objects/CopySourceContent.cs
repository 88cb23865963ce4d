using S3Emulator.Core.Model;
using S3Emulator.Core.Storage;
using S3Emulator.Server.Encryption;

namespace S3Emulator.Server.Services.S3.Handlers.Objects;

/// <summary>An opened copy source and its content key: reads give plaintext, whatever it is stored under.</summary>
internal sealed class CopySourceContent(IStoredObject stored, byte[]? dataKey)
{
    public ObjectInfo Info => stored.Info;

    public Stream Read(ByteRange range) => PlaintextReader.Open(stored, stored.Info, dataKey, range);
}
