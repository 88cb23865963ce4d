using System.Text.RegularExpressions;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Core.Storage;

namespace S3Emulator.Server.Services.Control;

/// <summary>
/// The checks CreateAccessPointForObjectLambda and PutAccessPointConfigurationForObjectLambda make on a configuration
/// (botocore s3control model, <c>ObjectLambdaConfiguration</c>), in one place for the handlers and the start-up
/// seeding. What the schema requires (a supporting access point, at least one transformation, its actions and
/// function, known <c>Action</c> and <c>AllowedFeature</c> values) is refused as MalformedXML, as S3 refuses a body
/// that does not validate against its schema; an ARN of the wrong shape or naming nothing as InvalidRequest.
/// </summary>
internal static partial class ObjectLambdaConfigurationRules
{
    private const int MaxFunctionArnLength = 1024;

    /// <summary>
    /// The configuration <paramref name="input"/> states, for an Object Lambda access point of
    /// <paramref name="accountId"/>; its supporting access point must exist in that account and this Region.
    /// </summary>
    public static async Task<ObjectLambdaConfiguration> ValidateAsync(
        ObjectLambdaConfigurationInput input, string accountId, string region, IAccountStore accounts, CancellationToken cancellationToken)
    {
        var configuration = Parse(input);
        var arn = SupportingAccessPointArn().Match(configuration.SupportingAccessPoint);
        // A missing supporting access point is the request's fault, not a missing resource the path names: InvalidRequest
        // (400), as CreateAccessPoint answers a missing bucket, rather than NoSuchAccessPoint (404), which clients (the
        // Terraform provider, for one) read as "the Object Lambda access point itself does not exist".
        if (arn.Groups["account"].Value != accountId || arn.Groups["region"].Value != region
            || await accounts.GetAccessPointAsync(accountId, arn.Groups["name"].Value, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new S3Exception(S3Errors.SupportingAccessPointMissing, S3Exception.Detail("SupportingAccessPoint", configuration.SupportingAccessPoint));
        }
        return configuration;
    }

    /// <summary>The checks that need no state: shape, known values and ARN patterns.</summary>
    public static ObjectLambdaConfiguration Parse(ObjectLambdaConfigurationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var supporting = input.SupportingAccessPoint?.Trim();
        if (string.IsNullOrEmpty(supporting)) throw Malformed("SupportingAccessPoint", "");
        if (!SupportingAccessPointArn().IsMatch(supporting))
        {
            throw new S3Exception(S3Errors.InvalidSupportingAccessPoint, S3Exception.Detail("SupportingAccessPoint", supporting));
        }
        var features = input.AllowedFeatures
            .Select(f => ObjectLambdaAllowedFeatures.TryParse(f.Trim(), out var feature) ? feature : throw Malformed("AllowedFeature", f))
            .Distinct()
            .ToList();
        if (input.Transformations.Count == 0) throw Malformed("TransformationConfiguration", "");
        var transformations = input.Transformations.Select(Transformation).ToList();
        return new ObjectLambdaConfiguration(supporting, input.CloudWatchMetricsEnabled, features, transformations);
    }

    private static ObjectLambdaTransformation Transformation(ObjectLambdaTransformationInput input)
    {
        if (input.Actions.Count == 0) throw Malformed("Action", "");
        var actions = input.Actions
            .Select(a => Enum.GetValues<ObjectLambdaAction>().Cast<ObjectLambdaAction?>().FirstOrDefault(v => v.ToString() == a.Trim())
                ?? throw Malformed("Action", a))
            .Distinct()
            .ToList();
        var function = input.FunctionArn?.Trim();
        if (string.IsNullOrEmpty(function)) throw Malformed("FunctionArn", "");
        if (function.Length > MaxFunctionArnLength || !FunctionArn().IsMatch(function))
        {
            throw new S3Exception(S3Errors.InvalidObjectLambdaFunctionArn, S3Exception.Detail("FunctionArn", function));
        }
        return new ObjectLambdaTransformation(actions, function, input.FunctionPayload);
    }

    // The element that is missing (empty value) or holds a value the schema does not allow.
    private static S3Exception Malformed(string element, string value) =>
        new(S3Errors.MalformedXML, S3Exception.Detail("ArgumentName", element), S3Exception.Detail("ArgumentValue", value));

    // ObjectLambdaSupportingAccessPointArn: arn:[^:]+:s3:[^:]*:\d{12}:accesspoint/.*, with a name after the slash.
    [GeneratedRegex(@"^arn:[^:]+:s3:(?<region>[^:]*):(?<account>[0-9]{12}):accesspoint/(?<name>[^/]+)$")]
    private static partial Regex SupportingAccessPointArn();

    // FunctionArnString: a full or partial ARN, or a bare name, with an optional version, alias or $LATEST.
    [GeneratedRegex(@"^(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\$LATEST|[a-zA-Z0-9-_]+))?$")]
    private static partial Regex FunctionArn();
}
