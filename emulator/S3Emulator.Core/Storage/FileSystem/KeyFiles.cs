using System.Globalization;

namespace S3Emulator.Core.Storage.FileSystem;

/// <summary>
/// The names of one key's files in its bucket's <c>objects/</c> directory, all starting with the hash of the key
/// (see <see cref="FileSystemLayout"/>): its version files, its tombstones and an old-style record.
/// </summary>
/// <param name="Prefix">The objects directory joined with the key's hash; also the key's identity in <see cref="KeyStrays"/>.</param>
internal readonly record struct KeyFiles(string Prefix)
{
    /// <summary>An object record written before version files existed.</summary>
    public string Record => Prefix + FileSystemLayout.RecordExtension;

    /// <summary>The version file committed as <paramref name="sequence"/>.</summary>
    public string Version(long sequence) => Named(sequence, FileSystemLayout.VersionExtension);

    /// <summary>The tombstone created as <paramref name="sequence"/>.</summary>
    public string Tombstone(long sequence) => Named(sequence, FileSystemLayout.TombstoneExtension);

    private string Named(long sequence, string extension) =>
        Prefix + "-" + sequence.ToString("x16", CultureInfo.InvariantCulture) + extension;
}
