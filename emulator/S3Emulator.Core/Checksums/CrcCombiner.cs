using System.Buffers.Binary;
using S3Emulator.Core.Model;

namespace S3Emulator.Core.Checksums;

/// <summary>
/// crc(A‖B) from crc(A), crc(B) and |B| for reflected CRCs whose initial value and final XOR are
/// both all ones (CRC32, CRC32C, CRC64NVME), after zlib's <c>crc32_combine</c>: multiply crc(A) by
/// x^(8·|B|) modulo the polynomial, then XOR crc(B). Needed for FULL_OBJECT multipart checksums.
/// </summary>
internal sealed class CrcCombiner
{
    private readonly ulong _reflectedPoly;
    private readonly int _width;
    private readonly ulong _topBit;

    private CrcCombiner(ulong reflectedPoly, int width)
    {
        _reflectedPoly = reflectedPoly;
        _width = width;
        _topBit = 1UL << (width - 1);
    }

    /// <summary>The CRC of zero bytes.</summary>
    public ulong Empty => 0;

    public static CrcCombiner For(ChecksumAlgorithm algorithm) => algorithm switch
    {
        ChecksumAlgorithm.Crc32 => new CrcCombiner(0xEDB88320UL, 32),
        ChecksumAlgorithm.Crc32C => new CrcCombiner(0x82F63B78UL, 32),
        ChecksumAlgorithm.Crc64Nvme => new CrcCombiner(0x9A6C9329AC4BC9B5UL, 64),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "FULL_OBJECT checksums exist only for CRCs."),
    };

    public ulong FromBytes(byte[] raw) => _width == 32
        ? BinaryPrimitives.ReadUInt32BigEndian(raw)
        : BinaryPrimitives.ReadUInt64BigEndian(raw);

    public byte[] ToBytes(ulong value)
    {
        var bytes = new byte[_width / 8];
        if (_width == 32)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)value);
        }
        else
        {
            BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        }

        return bytes;
    }

    public ulong Combine(ulong crcA, ulong crcB, long lengthB)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lengthB);
        return MultiplyModP(XPow8N(lengthB), crcA) ^ crcB;
    }

    // Reflected representation: the top bit is x^0, so "x^0" is _topBit and multiplying by x is a right shift.
    private ulong MultiplyModP(ulong a, ulong b)
    {
        if (a == 0)
        {
            return 0;
        }

        var m = _topBit;
        ulong p = 0;
        while (true)
        {
            if ((a & m) != 0)
            {
                p ^= b;
                if ((a & (m - 1)) == 0)
                {
                    break;
                }
            }

            m >>= 1;
            b = (b & 1) != 0 ? (b >> 1) ^ _reflectedPoly : b >> 1;
        }

        return p;
    }

    // x^(8n) mod p by square-and-multiply over n's bits; x^(2^k) computed by repeated squaring.
    private ulong XPow8N(long n)
    {
        var result = _topBit; // x^0
        var power = _topBit >> 8; // x^8: one byte
        while (n != 0)
        {
            if ((n & 1) != 0)
            {
                result = MultiplyModP(power, result);
            }

            power = MultiplyModP(power, power);
            n >>= 1;
        }

        return result;
    }
}
