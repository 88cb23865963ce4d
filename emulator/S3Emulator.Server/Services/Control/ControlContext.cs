using Microsoft.AspNetCore.Http;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Core.Storage;
using S3Emulator.Server.Auth;
using S3Emulator.Server.Hosting;

namespace S3Emulator.Server.Services.Control;

/// <summary>Everything an S3 Control handler needs for one request: what was asked, for which account, by whom.</summary>
internal sealed class ControlContext(
    HttpContext http, ControlRequest request, string accountId, S3Principal? principal, IAccountStore accounts, IObjectStore store,
    S3EmulatorOptions options, TimeProvider time)
{
    public HttpContext Http { get; } = http;
    public ControlRequest Request { get; } = request;

    /// <summary>The account the request acts on (<c>x-amz-account-id</c>).</summary>
    public string AccountId { get; } = accountId;

    /// <summary>The authenticated caller; null for an anonymous request.</summary>
    public S3Principal? Principal { get; } = principal;
    public IAccountStore Accounts { get; } = accounts;
    public IObjectStore Store { get; } = store;
    public S3EmulatorOptions Options { get; } = options;
    public TimeProvider Time { get; } = time;

    public CancellationToken Cancellation => Http.RequestAborted;

    /// <summary>The request body as the client meant it: already de-chunked and signature-checked.</summary>
    public Stream Body => Http.Request.Body;

    /// <summary>The access point named in the path; only call on access-point operations.</summary>
    public string Name => Request.Name ?? throw new InvalidOperationException("The request names no access point.");

    /// <summary>The access point the path names, or S3 Control's NoSuchAccessPoint.</summary>
    public async Task<AccessPoint> RequireAccessPointAsync() =>
        await Accounts.GetAccessPointAsync(AccountId, Name, Cancellation).ConfigureAwait(false)
            ?? throw new S3Exception(S3Errors.NoSuchAccessPoint, S3Exception.Detail("AccessPointName", Name));

    /// <summary>The Object Lambda access point the path names, or NoSuchAccessPoint (S3 Control's answer for both kinds).</summary>
    public async Task<ObjectLambdaAccessPoint> RequireObjectLambdaAccessPointAsync() =>
        await Accounts.GetObjectLambdaAccessPointAsync(AccountId, Name, Cancellation).ConfigureAwait(false)
            ?? throw new S3Exception(S3Errors.NoSuchAccessPoint, S3Exception.Detail("AccessPointName", Name));
}
