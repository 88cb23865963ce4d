using S3Emulator.Core.Model;

namespace S3Emulator.Core.Storage.Index;

/// <summary>The multipart half of the index: uploads keyed by bucket and upload id, parts by number.</summary>
internal sealed partial class StoreIndex<TContent>
{
    /// <summary>Registers the upload; its id must be new in its bucket (callers generate unique ids).</summary>
    public void AddUpload(MultipartUpload upload)
    {
        lock (_gate)
        {
            if (!RequireBucket(upload.Bucket).Uploads.TryAdd(upload.UploadId, new UploadState<TContent>(upload)))
            {
                throw new InvalidOperationException($"Upload id '{upload.UploadId}' is already in use.");
            }
        }
    }

    public MultipartUpload? GetUpload(string bucket, string uploadId)
    {
        lock (_gate)
        {
            return FindUpload(bucket, uploadId)?.Upload;
        }
    }

    /// <summary>The bucket's uploads ordered by key (S3 order), then initiation time, then id.</summary>
    public IReadOnlyList<MultipartUpload> ListUploads(string bucket)
    {
        lock (_gate)
        {
            return
            [
                .. RequireBucket(bucket).Uploads.Values
                    .Select(u => u.Upload)
                    .OrderBy(u => u.Key, S3KeyComparer.Instance)
                    .ThenBy(u => u.Initiated)
                    .ThenBy(u => u.UploadId, StringComparer.Ordinal),
            ];
        }
    }

    /// <summary>Commits a part; false when the upload is gone. <paramref name="previous"/> is the part it replaced.</summary>
    public bool TrySetPart(string bucket, string uploadId, IndexedPart<TContent> part, out IndexedPart<TContent>? previous)
    {
        lock (_gate)
        {
            previous = null;
            var upload = FindUpload(bucket, uploadId);
            if (upload is null) return false;
            upload.Parts.Remove(part.Info.PartNumber, out previous);
            upload.Parts[part.Info.PartNumber] = part;
            return true;
        }
    }

    /// <summary>The upload's parts by part number; null when the upload is gone.</summary>
    public IReadOnlyList<IndexedPart<TContent>>? GetParts(string bucket, string uploadId)
    {
        lock (_gate)
        {
            return FindUpload(bucket, uploadId) is { } upload ? [.. upload.Parts.Values] : null;
        }
    }

    /// <summary>Removes the upload; returns its parts so the caller can release their content, or null when it was gone.</summary>
    public IReadOnlyList<IndexedPart<TContent>>? RemoveUpload(string bucket, string uploadId)
    {
        lock (_gate)
        {
            if (!_buckets.TryGetValue(bucket, out var state) || !state.Uploads.Remove(uploadId, out var upload))
            {
                return null;
            }

            return [.. upload.Parts.Values];
        }
    }

    /// <summary>
    /// Atomically ends the upload and commits its object. False (and nothing changed) when the upload is gone;
    /// otherwise <paramref name="previous"/> is the object version it replaced.
    /// </summary>
    public bool TryCompleteUpload(
        string bucket, string uploadId, IndexedObject<TContent> entry, out IndexedObject<TContent>? previous)
    {
        lock (_gate)
        {
            previous = null;
            if (!_buckets.TryGetValue(bucket, out var state) || !state.Uploads.Remove(uploadId))
            {
                return false;
            }

            previous = SetObjectLocked(state, entry.Info.Key, entry);
            return true;
        }
    }

    private UploadState<TContent>? FindUpload(string bucket, string uploadId) =>
        _buckets.TryGetValue(bucket, out var state) && state.Uploads.TryGetValue(uploadId, out var upload)
            ? upload
            : null;
}
