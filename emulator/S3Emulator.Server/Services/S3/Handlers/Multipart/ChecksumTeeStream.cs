using S3Emulator.Core.Checksums;
using S3Emulator.Core.Model;
using S3Emulator.Server.Streams;

namespace S3Emulator.Server.Services.S3.Handlers.Multipart;

/// <summary>
/// Passes a body through while computing one more checksum. A part of an upload created without an
/// algorithm may arrive with any checksum the client chose, yet the object S3 assembles carries a
/// CRC64NVME of the whole, which needs the CRC64NVME of every part. Leaves the body it reads open.
/// </summary>
internal sealed class ChecksumTeeStream(Stream inner, ChecksumAlgorithm algorithm) : ObservingReadStream(inner, leaveOpen: true)
{
    private readonly IChecksumCalculator _checksum = ChecksumAlgorithms.CreateCalculator(algorithm);
    private string? _base64;

    /// <summary>Base64 checksum of everything read; valid once the stream was read to its end.</summary>
    public string ChecksumBase64 => _base64 ??= Convert.ToBase64String(_checksum.GetHashAndReset());

    protected override void Observe(ReadOnlySpan<byte> data) => _checksum.Append(data);

    protected override void Dispose(bool disposing)
    {
        if (disposing) (_checksum as IDisposable)?.Dispose();
        base.Dispose(disposing);
    }
}
