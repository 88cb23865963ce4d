namespace S3Emulator.Core.Checksums;

/// <summary>An incremental checksum over a byte stream, in the byte order S3 renders (big-endian for CRCs).</summary>
public interface IChecksumCalculator
{
    /// <summary>The algorithm this calculator computes.</summary>
    Model.ChecksumAlgorithm Algorithm { get; }

    /// <summary>Feeds more data.</summary>
    void Append(ReadOnlySpan<byte> data);

    /// <summary>Returns the raw checksum of everything appended so far and starts over.</summary>
    byte[] GetHashAndReset();
}
