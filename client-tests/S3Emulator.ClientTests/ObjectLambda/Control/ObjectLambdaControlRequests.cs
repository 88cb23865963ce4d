using System.Globalization;
using System.Security;
using S3Emulator.ClientTests.AccessPoints;

namespace S3Emulator.ClientTests.ObjectLambda.Control;

/// <summary>
/// The Object Lambda access point operations of S3 Control on <see cref="S3ControlTestClient"/>, with bodies as the
/// SDKs send them (botocore s3control model: paths under <c>accesspointforobjectlambda</c>, bodies in S3 Control's
/// namespace).
/// </summary>
internal static class ObjectLambdaControlRequests
{
    public const string DefaultFunction = "arn:aws:lambda:us-east-1:123456789012:function:redact";

    /// <summary>An <c>ObjectLambdaConfiguration</c> element with one transformation.</summary>
    public static string Configuration(
        string supportingAccessPointArn, string[]? actions = null, string function = DefaultFunction, string[]? features = null,
        string? payload = null, bool metrics = false)
    {
        var featureXml = features is null ? "" : $"<AllowedFeatures>{string.Concat(features.Select(f => $"<AllowedFeature>{f}</AllowedFeature>"))}</AllowedFeatures>";
        var payloadXml = payload is null ? "" : $"<FunctionPayload>{SecurityElement.Escape(payload)}</FunctionPayload>";
        return "<Configuration>" +
            $"<SupportingAccessPoint>{SecurityElement.Escape(supportingAccessPointArn)}</SupportingAccessPoint>" +
            $"<CloudWatchMetricsEnabled>{(metrics ? "true" : "false")}</CloudWatchMetricsEnabled>" +
            featureXml +
            "<TransformationConfigurations><TransformationConfiguration>" +
            $"<Actions>{string.Concat((actions ?? ["GetObject"]).Select(a => $"<Action>{a}</Action>"))}</Actions>" +
            $"<ContentTransformation><AwsLambda><FunctionArn>{SecurityElement.Escape(function)}</FunctionArn>{payloadXml}</AwsLambda></ContentTransformation>" +
            "</TransformationConfiguration></TransformationConfigurations>" +
            "</Configuration>";
    }

    public static Task<ControlResponse> CreateAccessPointForObjectLambdaAsync(this S3ControlTestClient control, string name, string configurationXml) =>
        control.SendAsync("PUT", Path(name),
            $"<CreateAccessPointForObjectLambdaRequest xmlns=\"{S3ControlTestClient.Ns}\">{configurationXml}</CreateAccessPointForObjectLambdaRequest>");

    public static Task<ControlResponse> GetAccessPointForObjectLambdaAsync(this S3ControlTestClient control, string name) =>
        control.SendAsync("GET", Path(name));

    public static Task<ControlResponse> DeleteAccessPointForObjectLambdaAsync(this S3ControlTestClient control, string name) =>
        control.SendAsync("DELETE", Path(name));

    public static Task<ControlResponse> ListAccessPointsForObjectLambdaAsync(this S3ControlTestClient control, int? maxResults = null, string? nextToken = null)
    {
        var query = new List<string>();
        if (maxResults is not null) query.Add("maxResults=" + maxResults.Value.ToString(CultureInfo.InvariantCulture));
        if (nextToken is not null) query.Add("nextToken=" + Uri.EscapeDataString(nextToken));
        return control.SendAsync("GET", "accesspointforobjectlambda" + (query.Count == 0 ? "" : "?" + string.Join('&', query)));
    }

    public static Task<ControlResponse> GetAccessPointConfigurationForObjectLambdaAsync(this S3ControlTestClient control, string name) =>
        control.SendAsync("GET", Path(name) + "/configuration");

    public static Task<ControlResponse> PutAccessPointConfigurationForObjectLambdaAsync(this S3ControlTestClient control, string name, string configurationXml) =>
        control.SendAsync("PUT", Path(name) + "/configuration",
            $"<PutAccessPointConfigurationForObjectLambdaRequest xmlns=\"{S3ControlTestClient.Ns}\">{configurationXml}</PutAccessPointConfigurationForObjectLambdaRequest>");

    public static Task<ControlResponse> PutAccessPointPolicyForObjectLambdaAsync(this S3ControlTestClient control, string name, string policy) =>
        control.SendAsync("PUT", Path(name) + "/policy",
            $"<PutAccessPointPolicyForObjectLambdaRequest xmlns=\"{S3ControlTestClient.Ns}\"><Policy>{SecurityElement.Escape(policy)}</Policy></PutAccessPointPolicyForObjectLambdaRequest>");

    public static Task<ControlResponse> GetAccessPointPolicyForObjectLambdaAsync(this S3ControlTestClient control, string name) =>
        control.SendAsync("GET", Path(name) + "/policy");

    public static Task<ControlResponse> DeleteAccessPointPolicyForObjectLambdaAsync(this S3ControlTestClient control, string name) =>
        control.SendAsync("DELETE", Path(name) + "/policy");

    public static Task<ControlResponse> GetAccessPointPolicyStatusForObjectLambdaAsync(this S3ControlTestClient control, string name) =>
        control.SendAsync("GET", Path(name) + "/policyStatus");

    private static string Path(string name) => "accesspointforobjectlambda/" + Uri.EscapeDataString(name);
}
