using System.Buffers.Binary;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;
using S3Emulator.Core.Model;

namespace S3Emulator.Core.Storage.FileSystem;

/// <summary>
/// The one file that holds an object version: its content and its record, so committing a PUT is a single
/// rename of a finished file.
/// <code>
/// header   32 bytes: magic "S3EMVER\n", format (u32 LE), 4 reserved, content length (i64 LE), 8 reserved
/// content  the stored bytes, exactly content-length of them
/// records  one or more entries: length (i32 LE), then that many bytes of <see cref="VersionRecord"/> JSON
/// </code>
/// The last complete entry is the object's record. An update (tags, metadata) appends an entry with one
/// write, so it neither copies the content nor disturbs readers of it; an entry cut short (only power loss
/// can do that: a killed process cannot tear a single write) is ignored and cut off at startup. Once the
/// entries would pass <see cref="RecordsLimit"/>, the update instead copies header and content into a new
/// version file with the new record alone (<see cref="Rewrite"/>), committed like a PUT, so a version file never
/// holds more than a small share of records however often its tags change.
/// </summary>
internal static class VersionFile
{
    public const int HeaderSize = 32;
    public const int Format = 1;
    private const int EntryPrefixSize = sizeof(int);
    private const long MinRecordsLimit = 16 * 1024;
    private const long MaxRecordsLimit = 1024 * 1024;

    private static ReadOnlySpan<byte> Magic => "S3EMVER\n"u8;

    public static void WriteHeader(Span<byte> header, long contentLength)
    {
        header[..HeaderSize].Clear();
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], Format);
        BinaryPrimitives.WriteInt64LittleEndian(header[16..], contentLength);
    }

    /// <summary>A record entry, ready to be written in one go.</summary>
    public static byte[] Entry(ObjectInfo info)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(
            new VersionRecord(RecordFormat.Current, info), StoreJsonContext.Default.VersionRecord);
        var entry = new byte[EntryPrefixSize + json.Length];
        BinaryPrimitives.WriteInt32LittleEndian(entry, json.Length);
        json.CopyTo(entry, EntryPrefixSize);
        return entry;
    }

    /// <summary>
    /// How many bytes of record entries a version file with <paramref name="contentLength"/> bytes of content may
    /// hold: an eighth of the content, at least 16 KiB (some thirty updates) and at most 1 MiB. Up to 8 MiB of
    /// content, rewriting it then costs an update on average at most eight times the update's own bytes; above
    /// that the cap wins, so startup (which reads every record) never reads more than 1 MiB of them per version.
    /// </summary>
    public static long RecordsLimit(long contentLength) => Math.Clamp(contentLength / 8, MinRecordsLimit, MaxRecordsLimit);

    /// <summary>True when appending <paramref name="entryLength"/> more bytes of record would pass <see cref="RecordsLimit"/>.</summary>
    public static bool IsFullFor(ContentFile version, int entryLength) =>
        version.RecordsEnd - (version.Offset + version.Length) + entryLength > RecordsLimit(version.Length);

    /// <summary>
    /// Writes a new version file at <paramref name="target"/> holding the header and content of <paramref name="version"/>
    /// and <paramref name="entry"/> as its only record; returns where that record ends. The source is not changed.
    /// </summary>
    public static long Rewrite(ContentFile version, byte[] entry, string target)
    {
        // The kernel copies (or clones) the bytes; the source's records are cut off behind the content.
        File.Copy(version.Path, target);
        var contentEnd = version.Offset + version.Length;
        using var file = File.OpenHandle(target, FileMode.Open, FileAccess.Write);
        RandomAccess.Write(file, entry, contentEnd);
        RandomAccess.SetLength(file, contentEnd + entry.Length);
        return contentEnd + entry.Length;
    }

    /// <summary>Appends a record entry at <paramref name="recordsEnd"/> of a committed version file; returns the new end.</summary>
    public static long AppendRecord(string path, long recordsEnd, byte[] entry)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        RandomAccess.Write(file, entry, recordsEnd);
        return recordsEnd + entry.Length;
    }

    /// <summary>Reads a version file's header and its last complete record, cutting off a torn entry after it.</summary>
    public static (ObjectInfo Info, ContentFile Content) Read(string path)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete);
        var fileLength = RandomAccess.GetLength(file);
        Span<byte> header = stackalloc byte[HeaderSize];
        if (fileLength < HeaderSize || RandomAccess.Read(file, header, 0) < HeaderSize || !header[..8].SequenceEqual(Magic))
        {
            throw new InvalidDataException($"The store file '{path}' is not an object version file.");
        }

        var format = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        if (format is < 1 or > Format)
        {
            throw new InvalidDataException(
                $"The store file '{path}' has format version {format}; this build reads up to {Format}.");
        }

        var contentLength = BinaryPrimitives.ReadInt64LittleEndian(header[16..]);
        var recordsStart = HeaderSize + contentLength;
        if (contentLength < 0 || recordsStart > fileLength)
        {
            throw new InvalidDataException($"The store file '{path}' is shorter than its content.");
        }

        var records = new byte[fileLength - recordsStart];
        RandomAccess.Read(file, records, recordsStart);
        var (record, validLength) = LastRecord(records, path);
        if (validLength < records.Length) RandomAccess.SetLength(file, recordsStart + validLength);
        return (record.Info, new ContentFile(path, HeaderSize, contentLength, recordsStart + validLength));
    }

    private static (VersionRecord Record, int ValidLength) LastRecord(ReadOnlySpan<byte> records, string path)
    {
        VersionRecord? last = null;
        var position = 0;
        while (records.Length - position >= EntryPrefixSize)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(records[position..]);
            if (length <= 0 || length > records.Length - position - EntryPrefixSize) break;
            VersionRecord? record;
            try
            {
                record = JsonSerializer.Deserialize(records.Slice(position + EntryPrefixSize, length), StoreJsonContext.Default.VersionRecord);
            }
            catch (JsonException)
            {
                break;
            }

            if (record is null) break;
            if (record.FormatVersion is < 1 or > RecordFormat.Current)
            {
                throw new InvalidDataException(
                    $"The store file '{path}' has a record of format version {record.FormatVersion}; this build reads up to {RecordFormat.Current}.");
            }

            last = record;
            position += EntryPrefixSize + length;
        }

        // The first record is written before the file is renamed into place: without one the file was not written by this store.
        return last is null
            ? throw new InvalidDataException($"The store file '{path}' holds no readable record.")
            : (last, position);
    }

    /// <summary>Opens a new version file for writing; it stays in the temp directory until committed.</summary>
    public static SafeFileHandle Create(string path) =>
        File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
}
