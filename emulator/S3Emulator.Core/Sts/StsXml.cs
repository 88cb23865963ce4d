using System.Globalization;
using System.Xml.Linq;
using S3Emulator.Core.Identity;

namespace S3Emulator.Core.Sts;

/// <summary>
/// STS's query-protocol XML: <c>&lt;{Action}Response&gt;&lt;{Action}Result&gt;…&lt;/{Action}Result&gt;&lt;ResponseMetadata&gt;…</c>
/// and <c>&lt;ErrorResponse&gt;</c>, in namespace <see cref="Namespace"/> (../shared/spec/sts.md §1, §3).
/// </summary>
public static class StsXml
{
    /// <summary>The STS XML namespace.</summary>
    public static readonly XNamespace Namespace = "https://sts.amazonaws.com/doc/2011-06-15/";

    /// <summary>The AssumeRole answer.</summary>
    public static string AssumeRoleResponse(SessionClaims claims, string sessionToken, int packedPolicySize, string requestId)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var result = new XElement(Namespace + "AssumeRoleResult");
        if (claims.SourceIdentity is not null) result.Add(new XElement(Namespace + "SourceIdentity", claims.SourceIdentity));
        result.Add(
            new XElement(Namespace + "AssumedRoleUser",
                new XElement(Namespace + "Arn", claims.SessionArn),
                new XElement(Namespace + "AssumedRoleId", claims.UserId)),
            new XElement(Namespace + "Credentials",
                new XElement(Namespace + "AccessKeyId", claims.AccessKeyId),
                new XElement(Namespace + "SecretAccessKey", claims.SecretAccessKey),
                new XElement(Namespace + "SessionToken", sessionToken),
                new XElement(Namespace + "Expiration", Timestamp(claims.Expiration))),
            new XElement(Namespace + "PackedPolicySize", packedPolicySize.ToString(CultureInfo.InvariantCulture)));
        return Response("AssumeRole", result, requestId);
    }

    /// <summary>The GetCallerIdentity answer.</summary>
    public static string GetCallerIdentityResponse(CallerIdentity caller, string requestId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return Response("GetCallerIdentity", new XElement(Namespace + "GetCallerIdentityResult",
            new XElement(Namespace + "UserId", caller.UserId),
            new XElement(Namespace + "Account", caller.AccountId),
            new XElement(Namespace + "Arn", caller.Arn)), requestId);
    }

    /// <summary>The error body.</summary>
    public static string ErrorResponse(StsError error, string requestId)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new XElement(Namespace + "ErrorResponse",
            new XElement(Namespace + "Error",
                new XElement(Namespace + "Type", error.Type),
                new XElement(Namespace + "Code", error.Code),
                new XElement(Namespace + "Message", error.Message)),
            new XElement(Namespace + "RequestId", requestId)).ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>ISO 8601 UTC to the second, as STS writes <c>Expiration</c>.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Response(string action, XElement result, string requestId) =>
        new XElement(Namespace + $"{action}Response",
            result,
            new XElement(Namespace + "ResponseMetadata", new XElement(Namespace + "RequestId", requestId)))
            .ToString(SaveOptions.DisableFormatting);
}
