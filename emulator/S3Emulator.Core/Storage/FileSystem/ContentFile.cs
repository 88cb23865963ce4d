namespace S3Emulator.Core.Storage.FileSystem;

/// <summary>
/// Where the immutable bytes of one object version or part live: a file, the offset of the content in it and
/// its length.
/// </summary>
/// <param name="Path">The file.</param>
/// <param name="Offset">Where the content starts: after the header in a version file, 0 in a separate content file.</param>
/// <param name="Length">The content's byte count.</param>
/// <param name="RecordsEnd">
/// In a version file (<see cref="VersionFile"/>), where its record chain ends, so an update appends there;
/// -1 for a separate content file, whose record lives in a JSON file of its own.
/// </param>
internal sealed record ContentFile(string Path, long Offset, long Length, long RecordsEnd)
{
    /// <summary>A separate content file (a part, or an object written before version files existed).</summary>
    public static ContentFile Separate(string path, long length) => new(path, 0, length, -1);

    /// <summary>True when the file also holds the record: deleting it deletes the object.</summary>
    public bool IsVersionFile => RecordsEnd >= 0;

    /// <summary>The file name the records store, so a store directory can be moved as a whole.</summary>
    public string Name => System.IO.Path.GetFileName(Path);
}
