using System.Xml.Linq;
using S3Emulator.Core.Errors;
using S3Emulator.Core.Model;
using S3Emulator.Server.Protocol;
using static S3Emulator.Server.Protocol.S3Xml;

namespace S3Emulator.Server.Services.Control;

/// <summary>
/// S3 Control's request and response bodies for access points (object-lambda.md §1): rest-xml in the
/// <c>http://awss3control.amazonaws.com/doc/2018-08-20/</c> namespace, responses rooted at <c>{Operation}Result</c>.
/// Pure: bodies arrive already parsed by <see cref="S3Xml.ReadAsync"/>.
/// </summary>
internal static class ControlXml
{
    public static readonly XNamespace Ns = "http://awss3control.amazonaws.com/doc/2018-08-20/";

    /// <summary>An element in S3 Control's namespace; null content is left out.</summary>
    public static XElement C(string name, params object?[] content) => new(Ns + name, content.Where(c => c is not null));

    /// <summary>CreateAccessPoint's body: <c>Bucket</c> is required; the rest optional.</summary>
    public static CreateAccessPointBody ReadCreateAccessPoint(XElement root)
    {
        if (root.Name.LocalName != "CreateAccessPointRequest") throw new S3Exception(S3Errors.MalformedXML);
        var bucket = root.Child("Bucket")?.Trim();
        if (string.IsNullOrEmpty(bucket)) throw new S3Exception(S3Errors.MalformedXML);
        var vpc = root.Elements().FirstOrDefault(e => e.Name.LocalName == "VpcConfiguration");
        var vpcId = vpc?.Child("VpcId")?.Trim();
        if (vpc is not null && string.IsNullOrEmpty(vpcId)) throw new S3Exception(S3Errors.InvalidRequest("Request invalid"));
        var block = root.Elements().FirstOrDefault(e => e.Name.LocalName == PublicAccessBlockXml.RootName);
        // Absent: all four on (AWS's default for access points); present: each omitted member is off.
        var publicAccessBlock = block is null
            ? PublicAccessBlock.AllBlocked
            : block.HasElements ? PublicAccessBlockXml.Read(block) : new PublicAccessBlock(false, false, false, false);
        var bucketAccount = root.Child("BucketAccountId")?.Trim();
        return new CreateAccessPointBody(bucket, vpcId, publicAccessBlock, string.IsNullOrEmpty(bucketAccount) ? null : bucketAccount);
    }

    /// <summary>PutAccessPointPolicy's body: the policy JSON as the text of <c>Policy</c>.</summary>
    public static string ReadPolicy(XElement root)
    {
        if (root.Name.LocalName != "PutAccessPointPolicyRequest") throw new S3Exception(S3Errors.MalformedXML);
        return root.Child("Policy") ?? throw new S3Exception(S3Errors.MalformedXML);
    }

    public static XElement CreateAccessPointResult(string arn, string alias) =>
        C("CreateAccessPointResult", C("AccessPointArn", arn), C("Alias", alias));

    public static XElement GetAccessPointResult(AccessPoint accessPoint, string region) => C(
        "GetAccessPointResult",
        C("Name", accessPoint.Name),
        C("Bucket", accessPoint.Bucket),
        C("NetworkOrigin", NetworkOrigin(accessPoint)),
        Vpc(accessPoint),
        PublicAccessBlockXml.Write(accessPoint.PublicAccessBlock, Ns),
        C("CreationDate", Timestamp(accessPoint.CreationDate)),
        C("Alias", accessPoint.Alias),
        C("AccessPointArn", accessPoint.Arn(region)),
        C("Endpoints", Endpoints(region)),
        C("BucketAccountId", accessPoint.BucketAccountId));

    public static XElement ListAccessPointsResult(IEnumerable<AccessPoint> accessPoints, string region, string? nextToken) => C(
        "ListAccessPointsResult",
        C("AccessPointList", accessPoints.Select(a => C(
            "AccessPoint",
            C("Name", a.Name),
            C("NetworkOrigin", NetworkOrigin(a)),
            Vpc(a),
            C("Bucket", a.Bucket),
            C("AccessPointArn", a.Arn(region)),
            C("Alias", a.Alias),
            C("BucketAccountId", a.BucketAccountId)))),
        nextToken is null ? null : C("NextToken", nextToken));

    public static XElement GetAccessPointPolicyResult(string policy) => C("GetAccessPointPolicyResult", C("Policy", policy));

    public static XElement GetAccessPointPolicyStatusResult(bool isPublic) =>
        C("GetAccessPointPolicyStatusResult", C("PolicyStatus", C("IsPublic", Bool(isPublic))));

    private static string NetworkOrigin(AccessPoint accessPoint) =>
        accessPoint.NetworkOrigin == AccessPointNetworkOrigin.Vpc ? "VPC" : "Internet";

    private static XElement? Vpc(AccessPoint accessPoint) =>
        accessPoint.VpcId is { } vpcId ? C("VpcConfiguration", C("VpcId", vpcId)) : null;

    // The map GetAccessPoint answers (rest-xml maps are entry/key/value): the AWS hosts an access point is reached on.
    private static IEnumerable<XElement> Endpoints(string region) =>
        new[]
        {
            ("ipv4", $"s3-accesspoint.{region}.amazonaws.com"),
            ("fips", $"s3-accesspoint-fips.{region}.amazonaws.com"),
            ("fips_dualstack", $"s3-accesspoint-fips.dualstack.{region}.amazonaws.com"),
            ("dualstack", $"s3-accesspoint.dualstack.{region}.amazonaws.com"),
        }.Select(e => C("entry", C("key", e.Item1), C("value", e.Item2)));
}

/// <summary>What a CreateAccessPoint body asks for.</summary>
internal sealed record CreateAccessPointBody(string Bucket, string? VpcId, PublicAccessBlock PublicAccessBlock, string? BucketAccountId);
