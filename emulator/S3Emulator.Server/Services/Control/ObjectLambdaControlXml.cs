using System.Xml.Linq;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Server.Protocol;
using static S3Emulator.Server.Protocol.S3Xml;
using static S3Emulator.Server.Services.Control.ControlXml;

namespace S3Emulator.Server.Services.Control;

/// <summary>
/// S3 Control's request and response bodies for Object Lambda access points (object-lambda.md §1; element names and
/// member order from the botocore s3control model): <c>ObjectLambdaConfiguration</c> in and out, the alias as
/// <c>Alias{Value,Status}</c>. Pure: bodies arrive already parsed by <see cref="S3Xml.ReadAsync"/>.
/// </summary>
internal static class ObjectLambdaControlXml
{
    /// <summary>The emulator provisions an alias at once, so it is always <c>READY</c> (AWS may say <c>PROVISIONING</c> first).</summary>
    public const string AliasReady = "READY";

    /// <summary>
    /// The <c>Configuration</c> of a CreateAccessPointForObjectLambda or PutAccessPointConfigurationForObjectLambda body
    /// (<paramref name="rootName"/>), as written; <see cref="ObjectLambdaConfigurationRules"/> checks it.
    /// </summary>
    public static ObjectLambdaConfigurationInput ReadConfiguration(XElement root, string rootName)
    {
        if (root.Name.LocalName != rootName) throw new S3Exception(S3Errors.MalformedXML);
        var configuration = Element(root, "Configuration") ?? throw new S3Exception(S3Errors.MalformedXML);
        var metrics = configuration.Child("CloudWatchMetricsEnabled")?.Trim() switch
        {
            null or "false" => false,
            "true" => true,
            _ => throw new S3Exception(S3Errors.MalformedXML),
        };
        var features = Element(configuration, "AllowedFeatures")?.Children("AllowedFeature").Select(f => f.Value).ToList() ?? [];
        var transformations = Element(configuration, "TransformationConfigurations")?.Children("TransformationConfiguration")
            .Select(ReadTransformation).ToList() ?? [];
        return new ObjectLambdaConfigurationInput(configuration.Child("SupportingAccessPoint"), metrics, features, transformations);
    }

    /// <summary>PutAccessPointPolicyForObjectLambda's body: the policy JSON as the text of <c>Policy</c>.</summary>
    public static string ReadPolicy(XElement root)
    {
        if (root.Name.LocalName != "PutAccessPointPolicyForObjectLambdaRequest") throw new S3Exception(S3Errors.MalformedXML);
        return root.Child("Policy") ?? throw new S3Exception(S3Errors.MalformedXML);
    }

    public static XElement CreateResult(string arn, string alias) =>
        C("CreateAccessPointForObjectLambdaResult", C("ObjectLambdaAccessPointArn", arn), Alias(alias));

    public static XElement GetResult(ObjectLambdaAccessPoint olap) => C(
        "GetAccessPointForObjectLambdaResult",
        C("Name", olap.Name),
        // "Configuration to block all public access. This setting is turned on and can not be edited." (API reference)
        PublicAccessBlockXml.Write(PublicAccessBlock.AllBlocked, ControlXml.Ns),
        C("CreationDate", Timestamp(olap.CreationDate)),
        Alias(olap.Alias));

    public static XElement ListResult(IEnumerable<ObjectLambdaAccessPoint> olaps, string region, string? nextToken) => C(
        "ListAccessPointsForObjectLambdaResult",
        C("ObjectLambdaAccessPointList", olaps.Select(o => C(
            "ObjectLambdaAccessPoint",
            C("Name", o.Name),
            C("ObjectLambdaAccessPointArn", o.Arn(region)),
            Alias(o.Alias)))),
        nextToken is null ? null : C("NextToken", nextToken));

    public static XElement GetConfigurationResult(ObjectLambdaConfiguration configuration) =>
        C("GetAccessPointConfigurationForObjectLambdaResult", Configuration(configuration));

    public static XElement GetPolicyResult(string policy) => C("GetAccessPointPolicyForObjectLambdaResult", C("Policy", policy));

    public static XElement GetPolicyStatusResult(bool isPublic) =>
        C("GetAccessPointPolicyStatusForObjectLambdaResult", C("PolicyStatus", C("IsPublic", Bool(isPublic))));

    /// <summary><c>ObjectLambdaConfiguration</c> in model member order; empty AllowedFeatures and FunctionPayload left out.</summary>
    public static XElement Configuration(ObjectLambdaConfiguration configuration) => C(
        "Configuration",
        C("SupportingAccessPoint", configuration.SupportingAccessPoint),
        C("CloudWatchMetricsEnabled", Bool(configuration.CloudWatchMetricsEnabled)),
        configuration.AllowedFeatures.Count == 0
            ? null
            : C("AllowedFeatures", configuration.AllowedFeatures.Select(f => C("AllowedFeature", ObjectLambdaAllowedFeatures.WireName(f)))),
        C("TransformationConfigurations", configuration.Transformations.Select(t => C(
            "TransformationConfiguration",
            C("Actions", t.Actions.Select(a => C("Action", a.ToString()))),
            C("ContentTransformation", C(
                "AwsLambda",
                C("FunctionArn", t.FunctionArn),
                t.FunctionPayload is null ? null : C("FunctionPayload", t.FunctionPayload)))))));

    private static ObjectLambdaTransformationInput ReadTransformation(XElement transformation)
    {
        var actions = Element(transformation, "Actions")?.Children("Action").Select(a => a.Value).ToList() ?? [];
        var lambda = Element(Element(transformation, "ContentTransformation"), "AwsLambda");
        return new ObjectLambdaTransformationInput(actions, lambda?.Child("FunctionArn"), lambda?.Child("FunctionPayload"));
    }

    private static XElement Alias(string alias) => C("Alias", C("Value", alias), C("Status", AliasReady));

    // The child element by local name, whatever namespace the client used.
    private static XElement? Element(XElement? parent, string localName) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == localName);
}
