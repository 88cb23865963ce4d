namespace S3Emulator.Core.Storage.FileSystem;

/// <summary>
/// Best-effort removal of files and directories that are no longer referenced. A failure here only leaves
/// debris, which the next startup sweeps, so it must not fail an operation that already committed.
/// </summary>
internal static class StoreFiles
{
    public static void DeleteQuietly(string path) => TryDelete(path);

    /// <summary>Unlinks <paramref name="path"/>; true when it is gone (also when it was never there), false when it is still there.</summary>
    public static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static void DeleteDirectoryQuietly(string path)
    {
        try
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
