using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace S3Emulator.Core.Encryption;

/// <summary>
/// The master key file: base64 of 32 bytes and a newline, so it can be pasted into configuration. It is created
/// exclusively (<c>CreateNew</c>, i.e. O_EXCL) and owner-only (0600) from the first byte, so when several
/// emulators start on one folder exactly one key wins and every one of them uses it. (A temp-file-and-move would
/// not do: on Unix a non-overwriting move is a check followed by a rename, which two creators can both pass.)
/// </summary>
internal static class MasterKeyFile
{
    private static readonly TimeSpan CreatorGrace = TimeSpan.FromSeconds(2);

    public static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path)) return Read(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(ContentEncryption.DataKeySize);
        FileStream stream;
        try
        {
            stream = new FileStream(path, OwnerOnlyCreate());
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another emulator created it first; its key wins.
            return Read(path);
        }

        try
        {
            using (stream)
            {
                stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(key) + "\n"));
                stream.Flush(flushToDisk: true);
            }

            return key;
        }
        catch
        {
            // Leave no empty key file behind: the next start would refuse it.
            File.Delete(path);
            throw;
        }
    }

    private static byte[] Read(string path)
    {
        // An empty file is one another emulator has just created and is about to fill (one small write).
        var waited = Stopwatch.StartNew();
        var text = File.ReadAllText(path);
        while (text.Length == 0 && waited.Elapsed < CreatorGrace)
        {
            Thread.Sleep(10);
            text = File.ReadAllText(path);
        }

        var key = new byte[ContentEncryption.DataKeySize];
        if (!Convert.TryFromBase64String(text.Trim(), key, out var written) || written != key.Length)
        {
            throw new InvalidDataException($"{path} does not hold a base64-encoded 32-byte master key.");
        }

        return key;
    }

    private static FileStreamOptions OwnerOnlyCreate()
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return options;
    }
}
