using S3Emulator.Core.Model;
using S3Emulator.Core.Storage.FileSystem;
using S3Emulator.Core.Storage.Index;

namespace S3Emulator.Core.Storage;

/// <summary>Multipart uploads: an upload record per upload, a part record per part, part content beside object content.</summary>
public sealed partial class FileSystemObjectStore
{
    public async ValueTask CreateMultipartUploadAsync(MultipartUpload upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        await CommitAsync(
            () =>
            {
                if (_index.GetBucket(upload.Bucket) is null) throw StoreErrors.NoSuchBucket(upload.Bucket);
                if (_index.GetUpload(upload.Bucket, upload.UploadId) is not null)
                {
                    throw new InvalidOperationException($"Upload id '{upload.UploadId}' is already in use.");
                }

                Directory.CreateDirectory(_layout.UploadDirectory(upload.Bucket, upload.UploadId));
                RecordFiles.Write(
                    _layout.UploadRecord(upload.Bucket, upload.UploadId), new UploadRecord(RecordFormat.Current, upload),
                    StoreJsonContext.Default.UploadRecord, _layout.NewTempPath());
                _index.AddUpload(upload);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public ValueTask<MultipartUpload?> GetMultipartUploadAsync(
        string bucket, string uploadId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_index.GetUpload(bucket, uploadId));

    public ValueTask<IReadOnlyList<MultipartUpload>> ListMultipartUploadsAsync(
        string bucket, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_index.ListUploads(bucket));

    public async ValueTask<PartInfo?> PutPartAsync(
        string bucket, string uploadId, int partNumber, Stream content, Func<long, PartInfo> describe,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(describe);
        if (_index.GetUpload(bucket, uploadId) is null) return null;

        var temp = _layout.NewTempPath();
        try
        {
            var length = await ContentWriter.WriteAsync(content, temp, cancellationToken).ConfigureAwait(false);
            var part = StoreErrors.EnsurePartNumber(describe(length), partNumber);
            var (committed, previous) = await CommitAsync(
                () =>
                {
                    if (_index.GetUpload(bucket, uploadId) is null) return (false, null);
                    var entry = new IndexedPart<ContentFile>(part, MoveIntoContent(temp, bucket, length));
                    WriteRecordOrDiscardContent(
                        entry.Content,
                        () => RecordFiles.Write(
                            _layout.PartRecord(bucket, uploadId, partNumber),
                            new PartRecord(RecordFormat.Current, part, entry.Content.Name, length),
                            StoreJsonContext.Default.PartRecord,
                            _layout.NewTempPath()));
                    var set = _index.TrySetPart(bucket, uploadId, entry, out var replaced);
                    return (set, replaced);
                },
                cancellationToken).ConfigureAwait(false);
            ReleaseContent(previous?.Content);
            return committed ? part : null;
        }
        finally
        {
            StoreFiles.DeleteQuietly(temp);
        }
    }

    public ValueTask<IReadOnlyList<PartInfo>> ListPartsAsync(
        string bucket, string uploadId, CancellationToken cancellationToken)
    {
        var parts = _index.GetParts(bucket, uploadId) ?? throw StoreErrors.NoSuchUpload(uploadId);
        return ValueTask.FromResult<IReadOnlyList<PartInfo>>([.. parts.Select(p => p.Info)]);
    }

    public async ValueTask<ObjectInfo> CompleteMultipartUploadAsync(
        string bucket, string uploadId, IReadOnlyList<int> partNumbers, ObjectInfo final,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partNumbers);
        ArgumentNullException.ThrowIfNull(final);
        var upload = _index.GetUpload(bucket, uploadId) ?? throw StoreErrors.NoSuchUpload(uploadId);
        StoreErrors.EnsureAddresses(final, bucket, upload.Key);

        // Opened under the lock, so no named part can be replaced or aborted between lookup and open.
        var pinned = await CommitAsync(() => OpenParts(bucket, uploadId, partNumbers), cancellationToken)
            .ConfigureAwait(false);
        var temp = _layout.NewTempPath();
        try
        {
            var length = await ContentWriter.ConcatenateAsync(
                pinned.Select(p => OpenWhole(p.File, p.Length)), temp, cancellationToken).ConfigureAwait(false);
            var (previous, parts) = await CommitAsync(
                () => CommitCompletion(bucket, uploadId, final, temp, length), cancellationToken).ConfigureAwait(false);
            ReleaseContent(previous?.Content);
            DiscardUpload(bucket, uploadId, parts);
            return final;
        }
        finally
        {
            foreach (var part in pinned) part.File.Release();
            StoreFiles.DeleteQuietly(temp);
        }
    }

    public async ValueTask<bool> AbortMultipartUploadAsync(
        string bucket, string uploadId, CancellationToken cancellationToken)
    {
        var parts = await CommitAsync(
            () =>
            {
                if (_index.GetUpload(bucket, uploadId) is null) return null;

                // Removing the record commits the abort; parts left behind are debris a restart would sweep.
                File.Delete(_layout.UploadRecord(bucket, uploadId));
                return _index.RemoveUpload(bucket, uploadId);
            },
            cancellationToken).ConfigureAwait(false);
        if (parts is null) return false;
        DiscardUpload(bucket, uploadId, parts);
        return true;
    }

    private List<(SharedFileHandle File, long Length)> OpenParts(
        string bucket, string uploadId, IReadOnlyList<int> partNumbers)
    {
        var uploaded = _index.GetParts(bucket, uploadId) ?? throw StoreErrors.NoSuchUpload(uploadId);
        var selected = PartSelection.Select(uploaded, partNumbers);
        var opened = new List<(SharedFileHandle File, long Length)>(selected.Count);
        try
        {
            foreach (var part in selected)
            {
                opened.Add((SharedFileHandle.Open(part.Content.Path), part.Content.Length));
            }

            return opened;
        }
        catch
        {
            foreach (var part in opened) part.File.Release();
            throw;
        }
    }

    private static FileRangeStream OpenWhole(SharedFileHandle file, long length)
    {
        file.AddReference();
        return new FileRangeStream(file, ByteRange.Whole(length), length);
    }

    private (IndexedObject<ContentFile>? Previous, IReadOnlyList<IndexedPart<ContentFile>> Parts) CommitCompletion(
        string bucket, string uploadId, ObjectInfo final, string temp, long length)
    {
        // Aborted (or completed by a concurrent request) while the parts were being joined.
        var parts = _index.GetParts(bucket, uploadId) ?? throw StoreErrors.NoSuchUpload(uploadId);
        var entry = new IndexedObject<ContentFile>(final, MoveIntoContent(temp, bucket, length));
        WriteRecordOrDiscardContent(entry.Content, () => WriteObjectRecord(entry));

        // The object record is in place first: a crash now leaves the upload as well, never neither.
        File.Delete(_layout.UploadRecord(bucket, uploadId));
        _index.TryCompleteUpload(bucket, uploadId, entry, out var previous);
        return (previous, parts);
    }

    private void DiscardUpload(string bucket, string uploadId, IReadOnlyList<IndexedPart<ContentFile>> parts)
    {
        foreach (var part in parts) ReleaseContent(part.Content);
        StoreFiles.DeleteDirectoryQuietly(_layout.UploadDirectory(bucket, uploadId));
    }
}
