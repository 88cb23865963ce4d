using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Core.Storage;
using S3Emulator.Server.Protocol;
using S3Emulator.Server.Services.S3.Handlers.Access;
using static S3Emulator.Server.Protocol.S3Xml;

namespace S3Emulator.Server.Services.S3.Handlers;

/// <summary>ListBuckets, CreateBucket, HeadBucket, DeleteBucket and GetBucketLocation.</summary>
internal static partial class BucketHandlers
{
    public static async Task<S3Result> ListBucketsAsync(S3RequestContext context)
    {
        var prefix = context.Query.Get("prefix") ?? "";
        var maxBuckets = QueryValues.OptionalInt(context, "max-buckets", 1, 10_000) ?? 10_000;
        var after = context.Query.Get("continuation-token");
        var region = context.Query.Get("bucket-region");
        var owned = (await context.Store.ListBucketsAsync(context.Cancellation).ConfigureAwait(false))
            .Where(b => b.OwnerAccountId == context.AccountId && b.Name.StartsWith(prefix, StringComparison.Ordinal))
            .Where(b => string.IsNullOrEmpty(region) || b.Region == region)
            .Where(b => after is null || string.CompareOrdinal(b.Name, after) > 0)
            .ToList();
        var page = owned.Take(maxBuckets).ToList();
        var truncated = owned.Count > page.Count;
        // S3 adds BucketRegion only to requests that use at least one of the newer parameters.
        var withRegion = ListBucketsParameters.Any(context.Query.Has);
        return S3Result.Xml(E("ListAllMyBucketsResult",
            E("Owner", E("ID", BucketAccess.CanonicalUserId(context.AccountId)), E("DisplayName", context.AccountId)),
            E("Buckets", page.Select(b => E("Bucket",
                E("Name", b.Name), E("CreationDate", Timestamp(b.CreationDate)), withRegion ? E("BucketRegion", b.Region) : null))),
            truncated ? E("ContinuationToken", page[^1].Name) : null,
            context.Query.Has("prefix") ? E("Prefix", prefix) : null));
    }

    private static readonly ImmutableArray<string> ListBucketsParameters = ["prefix", "max-buckets", "continuation-token", "bucket-region"];

    public static async Task<S3Result> CreateBucketAsync(S3RequestContext context)
    {
        var name = context.Bucket;
        if (!BucketNameRules.IsValid(name)) throw new S3Exception(S3Errors.InvalidBucketName, S3Exception.Detail("BucketName", name));
        var ownership = RequestedOwnership(context);
        AclRules.CheckCreateBucket(AclHeaders.Read(context), ownership);
        var region = await ReadLocationConstraintAsync(context).ConfigureAwait(false);
        var bucket = BucketDefaults.New(name, region, context.AccountId, context.Time.GetUtcNow(), context.Options) with { ObjectOwnership = ownership };
        if (!await context.Store.TryCreateBucketAsync(bucket, context.Cancellation).ConfigureAwait(false))
        {
            var existing = await context.Store.GetBucketAsync(name, context.Cancellation).ConfigureAwait(false);
            if (existing?.OwnerAccountId != context.AccountId)
            {
                throw new S3Exception(S3Errors.BucketAlreadyExists, S3Exception.Detail("BucketName", name));
            }
            // S3 keeps this legacy answer in us-east-1 only: re-creating your own bucket there succeeds.
            if (existing.Region != "us-east-1" || region != "us-east-1")
            {
                throw new S3Exception(S3Errors.BucketAlreadyOwnedByYou, S3Exception.Detail("BucketName", name));
            }
        }
        return S3Result.Empty().With("Location", "/" + name);
    }

    public static async Task<S3Result> HeadBucketAsync(S3RequestContext context)
    {
        var bucket = context.RequireBucket();
        return S3Result.Empty()
            .With(S3Headers.BucketRegion, bucket.Region)
            .With("x-amz-access-point-alias", "false");
    }

    public static async Task<S3Result> DeleteBucketAsync(S3RequestContext context)
    {
        context.RequireBucket();
        return await context.Store.DeleteBucketAsync(context.Bucket, context.Cancellation).ConfigureAwait(false) switch
        {
            DeleteBucketOutcome.NotEmpty => throw new S3Exception(S3Errors.BucketNotEmpty, S3Exception.Detail("BucketName", context.Bucket)),
            DeleteBucketOutcome.NotFound => throw new S3Exception(S3Errors.NoSuchBucket, S3Exception.Detail("BucketName", context.Bucket)),
            _ => S3Result.Empty(204),
        };
    }

    public static async Task<S3Result> GetBucketLocationAsync(S3RequestContext context)
    {
        var bucket = context.RequireBucket();
        // us-east-1 is the one region S3 reports as an empty constraint.
        return S3Result.Xml(E("LocationConstraint", bucket.Region == "us-east-1" ? null : bucket.Region));
    }

    /// <summary>The <c>x-amz-object-ownership</c> header's setting; without one a bucket starts with ACLs disabled, as on AWS since April 2023.</summary>
    private static ObjectOwnership RequestedOwnership(S3RequestContext context)
    {
        if (context.Header(ObjectOwnershipHeader) is not { } value) return ObjectOwnership.BucketOwnerEnforced;
        return OwnershipControlsXml.Parse(value)
            ?? throw new S3Exception(
                S3Errors.InvalidArgument($"Invalid x-amz-object-ownership header: {value}"), S3Exception.Detail("ArgumentName", ObjectOwnershipHeader));
    }

    private const string ObjectOwnershipHeader = "x-amz-object-ownership";

    private static async Task<string> ReadLocationConstraintAsync(S3RequestContext context)
    {
        // Most CreateBucket requests have no body: telling that apart before parsing keeps the XML assemblies (and the
        // JIT's work on them) out of a host that never parses XML otherwise (INVARIANTS.md: a 1 GiB transfer under 100 MiB RSS).
        using var body = await ReadBodyAsync(context.Body, context.Cancellation).ConfigureAwait(false);
        return body is null ? context.Options.Region : LocationConstraint(body, context.Options.Region);
    }

    /// <summary>The region a CreateBucketConfiguration body names. Never inlined into the caller: its XML types would load with it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string LocationConstraint(MemoryStream body, string defaultRegion)
    {
        var constraint = Parse(body).Child("LocationConstraint");
        if (string.IsNullOrEmpty(constraint)) return defaultRegion;
        // The legacy constraint "EU" still names eu-west-1.
        if (constraint == "EU") return "eu-west-1";
        if (constraint == "us-east-1" || !RegionShape().IsMatch(constraint))
        {
            // S3 refuses an explicit us-east-1: that region is the one without a constraint.
            throw new S3Exception(S3Errors.InvalidLocationConstraint, S3Exception.Detail("LocationConstraint", constraint));
        }
        return constraint;
    }

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$")]
    private static partial Regex RegionShape();
}
