namespace S3Emulator.Core.Storage.FileSystem;

/// <summary>An immutable content file of the file-system store: where it is and how many bytes it holds.</summary>
internal sealed record ContentFile(string Path, long Length)
{
    /// <summary>The file name the records store, so a store directory can be moved as a whole.</summary>
    public string Name => System.IO.Path.GetFileName(Path);
}
