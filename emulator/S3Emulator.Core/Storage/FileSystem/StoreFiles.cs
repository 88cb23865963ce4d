namespace S3Emulator.Core.Storage.FileSystem;

/// <summary>
/// Best-effort removal of files and directories that are no longer referenced. A failure here only leaves
/// debris, which the next startup sweeps, so it must not fail an operation that already committed.
/// </summary>
internal static class StoreFiles
{
    public static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
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
