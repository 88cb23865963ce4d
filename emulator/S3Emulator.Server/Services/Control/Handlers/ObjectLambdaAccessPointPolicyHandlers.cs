using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Core.Policy;
using S3Emulator.Server.Authorization;
using S3Emulator.Server.Protocol;
using S3Emulator.Server.Services.S3;

namespace S3Emulator.Server.Services.Control.Handlers;

/// <summary>Put/Get/DeleteAccessPointPolicyForObjectLambda and GetAccessPointPolicyStatusForObjectLambda.</summary>
internal static class ObjectLambdaAccessPointPolicyHandlers
{
    /// <remarks>
    /// AWS documents an Object Lambda access point's Block Public Access as on and not editable, but not whether a public
    /// policy is therefore refused; the emulator keeps it (and GetAccessPointPolicyStatusForObjectLambda reports it
    /// public), because the data path refuses anonymous callers whatever the policy says (olap-security.md).
    /// </remarks>
    public static async Task<S3Result> PutAccessPointPolicyForObjectLambdaAsync(ControlContext context)
    {
        var olap = await context.RequireObjectLambdaAccessPointAsync().ConfigureAwait(false);
        var text = ObjectLambdaControlXml.ReadPolicy(await S3Xml.ReadAsync(context.Body, context.Cancellation).ConfigureAwait(false));
        var arn = olap.Arn(context.Options.Region);
        ResourcePolicyRules.ParseAccessPointPolicy(text, d => PolicyValidation.ForObjectLambdaAccessPoint(d, arn));
        await UpdatePolicyAsync(context, text).ConfigureAwait(false);
        return S3Result.Empty();
    }

    public static async Task<S3Result> GetAccessPointPolicyForObjectLambdaAsync(ControlContext context)
    {
        var olap = await context.RequireObjectLambdaAccessPointAsync().ConfigureAwait(false);
        return S3Result.Xml(ObjectLambdaControlXml.GetPolicyResult(PolicyOf(olap)));
    }

    public static async Task<S3Result> DeleteAccessPointPolicyForObjectLambdaAsync(ControlContext context)
    {
        await context.RequireObjectLambdaAccessPointAsync().ConfigureAwait(false);
        await UpdatePolicyAsync(context, null).ConfigureAwait(false);
        return S3Result.Empty(204);
    }

    public static async Task<S3Result> GetAccessPointPolicyStatusForObjectLambdaAsync(ControlContext context)
    {
        var olap = await context.RequireObjectLambdaAccessPointAsync().ConfigureAwait(false);
        var isPublic = PolicyPublicity.IsPublic(PolicyDocument.Parse(PolicyOf(olap)), PolicyKind.ObjectLambdaAccessPoint);
        return S3Result.Xml(ObjectLambdaControlXml.GetPolicyStatusResult(isPublic));
    }

    private static async Task UpdatePolicyAsync(ControlContext context, string? policy) =>
        _ = await context.Accounts.UpdateObjectLambdaAccessPointAsync(context.AccountId, context.Name, o => o with { Policy = policy }, context.Cancellation)
                .ConfigureAwait(false)
            ?? throw new S3Exception(S3Errors.NoSuchAccessPoint, S3Exception.Detail("AccessPointName", context.Name));

    private static string PolicyOf(ObjectLambdaAccessPoint olap) =>
        olap.Policy ?? throw new S3Exception(S3Errors.NoSuchAccessPointPolicy, S3Exception.Detail("AccessPointName", olap.Name));
}
