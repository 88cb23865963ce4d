using Microsoft.Win32.SafeHandles;

namespace S3Emulator.Core.Storage.FileSystem;

/// <summary>
/// An open content file shared by an <see cref="IStoredObject"/> and the streams it hands out. Reference
/// counted, so a stream may outlive the handle it came from (a handler returns the stream and the server
/// writes it later) and the file closes when the last user is done.
/// </summary>
/// <remarks>
/// Opened with <see cref="FileShare.Delete"/>: the version stays readable after an overwrite or delete
/// unlinks its file (POSIX keeps an unlinked open file alive).
/// </remarks>
internal sealed class SharedFileHandle
{
    private readonly SafeFileHandle _handle;
    private int _references = 1;

    private SharedFileHandle(SafeFileHandle handle) => _handle = handle;

    public SafeFileHandle Handle => _handle;

    /// <summary>Opens the file with one reference, owned by the caller.</summary>
    public static SharedFileHandle Open(string path) =>
        new(File.OpenHandle(
            path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, FileOptions.Asynchronous));

    public void AddReference()
    {
        var current = Volatile.Read(ref _references);
        while (true)
        {
            ObjectDisposedException.ThrowIf(current == 0, this);
            var seen = Interlocked.CompareExchange(ref _references, current + 1, current);
            if (seen == current) return;
            current = seen;
        }
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0) _handle.Dispose();
    }
}
