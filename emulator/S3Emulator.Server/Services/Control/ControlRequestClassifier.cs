using System.Collections.Frozen;
using System.Text.RegularExpressions;
using S3Emulator.Server.Envelope;
using S3Emulator.Server.Services.S3.Routing;

namespace S3Emulator.Server.Services.Control;

/// <summary>
/// Turns method + raw target + <c>x-amz-account-id</c> into a <see cref="ControlRequest"/> by one table of
/// (method, path shape) rows (object-lambda.md §1). Pure: no I/O, no state. The access point name may be sent as an
/// access point ARN (the SDKs accept one), an Object Lambda access point's as its ARN; the name part is taken.
/// </summary>
internal static partial class ControlRequestClassifier
{
    private const string NamePlaceholder = "{name}";

    // Path shapes below /v20180820/, segment by segment; {name} matches one segment.
    private static readonly FrozenDictionary<(string Method, string Shape), ControlOperation> Rules =
        new Dictionary<(string, string), ControlOperation>
        {
            [("PUT", "accesspoint/{name}")] = ControlOperation.CreateAccessPoint,
            [("GET", "accesspoint/{name}")] = ControlOperation.GetAccessPoint,
            [("DELETE", "accesspoint/{name}")] = ControlOperation.DeleteAccessPoint,
            [("GET", "accesspoint")] = ControlOperation.ListAccessPoints,
            [("PUT", "accesspoint/{name}/policy")] = ControlOperation.PutAccessPointPolicy,
            [("GET", "accesspoint/{name}/policy")] = ControlOperation.GetAccessPointPolicy,
            [("DELETE", "accesspoint/{name}/policy")] = ControlOperation.DeleteAccessPointPolicy,
            [("GET", "accesspoint/{name}/policyStatus")] = ControlOperation.GetAccessPointPolicyStatus,
            [("PUT", "configuration/publicAccessBlock")] = ControlOperation.PutPublicAccessBlock,
            [("GET", "configuration/publicAccessBlock")] = ControlOperation.GetPublicAccessBlock,
            [("DELETE", "configuration/publicAccessBlock")] = ControlOperation.DeletePublicAccessBlock,
            [("PUT", "accesspointforobjectlambda/{name}")] = ControlOperation.CreateAccessPointForObjectLambda,
            [("GET", "accesspointforobjectlambda/{name}")] = ControlOperation.GetAccessPointForObjectLambda,
            [("DELETE", "accesspointforobjectlambda/{name}")] = ControlOperation.DeleteAccessPointForObjectLambda,
            [("GET", "accesspointforobjectlambda")] = ControlOperation.ListAccessPointsForObjectLambda,
            [("GET", "accesspointforobjectlambda/{name}/configuration")] = ControlOperation.GetAccessPointConfigurationForObjectLambda,
            [("PUT", "accesspointforobjectlambda/{name}/configuration")] = ControlOperation.PutAccessPointConfigurationForObjectLambda,
            [("PUT", "accesspointforobjectlambda/{name}/policy")] = ControlOperation.PutAccessPointPolicyForObjectLambda,
            [("GET", "accesspointforobjectlambda/{name}/policy")] = ControlOperation.GetAccessPointPolicyForObjectLambda,
            [("DELETE", "accesspointforobjectlambda/{name}/policy")] = ControlOperation.DeleteAccessPointPolicyForObjectLambda,
            [("GET", "accesspointforobjectlambda/{name}/policyStatus")] = ControlOperation.GetAccessPointPolicyStatusForObjectLambda,
        }.ToFrozenDictionary();

    /// <summary>Every operation the table serves (the authorization table must have a row for each).</summary>
    public static IEnumerable<ControlOperation> Served => Rules.Values.Distinct();

    public static ControlRequest Classify(string method, string rawTarget, string? accountIdHeader)
    {
        RequestTargetCharacters.EnsureParsable(rawTarget);
        var question = rawTarget.IndexOf('?');
        var rawPath = question < 0 ? rawTarget : rawTarget[..question];
        var query = QueryParameters.Parse(question < 0 ? "" : rawTarget[(question + 1)..]);
        var path = rawPath.StartsWith(FrontRouter.ControlPathPrefix, StringComparison.Ordinal)
            ? rawPath[FrontRouter.ControlPathPrefix.Length..].TrimEnd('/')
            : rawPath.TrimStart('/');
        var account = string.IsNullOrWhiteSpace(accountIdHeader) ? null : accountIdHeader.Trim();

        var segments = path.Split('/');
        string? name = null;
        if (segments.Length >= 2 && segments[0] is "accesspoint" or "accesspointforobjectlambda")
        {
            var arn = segments[0] == "accesspoint" ? AccessPointArn() : ObjectLambdaAccessPointArn();
            name = NameOf(PercentDecoding.DecodeOrInvalidUri(segments[1]), arn);
            segments[1] = NamePlaceholder;
        }
        var operation = Rules.GetValueOrDefault((method.ToUpperInvariant(), string.Join('/', segments)), ControlOperation.Unknown);
        return new ControlRequest(operation, account, operation == ControlOperation.Unknown ? null : name, path, query);
    }

    // arn:aws:s3:us-east-1:123456789012:accesspoint/name (or accesspoint:name) names the access point "name"; an Object
    // Lambda access point's ARN (arn:aws:s3-object-lambda:…) names it the same way on the accesspointforobjectlambda paths.
    private static string NameOf(string segment, Regex arnPattern)
    {
        var arn = arnPattern.Match(segment);
        return arn.Success ? arn.Groups["name"].Value : segment;
    }

    [GeneratedRegex(@"^arn:[^:]+:s3:[^:]*:[0-9]{12}:accesspoint[/:](?<name>[^/:]+)$")]
    private static partial Regex AccessPointArn();

    [GeneratedRegex(@"^arn:[^:]+:s3-object-lambda:[^:]*:[0-9]{12}:accesspoint[/:](?<name>[^/:]+)$")]
    private static partial Regex ObjectLambdaAccessPointArn();
}
