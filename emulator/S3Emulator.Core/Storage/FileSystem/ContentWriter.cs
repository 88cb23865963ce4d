namespace S3Emulator.Core.Storage.FileSystem;

/// <summary>Streams a part into a new file with a modest buffer, so part size never dictates memory use.</summary>
internal static class ContentWriter
{
    /// <summary>Below the large-object-heap threshold; pooled by <see cref="Stream.CopyToAsync(Stream, int, CancellationToken)"/>.</summary>
    public const int BufferSize = 80 * 1024;

    /// <summary>Copies <paramref name="source"/> to its end into a new file at <paramref name="path"/>; returns the byte count.</summary>
    public static async ValueTask<long> WriteAsync(Stream source, string path, CancellationToken cancellationToken)
    {
        var file = CreateFile(path);
        await using (file.ConfigureAwait(false))
        {
            await source.CopyToAsync(file, BufferSize, cancellationToken).ConfigureAwait(false);
            return file.Length;
        }
    }

    // No FileStream buffer: CopyToAsync already hands over full, pooled buffers.
    private static FileStream CreateFile(string path) =>
        new(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            BufferSize = 0,
            Options = FileOptions.Asynchronous,
        });
}
