using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Server.Services.S3.Handlers.Objects;
using static S3Emulator.Server.Protocol.S3Xml;

namespace S3Emulator.Server.Services.S3.Handlers;

/// <summary>GetObjectTagging, PutObjectTagging and DeleteObjectTagging.</summary>
internal static class TaggingHandlers
{
    public static async Task<S3Result> GetObjectTaggingAsync(S3RequestContext context)
    {
        context.RequireBucket();
        var info = await context.Store.GetObjectInfoAsync(context.Bucket, context.Key, context.Cancellation).ConfigureAwait(false)
            ?? throw NoSuchKey(context);
        return S3Result.Xml(E("Tagging", E("TagSet", info.Tags.Select(t => E("Tag", E("Key", t.Key), E("Value", t.Value))))));
    }

    public static async Task<S3Result> PutObjectTaggingAsync(S3RequestContext context)
    {
        context.RequireBucket();
        var body = await ReadAsync(context.Body, context.Cancellation).ConfigureAwait(false);
        var tagSet = body.Elements().FirstOrDefault(e => e.Name.LocalName == "TagSet") ?? throw new S3Exception(S3Errors.MalformedXML);
        var tags = TagSet.Validate(tagSet.Children("Tag")
            .Select(t => new KeyValuePair<string, string>(t.Child("Key") ?? "", t.Child("Value") ?? ""))
            .ToList());
        await UpdateAsync(context, info => info with { Tags = tags }).ConfigureAwait(false);
        return S3Result.Empty();
    }

    public static async Task<S3Result> DeleteObjectTaggingAsync(S3RequestContext context)
    {
        context.RequireBucket();
        await UpdateAsync(context, info => info with { Tags = [] }).ConfigureAwait(false);
        return S3Result.Empty(204);
    }

    private static async Task UpdateAsync(S3RequestContext context, Func<ObjectInfo, ObjectInfo> update)
    {
        _ = await context.Store.UpdateObjectInfoAsync(context.Bucket, context.Key, update, context.Cancellation).ConfigureAwait(false)
            ?? throw NoSuchKey(context);
    }

    private static S3Exception NoSuchKey(S3RequestContext context) => new(S3Errors.NoSuchKey, S3Exception.Detail("Key", context.Key));
}
