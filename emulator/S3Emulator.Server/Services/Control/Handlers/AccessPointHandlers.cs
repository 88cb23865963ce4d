using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Server.Protocol;
using S3Emulator.Server.Services.S3;

namespace S3Emulator.Server.Services.Control.Handlers;

/// <summary>CreateAccessPoint, GetAccessPoint, DeleteAccessPoint and ListAccessPoints.</summary>
internal static class AccessPointHandlers
{
    public static async Task<S3Result> CreateAccessPointAsync(ControlContext context)
    {
        AccessPointNameRules.Validate(context.Name);
        var body = ControlXml.ReadCreateAccessPoint(await S3Xml.ReadAsync(context.Body, context.Cancellation).ConfigureAwait(false));
        var bucket = await context.Store.GetBucketAsync(body.Bucket, context.Cancellation).ConfigureAwait(false)
            ?? throw new S3Exception(S3Errors.AccessPointBucketMissing);
        // A cross-account access point names the bucket's account; without it the bucket must be the caller's own.
        var bucketAccount = body.BucketAccountId ?? context.AccountId;
        if (bucket.OwnerAccountId != bucketAccount) throw new S3Exception(S3Errors.AccessPointBucketAccountMismatch);

        var accessPoint = new AccessPoint(
            context.Name, context.AccountId, bucket.Name, bucket.OwnerAccountId,
            body.VpcId is null ? AccessPointNetworkOrigin.Internet : AccessPointNetworkOrigin.Vpc, body.VpcId,
            body.PublicAccessBlock, Policy: null, AccessPointAlias.Create(context.Name), context.Time.GetUtcNow());
        if (!await context.Accounts.TryCreateAccessPointAsync(accessPoint, context.Cancellation).ConfigureAwait(false))
        {
            throw new S3Exception(S3Errors.AccessPointAlreadyOwnedByYou, S3Exception.Detail("AccessPointName", context.Name));
        }
        return S3Result.Xml(ControlXml.CreateAccessPointResult(accessPoint.Arn(context.Options.Region), accessPoint.Alias));
    }

    public static async Task<S3Result> GetAccessPointAsync(ControlContext context)
    {
        var accessPoint = await context.RequireAccessPointAsync().ConfigureAwait(false);
        return S3Result.Xml(ControlXml.GetAccessPointResult(accessPoint, context.Options.Region));
    }

    public static async Task<S3Result> DeleteAccessPointAsync(ControlContext context)
    {
        if (!await context.Accounts.DeleteAccessPointAsync(context.AccountId, context.Name, context.Cancellation).ConfigureAwait(false))
        {
            throw new S3Exception(S3Errors.NoSuchAccessPoint, S3Exception.Detail("AccessPointName", context.Name));
        }
        return S3Result.Empty(204);
    }

    public static async Task<S3Result> ListAccessPointsAsync(ControlContext context)
    {
        var query = context.Request.Query;
        var maxResults = ControlPaging.MaxResults(query);
        var after = ControlPaging.After(query);
        var bucket = query.Get("bucket") is { Length: > 0 } b ? b : null;
        var page = await context.Accounts.ListAccessPointsAsync(context.AccountId, bucket, after, maxResults, context.Cancellation)
            .ConfigureAwait(false);
        return S3Result.Xml(ControlXml.ListAccessPointsResult(page.AccessPoints, context.Options.Region, ControlPaging.NextToken(page.LastName)));
    }
}
