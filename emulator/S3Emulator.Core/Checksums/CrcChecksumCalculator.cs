using System.Buffers.Binary;
using System.IO.Hashing;
using S3Emulator.Core.Model;

namespace S3Emulator.Core.Checksums;

/// <summary>
/// CRC32, CRC32C and CRC64NVME through System.IO.Hashing. The library emits its hash bytes
/// little-endian; S3 renders the CRC value big-endian, so the numeric value is written out here.
/// </summary>
internal sealed class CrcChecksumCalculator : IChecksumCalculator
{
    private readonly Crc32? _crc32;
    private readonly Crc64? _crc64;

    public CrcChecksumCalculator(ChecksumAlgorithm algorithm)
    {
        Algorithm = algorithm;
        switch (algorithm)
        {
            case ChecksumAlgorithm.Crc32:
                _crc32 = new Crc32(Crc32ParameterSet.Crc32);
                break;
            case ChecksumAlgorithm.Crc32C:
                _crc32 = new Crc32(Crc32ParameterSet.Crc32C);
                break;
            case ChecksumAlgorithm.Crc64Nvme:
                _crc64 = new Crc64(Crc64ParameterSet.Nvme);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Not a CRC algorithm.");
        }
    }

    public ChecksumAlgorithm Algorithm { get; }

    public void Append(ReadOnlySpan<byte> data)
    {
        if (_crc32 is not null)
        {
            _crc32.Append(data);
        }
        else
        {
            _crc64!.Append(data);
        }
    }

    public byte[] GetHashAndReset()
    {
        if (_crc32 is not null)
        {
            var value = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(value, _crc32.GetCurrentHashAsUInt32());
            _crc32.Reset();
            return value;
        }

        var value64 = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(value64, _crc64!.GetCurrentHashAsUInt64());
        _crc64.Reset();
        return value64;
    }
}
