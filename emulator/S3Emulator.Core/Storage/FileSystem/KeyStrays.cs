using System.Collections.Concurrent;

namespace S3Emulator.Core.Storage.FileSystem;

/// <summary>
/// Stale files of keys (replaced versions, old-style records, tombstones) that the store could not unlink when
/// it meant to, here or at startup. They are tried again whenever the key next commits, and a delete must not
/// leave one below nothing: a restart would take it for the key's state (see <see cref="FileSystemLayout"/>).
/// </summary>
/// <remarks>
/// Almost always empty, so the lookup every commit makes is a lock-free miss. A key's entry changes only under
/// that key's commit stripe (or, at startup, before the store serves anything).
/// </remarks>
internal sealed class KeyStrays
{
    private readonly ConcurrentDictionary<string, string[]> _byKey = new(StringComparer.Ordinal);

    /// <summary>Removes and returns the stale files known for the key; empty when there are none.</summary>
    public string[] Take(KeyFiles key) =>
        _byKey.TryGetValue(key.Prefix, out _) && _byKey.TryRemove(key.Prefix, out var paths) ? paths : [];

    /// <summary>Remembers <paramref name="paths"/> as stale files of the key, beside any it already has.</summary>
    public void Keep(KeyFiles key, IReadOnlyCollection<string> paths)
    {
        if (paths.Count == 0) return;
        _byKey.AddOrUpdate(key.Prefix, _ => [.. paths], (_, known) => [.. known.Union(paths, StringComparer.Ordinal)]);
    }

    /// <summary>Forgets the stale files of every key under <paramref name="directory"/>, which is being removed whole.</summary>
    public void ForgetUnder(string directory)
    {
        var prefix = Path.EndsInDirectorySeparator(directory) ? directory : directory + Path.DirectorySeparatorChar;
        foreach (var key in _byKey.Keys)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal)) _byKey.TryRemove(key, out _);
        }
    }
}
