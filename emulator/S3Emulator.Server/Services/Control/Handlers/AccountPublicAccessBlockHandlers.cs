using S3Emulator.Core.Errors;
using S3Emulator.Server.Protocol;
using S3Emulator.Server.Services.S3;

namespace S3Emulator.Server.Services.Control.Handlers;

/// <summary>Put/Get/DeletePublicAccessBlock for the account (public-access.md §2, account level).</summary>
internal static class AccountPublicAccessBlockHandlers
{
    public static async Task<S3Result> PutPublicAccessBlockAsync(ControlContext context)
    {
        var configuration = PublicAccessBlockXml.Read(await S3Xml.ReadAsync(context.Body, context.Cancellation).ConfigureAwait(false));
        await context.Accounts.SetPublicAccessBlockAsync(context.AccountId, configuration, context.Cancellation).ConfigureAwait(false);
        return S3Result.Empty();
    }

    public static async Task<S3Result> GetPublicAccessBlockAsync(ControlContext context)
    {
        var configuration = await context.Accounts.GetPublicAccessBlockAsync(context.AccountId, context.Cancellation).ConfigureAwait(false)
            ?? throw new S3Exception(S3Errors.NoSuchPublicAccessBlockConfiguration, S3Exception.Detail("AccountId", context.AccountId));
        return S3Result.Xml(PublicAccessBlockXml.Write(configuration, ControlXml.Ns));
    }

    public static async Task<S3Result> DeletePublicAccessBlockAsync(ControlContext context)
    {
        await context.Accounts.SetPublicAccessBlockAsync(context.AccountId, null, context.Cancellation).ConfigureAwait(false);
        return S3Result.Empty(204);
    }
}
