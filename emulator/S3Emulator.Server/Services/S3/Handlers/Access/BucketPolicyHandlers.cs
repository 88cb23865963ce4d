using System.Text;
using S3Emulator.Core.Errors;
using S3Emulator.Server.Protocol;
using S3Emulator.Server.Services.S3.Handlers.Uploads;

namespace S3Emulator.Server.Services.S3.Handlers.Access;

/// <summary>PutBucketPolicy, GetBucketPolicy, DeleteBucketPolicy and GetBucketPolicyStatus.</summary>
internal static class BucketPolicyHandlers
{
    public static async Task<S3Result> PutBucketPolicyAsync(S3RequestContext context)
    {
        var bucket = context.RequireBucket();
        var json = await ReadPolicyAsync(context).ConfigureAwait(false);
        var document = BucketPolicyRules.Parse(json, bucket.Name);
        if (BucketPolicyRules.IsPublic(document) && (await BlockPublicAccess.EffectiveAsync(context, bucket).ConfigureAwait(false)).BlockPublicPolicy)
        {
            throw BlockPublicAccess.PolicyRefused(context, bucket, "s3:PutBucketPolicy", S3Arns.Bucket(bucket.Name));
        }

        // Stored as sent: GetBucketPolicy returns the client's own text.
        await context.Store.UpdateBucketAsync(bucket.Name, b => b with { Policy = json }, context.Cancellation).ConfigureAwait(false);
        return S3Result.Empty(204);
    }

    public static async Task<S3Result> GetBucketPolicyAsync(S3RequestContext context)
    {
        var policy = RequirePolicy(context.RequireBucket());
        var bytes = Encoding.UTF8.GetBytes(policy);
        return S3Result.Stream(200, bytes.Length, (stream, ct) => stream.WriteAsync(bytes, ct).AsTask())
            .With("Content-Type", "application/json");
    }

    public static async Task<S3Result> DeleteBucketPolicyAsync(S3RequestContext context)
    {
        context.RequireBucket();
        await context.Store.UpdateBucketAsync(context.Bucket, b => b with { Policy = null }, context.Cancellation).ConfigureAwait(false);
        return S3Result.Empty(204);
    }

    public static async Task<S3Result> GetBucketPolicyStatusAsync(S3RequestContext context)
    {
        // The policy alone decides, as S3 documents IsPublic; Block Public Access settings do not change it.
        var bucket = context.RequireBucket();
        var document = BucketPolicyRules.Parse(RequirePolicy(bucket), bucket.Name);
        return S3Result.Xml(PolicyStatusXml.Write(BucketPolicyRules.IsPublic(document)));
    }

    private static string RequirePolicy(Core.Model.BucketInfo bucket) =>
        bucket.Policy ?? throw new S3Exception(S3Errors.NoSuchBucketPolicy, S3Exception.Detail("BucketName", bucket.Name));

    /// <summary>The body as UTF-8 text, its checksum verified; over 20 KB is PolicyTooLarge, bytes that are not UTF-8 invalid JSON.</summary>
    private static async Task<string> ReadPolicyAsync(S3RequestContext context)
    {
        await using var body = UploadLimits.OpenBody(context, ChecksumPlan.FromRequest(context));
        using var buffer = new MemoryStream();
        var chunk = new byte[8 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, context.Cancellation).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > BucketPolicyRules.MaxBytes) throw new S3Exception(S3Errors.PolicyTooLarge);
            buffer.Write(chunk, 0, read);
        }

        return StrictUtf8.TryDecode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), out var text)
            ? text
            : throw new S3Exception(S3Errors.MalformedPolicy("This policy contains invalid Json"));
    }
}
