using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Server.Protocol;
using S3Emulator.Server.Services.S3;

namespace S3Emulator.Server.Services.Control.Handlers;

/// <summary>
/// CreateAccessPointForObjectLambda, GetAccessPointForObjectLambda, DeleteAccessPointForObjectLambda,
/// ListAccessPointsForObjectLambda and Get/PutAccessPointConfigurationForObjectLambda.
/// </summary>
internal static class ObjectLambdaAccessPointHandlers
{
    private const string CreateRequest = "CreateAccessPointForObjectLambdaRequest";
    private const string PutConfigurationRequest = "PutAccessPointConfigurationForObjectLambdaRequest";

    public static async Task<S3Result> CreateAccessPointForObjectLambdaAsync(ControlContext context)
    {
        ObjectLambdaAccessPointNameRules.Validate(context.Name);
        var configuration = await ReadConfigurationAsync(context, CreateRequest).ConfigureAwait(false);
        var olap = new ObjectLambdaAccessPoint(
            context.Name, context.AccountId, configuration, Policy: null, ObjectLambdaAccessPointAlias.Create(context.Name), context.Time.GetUtcNow());
        if (!await context.Accounts.TryCreateObjectLambdaAccessPointAsync(olap, context.Cancellation).ConfigureAwait(false))
        {
            throw new S3Exception(S3Errors.AccessPointAlreadyOwnedByYou, S3Exception.Detail("AccessPointName", context.Name));
        }
        return S3Result.Xml(ObjectLambdaControlXml.CreateResult(olap.Arn(context.Options.Region), olap.Alias));
    }

    public static async Task<S3Result> GetAccessPointForObjectLambdaAsync(ControlContext context)
    {
        var olap = await context.RequireObjectLambdaAccessPointAsync().ConfigureAwait(false);
        return S3Result.Xml(ObjectLambdaControlXml.GetResult(olap));
    }

    public static async Task<S3Result> DeleteAccessPointForObjectLambdaAsync(ControlContext context)
    {
        if (!await context.Accounts.DeleteObjectLambdaAccessPointAsync(context.AccountId, context.Name, context.Cancellation).ConfigureAwait(false))
        {
            throw new S3Exception(S3Errors.NoSuchAccessPoint, S3Exception.Detail("AccessPointName", context.Name));
        }
        return S3Result.Empty(204);
    }

    public static async Task<S3Result> ListAccessPointsForObjectLambdaAsync(ControlContext context)
    {
        var query = context.Request.Query;
        var maxResults = ControlPaging.MaxResults(query);
        var page = await context.Accounts.ListObjectLambdaAccessPointsAsync(context.AccountId, ControlPaging.After(query), maxResults, context.Cancellation)
            .ConfigureAwait(false);
        return S3Result.Xml(ObjectLambdaControlXml.ListResult(page.ObjectLambdaAccessPoints, context.Options.Region, ControlPaging.NextToken(page.LastName)));
    }

    public static async Task<S3Result> GetAccessPointConfigurationForObjectLambdaAsync(ControlContext context)
    {
        var olap = await context.RequireObjectLambdaAccessPointAsync().ConfigureAwait(false);
        return S3Result.Xml(ObjectLambdaControlXml.GetConfigurationResult(olap.Configuration));
    }

    public static async Task<S3Result> PutAccessPointConfigurationForObjectLambdaAsync(ControlContext context)
    {
        await context.RequireObjectLambdaAccessPointAsync().ConfigureAwait(false);
        var configuration = await ReadConfigurationAsync(context, PutConfigurationRequest).ConfigureAwait(false);
        _ = await context.Accounts.UpdateObjectLambdaAccessPointAsync(
                context.AccountId, context.Name, o => o with { Configuration = configuration }, context.Cancellation).ConfigureAwait(false)
            ?? throw new S3Exception(S3Errors.NoSuchAccessPoint, S3Exception.Detail("AccessPointName", context.Name));
        return S3Result.Empty();
    }

    private static async Task<ObjectLambdaConfiguration> ReadConfigurationAsync(ControlContext context, string rootName)
    {
        var input = ObjectLambdaControlXml.ReadConfiguration(await S3Xml.ReadAsync(context.Body, context.Cancellation).ConfigureAwait(false), rootName);
        return await ObjectLambdaConfigurationRules.ValidateAsync(input, context.AccountId, context.Options.Region, context.Accounts, context.Cancellation)
            .ConfigureAwait(false);
    }
}
