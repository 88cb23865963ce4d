using System.Globalization;
using S3Emulator.Core.Encryption;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Core.Storage;
using S3Emulator.Server.Encryption;
using S3Emulator.Server.Hosting;
using S3Emulator.Server.Protocol;
using S3Emulator.Server.Services.S3.Handlers.Objects;
using S3Emulator.Server.Services.S3.Routing;

namespace S3Emulator.Server.Services.S3.Handlers;

/// <summary>GetObject and HeadObject: conditionals, a byte range or a part, and the stored headers.</summary>
internal static class ObjectReadHandlers
{
    public static async Task<S3Result> GetObjectAsync(S3RequestContext context)
    {
        context.RequireBucket();
        var customerKey = SseRequestParser.ForRead(context);
        var stored = await context.Store.OpenObjectAsync(context.Bucket, context.Key, context.Cancellation).ConfigureAwait(false)
            ?? throw new S3Exception(S3Errors.NoSuchKey, S3Exception.Detail("Key", context.Key));
        // The response owns the pinned version until its body is written, whatever happens before that.
        context.Http.Response.RegisterForDisposeAsync(stored);
        var info = stored.Info;
        ContentDecryptionKey? contentKey = null;
        if (context.Request.Operation == S3Operation.HeadObject)
        {
            // HEAD checks the SSE-C key but reads no content, so it needs no content key.
            ObjectEncryptor.RequireCustomerKey(info.Encryption, customerKey);
        }
        else
        {
            // GET recovers the content key, and so asks KMS, as S3 does. A key for this read only (SSE-C, SSE-KMS) is
            // wiped when the response is done; a cached SSE-S3 key ignores the dispose.
            contentKey = await context.Encryptor.OpenReadKeyAsync(context, info.Encryption, customerKey, context.Bucket, context.Key).ConfigureAwait(false);
            if (contentKey is not null) context.Http.Response.RegisterForDispose(contentKey);
        }

        var outcome = ConditionalRequest.Evaluate(info, context.Header("If-Match"), context.Header("If-None-Match"),
            context.Header("If-Modified-Since"), context.Header("If-Unmodified-Since"));
        ConditionalRequest.ThrowIfFailed(outcome, info, context.Header("If-Match") is not null ? "If-Match" : "If-Unmodified-Since");

        var (range, partsCount) = SelectBytes(context, info);
        var length = range?.Length ?? info.Size;
        var inPipe = FrameBlockMemoryPoolFactory.ServesFrameBlocks(context.Http);
        // With Kestrel, the body's first frame is written after the response started, not set aside and copied behind the headers.
        Func<CancellationToken, ValueTask>? start = inPipe ? ct => new ValueTask(context.Http.Response.StartAsync(ct)) : null;
        var result = range is { } partial
            ? S3Result.Piped(206, length, (body, ct) => PlaintextReader.CopyAsync(stored, info, contentKey, partial, body, inPipe, start, ct))
                .With("Content-Range", RangeHeader.ContentRange(partial, info.Size))
            : S3Result.Piped(200, length, (body, ct) => PlaintextReader.CopyAsync(stored, info, contentKey, ByteRange.Whole(info.Size), body, inPipe, start, ct));
        result.WithObjectHeaders(context, info)
            .WithEncryption(info.Encryption, customerKey)
            .With(S3Headers.MpPartsCount, partsCount?.ToString(CultureInfo.InvariantCulture));
        // A checksum describes the whole object, so S3 sends it only when the whole object is sent.
        return range is null ? result.WithChecksum(context, info.Checksum) : result;
    }

    /// <summary>The bytes to send: a Range, a part (<c>?partNumber=</c>), or everything (null).</summary>
    private static (ByteRange? Range, int? PartsCount) SelectBytes(S3RequestContext context, ObjectInfo info)
    {
        var rangeHeader = context.Header("Range");
        var partNumberText = context.Query.Get("partNumber");
        if (partNumberText is null) return (RangeHeader.Resolve(rangeHeader, info.Size), null);
        if (rangeHeader is not null)
        {
            throw new S3Exception(S3Errors.InvalidRequest("Cannot specify both Range header and partNumber query parameter"));
        }
        if (!int.TryParse(partNumberText, NumberStyles.None, CultureInfo.InvariantCulture, out var partNumber) || partNumber is < 1 or > 10_000)
        {
            throw new S3Exception(S3Errors.InvalidArgument("Part number must be an integer between 1 and 10000, inclusive"),
                S3Exception.Detail("ArgumentName", "partNumber"), S3Exception.Detail("ArgumentValue", partNumberText));
        }
        if (info.Parts.Count == 0)
        {
            // A single-PUT object is one part: part 1 is the whole object.
            if (partNumber != 1) throw new S3Exception(S3Errors.InvalidPartNumber);
            return (null, null);
        }
        // Parts keep the numbers they were uploaded with (1, 3, 5 stays 1, 3, 5).
        var index = info.Parts.ToList().FindIndex(p => p.PartNumber == partNumber);
        if (index < 0) throw new S3Exception(S3Errors.InvalidPartNumber);
        var first = info.Parts.Take(index).Sum(p => p.Size);
        return (new ByteRange(first, first + info.Parts[index].Size - 1), info.Parts.Count);
    }
}
