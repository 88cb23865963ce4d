using Microsoft.Extensions.Hosting;
using S3Emulator.Core.Model;
using S3Emulator.Core.Policy;
using S3Emulator.Core.Storage;
using S3Emulator.Server.Services.Control;

namespace S3Emulator.Server.Hosting;

/// <summary>
/// Creates the configured access points at start-up, after <see cref="InitialBucketsSeeder"/> (hosted services start
/// in registration order), with the checks CreateAccessPoint and PutAccessPointPolicy make. A mistake in
/// configuration stops start-up with a message naming the access point; an access point that already exists (a
/// persisted data folder) is left as it is.
/// </summary>
internal sealed class AccessPointsSeeder(S3EmulatorOptions options, IAccountStore accounts, IObjectStore store, TimeProvider time)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var configured in options.AccessPoints)
        {
            var accessPoint = await BuildAsync(configured, cancellationToken).ConfigureAwait(false);
            if (await accounts.GetAccessPointAsync(accessPoint.AccountId, accessPoint.Name, cancellationToken).ConfigureAwait(false) is not null) continue;
            await accounts.TryCreateAccessPointAsync(accessPoint, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<AccessPoint> BuildAsync(AccessPointOptions configured, CancellationToken cancellationToken)
    {
        var name = configured.Name;
        try
        {
            AccessPointNameRules.Validate(name);
        }
        catch (Core.Errors.S3Exception invalid)
        {
            throw Invalid(name, $"its name is not valid ({invalid.Error.Message})");
        }
        var account = configured.AccountId is { Length: > 0 } a ? a : options.AccountId;
        var bucket = await store.GetBucketAsync(configured.Bucket, cancellationToken).ConfigureAwait(false)
            ?? throw Invalid(name, $"its bucket \"{configured.Bucket}\" does not exist (add it to InitialBuckets)");
        var block = configured.PublicAccessBlock is { } b
            ? new PublicAccessBlock(b.BlockPublicAcls, b.IgnorePublicAcls, b.BlockPublicPolicy, b.RestrictPublicBuckets)
            : PublicAccessBlock.AllBlocked;
        var accessPoint = new AccessPoint(name, account, bucket.Name, bucket.OwnerAccountId, AccessPointNetworkOrigin.Internet, null, block,
            null, AccessPointAlias.Create(name), time.GetUtcNow());
        return accessPoint with { Policy = await PolicyAsync(configured, accessPoint, cancellationToken).ConfigureAwait(false) };
    }

    private async Task<string?> PolicyAsync(AccessPointOptions configured, AccessPoint accessPoint, CancellationToken cancellationToken)
    {
        if (configured.Policy is not null && configured.PolicyPath is not null) throw Invalid(accessPoint.Name, "it has both Policy and PolicyPath");
        var text = configured.PolicyPath is { } path
            ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)
            : configured.Policy;
        if (text is null) return null;
        try
        {
            PolicyValidation.ForAccessPoint(PolicyDocument.Parse(text), accessPoint.Arn(options.Region));
        }
        catch (MalformedPolicyException malformed)
        {
            throw Invalid(accessPoint.Name, $"its policy is malformed: {malformed.Message}");
        }
        return text;
    }

    private static InvalidOperationException Invalid(string name, string why) =>
        new($"S3Emulator:AccessPoints: the access point \"{name}\" cannot be created: {why}.");
}
