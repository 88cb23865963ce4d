using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Core.Policy;
using S3Emulator.Server.Authorization;
using S3Emulator.Server.Protocol;
using S3Emulator.Server.Services.S3;

namespace S3Emulator.Server.Services.Control.Handlers;

/// <summary>Put/Get/DeleteAccessPointPolicy and GetAccessPointPolicyStatus.</summary>
internal static class AccessPointPolicyHandlers
{
    public static async Task<S3Result> PutAccessPointPolicyAsync(ControlContext context)
    {
        var accessPoint = await context.RequireAccessPointAsync().ConfigureAwait(false);
        var text = ControlXml.ReadPolicy(await S3Xml.ReadAsync(context.Body, context.Cancellation).ConfigureAwait(false));
        var arn = accessPoint.Arn(context.Options.Region);
        var document = ResourcePolicyRules.ParseAccessPointPolicy(text, d => PolicyValidation.ForAccessPoint(d, arn));
        if (accessPoint.NetworkOrigin == AccessPointNetworkOrigin.Internet
            && PolicyPublicity.IsPublic(document, PolicyKind.AccessPoint)
            && (await EffectiveBlockAsync(context, accessPoint).ConfigureAwait(false)).BlockPublicPolicy)
        {
            var caller = context.Principal?.Arn ?? "anonymous";
            throw new S3Exception(S3Errors.AccessDeniedBecause(
                $"User: {caller} is not authorized to perform: s3:PutAccessPointPolicy on resource: \"{arn}\" " +
                "because public policies are prevented by the BlockPublicPolicy setting in S3 Block Public Access."));
        }
        await context.Accounts.UpdateAccessPointAsync(context.AccountId, context.Name, a => a with { Policy = text }, context.Cancellation)
            .ConfigureAwait(false);
        return S3Result.Empty();
    }

    public static async Task<S3Result> GetAccessPointPolicyAsync(ControlContext context)
    {
        var accessPoint = await context.RequireAccessPointAsync().ConfigureAwait(false);
        return S3Result.Xml(ControlXml.GetAccessPointPolicyResult(PolicyOf(accessPoint)));
    }

    public static async Task<S3Result> DeleteAccessPointPolicyAsync(ControlContext context)
    {
        await context.RequireAccessPointAsync().ConfigureAwait(false);
        await context.Accounts.UpdateAccessPointAsync(context.AccountId, context.Name, a => a with { Policy = null }, context.Cancellation)
            .ConfigureAwait(false);
        return S3Result.Empty(204);
    }

    public static async Task<S3Result> GetAccessPointPolicyStatusAsync(ControlContext context)
    {
        var accessPoint = await context.RequireAccessPointAsync().ConfigureAwait(false);
        var policy = PolicyOf(accessPoint);
        // A VPC access point is never public (public-access.md §3); otherwise the policy alone decides.
        var isPublic = accessPoint.NetworkOrigin == AccessPointNetworkOrigin.Internet
            && PolicyPublicity.IsPublic(PolicyDocument.Parse(policy), PolicyKind.AccessPoint);
        return S3Result.Xml(ControlXml.GetAccessPointPolicyStatusResult(isPublic));
    }

    private static string PolicyOf(AccessPoint accessPoint) =>
        accessPoint.Policy ?? throw new S3Exception(S3Errors.NoSuchAccessPointPolicy, S3Exception.Detail("AccessPointName", accessPoint.Name));

    // BlockPublicPolicy applies from the access point itself, its account, and its bucket when the bucket is the same account's.
    private static async Task<PublicAccessBlock> EffectiveBlockAsync(ControlContext context, AccessPoint accessPoint)
    {
        var effective = accessPoint.PublicAccessBlock
            .Or(await context.Accounts.GetPublicAccessBlockAsync(context.AccountId, context.Cancellation).ConfigureAwait(false));
        if (accessPoint.BucketAccountId == accessPoint.AccountId)
        {
            var bucket = await context.Store.GetBucketAsync(accessPoint.Bucket, context.Cancellation).ConfigureAwait(false);
            effective = effective.Or(bucket?.PublicAccessBlock);
        }
        return effective;
    }
}
