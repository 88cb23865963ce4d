using S3Emulator.Core.Model;
using S3Emulator.Core.Storage.FileSystem;
using S3Emulator.Core.Storage.Index;

namespace S3Emulator.Core.Storage;

/// <summary>
/// Multipart uploads: an upload record per upload, a part record per part naming a separate content file.
/// Upload commits take the stripe of the bucket and upload id; completion also takes the final key's stripe.
/// </summary>
public sealed partial class FileSystemObjectStore
{
    public ValueTask CreateMultipartUploadAsync(MultipartUpload upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        _locks.Run(
            CommitLocks.StripeOf(upload.Bucket, upload.UploadId),
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
            });
        return ValueTask.CompletedTask;
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
            var (committed, previous) = _locks.Run(
                CommitLocks.StripeOf(bucket, uploadId),
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
                });
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
        var uploadStripe = CommitLocks.StripeOf(bucket, uploadId);
        var pinned = _locks.Run(uploadStripe, () => OpenParts(bucket, uploadId, partNumbers));
        var files = _layout.FilesOf(bucket, upload.Key);
        var temp = _layout.NewTempPath();
        var committed = false;
        try
        {
            long length;
            long recordsEnd;
            using (var writer = VersionFileWriter.Create(temp))
            {
                foreach (var part in pinned)
                {
                    await using var stream = OpenWhole(part.File, part.Length);
                    await writer.AppendAsync(stream, cancellationToken).ConfigureAwait(false);
                }

                length = writer.Length;
                recordsEnd = writer.Seal(final);
            }

            var (previous, parts) = _locks.Run(
                uploadStripe,
                CommitLocks.StripeOf(bucket, upload.Key),
                () =>
                {
                    var completed = CommitCompletion(bucket, uploadId, final, files, temp, length, recordsEnd);
                    committed = true;
                    return completed;
                });
            ReleaseContent(previous);
            DiscardUpload(bucket, uploadId, parts);
            return final;
        }
        finally
        {
            foreach (var part in pinned) part.File.Release();
            if (!committed) StoreFiles.DeleteQuietly(temp);
        }
    }

    public ValueTask<bool> AbortMultipartUploadAsync(
        string bucket, string uploadId, CancellationToken cancellationToken)
    {
        var parts = _locks.Run(
            CommitLocks.StripeOf(bucket, uploadId),
            () =>
            {
                if (_index.GetUpload(bucket, uploadId) is null) return null;

                // Removing the record commits the abort; parts left behind are debris a restart would sweep.
                File.Delete(_layout.UploadRecord(bucket, uploadId));
                return _index.RemoveUpload(bucket, uploadId);
            });
        if (parts is null) return ValueTask.FromResult(false);
        DiscardUpload(bucket, uploadId, parts);
        return ValueTask.FromResult(true);
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
        return new FileRangeStream(file, 0, ByteRange.Whole(length), length);
    }

    private (ContentFile? Previous, IReadOnlyList<IndexedPart<ContentFile>> Parts) CommitCompletion(
        string bucket, string uploadId, ObjectInfo final, KeyFiles files, string temp, long length, long recordsEnd)
    {
        // Aborted (or completed by a concurrent request) while the parts were being joined.
        var parts = _index.GetParts(bucket, uploadId) ?? throw StoreErrors.NoSuchUpload(uploadId);
        var entry = CommitVersion(temp, files, final, length, recordsEnd);

        // The object is in place first: a crash now leaves the upload as well, never neither.
        File.Delete(_layout.UploadRecord(bucket, uploadId));
        _index.TryCompleteUpload(bucket, uploadId, entry, out var previous);
        return (Supersede(files, previous), parts);
    }

    /// <summary>
    /// Renames a finished part's temp file into the bucket's content directory under a fresh name; fresh, so the
    /// move may overwrite, which spares .NET's two extra <c>lstat</c>s (see <see cref="CommitVersion"/>).
    /// </summary>
    private ContentFile MoveIntoContent(string temp, string bucket, long length)
    {
        var path = Path.Combine(_layout.ContentDirectory(bucket), FileSystemLayout.NewContentName());
        File.Move(temp, path, overwrite: true);
        return ContentFile.Separate(path, length);
    }

    private static void WriteRecordOrDiscardContent(ContentFile content, Action writeRecord)
    {
        try
        {
            writeRecord();
        }
        catch
        {
            StoreFiles.DeleteQuietly(content.Path);
            throw;
        }
    }

    private void DiscardUpload(string bucket, string uploadId, IReadOnlyList<IndexedPart<ContentFile>> parts)
    {
        foreach (var part in parts) ReleaseContent(part.Content);
        StoreFiles.DeleteDirectoryQuietly(_layout.UploadDirectory(bucket, uploadId));
    }
}
