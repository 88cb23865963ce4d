using Microsoft.Extensions.Hosting;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Core.Policy;
using S3Emulator.Core.Storage;
using S3Emulator.Server.Authorization;
using S3Emulator.Server.Services.Control;

namespace S3Emulator.Server.Hosting;

/// <summary>
/// Creates the configured Object Lambda access points at start-up, after <see cref="AccessPointsSeeder"/> (hosted
/// services start in registration order), with the very checks CreateAccessPointForObjectLambda and
/// PutAccessPointPolicyForObjectLambda make. A mistake stops start-up with an
/// <see cref="S3EmulatorConfigurationException"/> naming the entry; one that already exists (a persisted data folder)
/// is left as it is.
/// </summary>
internal sealed class ObjectLambdaAccessPointsSeeder(S3EmulatorOptions options, IAccountStore accounts, TimeProvider time) : IHostedService
{
    private const string Section = $"{S3EmulatorOptions.SectionName}:ObjectLambdaAccessPoints";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < options.ObjectLambdaAccessPoints.Count; i++)
        {
            var configured = options.ObjectLambdaAccessPoints[i];
            var entry = $"{Section}:{i} '{configured.Name}'";
            var olap = await BuildAsync(configured, entry, cancellationToken).ConfigureAwait(false);
            if (await accounts.GetObjectLambdaAccessPointAsync(olap.AccountId, olap.Name, cancellationToken).ConfigureAwait(false) is not null) continue;
            await accounts.TryCreateObjectLambdaAccessPointAsync(olap, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<ObjectLambdaAccessPoint> BuildAsync(ObjectLambdaAccessPointOptions configured, string entry, CancellationToken cancellationToken)
    {
        var account = configured.AccountId is { Length: > 0 } a ? a : options.AccountId;
        var input = new ObjectLambdaConfigurationInput(
            SupportingAccessPointArn(configured.SupportingAccessPoint, account),
            configured.CloudWatchMetricsEnabled,
            configured.AllowedFeatures,
            [.. configured.TransformationConfigurations.Select(t => new ObjectLambdaTransformationInput(t.Actions, t.FunctionArn, t.FunctionPayload))]);
        if (configured.Policy is not null && configured.PolicyPath is not null) throw Invalid(entry, "it has both Policy and PolicyPath");
        var policy = configured.PolicyPath is { } path ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) : configured.Policy;
        try
        {
            ObjectLambdaAccessPointNameRules.Validate(configured.Name);
        }
        catch (S3Exception)
        {
            throw Invalid(entry, "the name is not valid: 3–45 lowercase letters, digits and hyphens, beginning and ending with a letter or digit");
        }
        try
        {
            var configuration = await ObjectLambdaConfigurationRules.ValidateAsync(input, account, options.Region, accounts, cancellationToken)
                .ConfigureAwait(false);
            var olap = new ObjectLambdaAccessPoint(
                configured.Name, account, configuration, policy, ObjectLambdaAccessPointAlias.Create(configured.Name), time.GetUtcNow());
            var arn = olap.Arn(options.Region);
            if (policy is not null) ResourcePolicyRules.ParseAccessPointPolicy(policy, d => PolicyValidation.ForObjectLambdaAccessPoint(d, arn));
            return olap;
        }
        catch (S3Exception invalid)
        {
            throw Invalid(entry, Explain(invalid));
        }
    }

    // The option takes an access point ARN or, for convenience, the name of an access point of the same account.
    private string SupportingAccessPointArn(string configured, string account) =>
        configured.StartsWith("arn:", StringComparison.Ordinal) || configured.Length == 0
            ? configured
            : $"arn:aws:s3:{options.Region}:{account}:accesspoint/{configured}";

    // S3 Control's error text with the setting it is about (MalformedXML's own text would say nothing about a setting).
    private static string Explain(S3Exception invalid)
    {
        var details = invalid.Details.ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal);
        if (invalid.Error.Code == "MalformedXML" && details.TryGetValue("ArgumentName", out var setting))
        {
            return details.GetValueOrDefault("ArgumentValue") is { Length: > 0 } value
                ? $"{setting} '{value}' is not one of the allowed values"
                : $"{setting} is missing";
        }
        var about = string.Join(", ", details.Select(d => $"{d.Key} '{d.Value}'"));
        return invalid.Error.Message.TrimEnd('.') + (about.Length > 0 ? $" ({about})" : "");
    }

    private static S3EmulatorConfigurationException Invalid(string entry, string why) => new($"{entry}: {why}.");
}
