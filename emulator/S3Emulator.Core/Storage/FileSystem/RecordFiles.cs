using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace S3Emulator.Core.Storage.FileSystem;

/// <summary>Reads and atomically writes the store's small JSON records.</summary>
internal static class RecordFiles
{
    /// <summary>
    /// Writes the record aside and renames it into place, so a reader or a restart sees either the old
    /// record or the new one, never a torn one.
    /// </summary>
    public static void Write<T>(string path, T record, JsonTypeInfo<T> typeInfo, string tempPath)
    {
        try
        {
            File.WriteAllBytes(tempPath, JsonSerializer.SerializeToUtf8Bytes(record, typeInfo));
            File.Move(tempPath, path, overwrite: true);
        }
        finally
        {
            StoreFiles.DeleteQuietly(tempPath);
        }
    }

    /// <summary>Reads a record; an unreadable one stops startup rather than letting its content be swept as debris.</summary>
    public static T Read<T>(string path, JsonTypeInfo<T> typeInfo, Func<T, int> formatVersion)
    {
        T? record;
        try
        {
            record = JsonSerializer.Deserialize(File.ReadAllBytes(path), typeInfo);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The store record '{path}' is not valid JSON.", ex);
        }

        if (record is null) throw new InvalidDataException($"The store record '{path}' is empty.");
        var version = formatVersion(record);
        if (version is < 1 or > RecordFormat.Current)
        {
            throw new InvalidDataException(
                $"The store record '{path}' has format version {version}; this build reads up to {RecordFormat.Current}.");
        }

        return record;
    }
}
