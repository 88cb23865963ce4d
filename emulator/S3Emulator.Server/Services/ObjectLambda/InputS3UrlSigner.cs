using System.Text;
using S3Emulator.Server.Auth;
using S3Emulator.Server.Auth.SigV4;

namespace S3Emulator.Server.Services.ObjectLambda;

/// <summary>
/// Builds the presigned <c>inputS3Url</c> of an Object Lambda event: a SigV4 query-signed GET (service <c>s3</c>, only
/// <c>host</c> signed, unsigned payload) to the supporting access point addressed by its alias, path-style, on the
/// emulator's public URL — so that it resolves from wherever the function runs — signed with credentials minted for
/// the caller (<see cref="Core.Identity.ForwardedCredentials"/>).
/// </summary>
internal static class InputS3UrlSigner
{
    /// <summary>How long the URL works; AWS does not document its own value (object-lambda.md §3).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <param name="publicUrl">Scheme, host and port the function reaches the emulator by.</param>
    /// <param name="alias">The supporting access point's alias.</param>
    /// <param name="key">The object key, or null for a listing.</param>
    /// <param name="query">The caller's query parameters to pass on (a listing's), decoded.</param>
    /// <param name="method">GET, or HEAD for a HeadObject's URL (the method is signed).</param>
    public static string Presign(
        Uri publicUrl, string alias, string? key, IEnumerable<KeyValuePair<string, string>> query,
        (string AccessKeyId, string SecretAccessKey, string SessionToken) credentials, string method, string region, DateTimeOffset now)
    {
        var rawPath = "/" + alias + "/" + (key is null ? "" : EncodeKey(key));
        var amzDate = AmzDate.FormatBasic(now);
        var date = amzDate[..8];
        var scope = $"{date}/{region}/s3/aws4_request";
        var host = publicUrl.IsDefaultPort ? publicUrl.Host : $"{publicUrl.Host}:{publicUrl.Port}";
        var parameters = query.ToList();
        parameters.Add(new(PresignedSigV4Verifier.AlgorithmParameter, SigV4Constants.Algorithm));
        parameters.Add(new(PresignedSigV4Verifier.CredentialParameter, $"{credentials.AccessKeyId}/{scope}"));
        parameters.Add(new(PresignedSigV4Verifier.DateParameter, amzDate));
        parameters.Add(new(PresignedSigV4Verifier.ExpiresParameter, ((int)Lifetime.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        parameters.Add(new(SigningCredentials.TokenParameter, credentials.SessionToken));
        parameters.Add(new(PresignedSigV4Verifier.SignedHeadersParameter, "host"));

        var canonical = CanonicalRequest.Build(method, rawPath, parameters, ["host"], _ => host, SigV4Constants.UnsignedPayload);
        var stringToSign = StringToSign.ForRequest(amzDate, scope, canonical);
        var signature = SigningKeyCache.Sign(SigningKeyCache.Derive(credentials.SecretAccessKey, date, region, "s3"), stringToSign);
        parameters.Add(new(PresignedSigV4Verifier.SignatureParameter, signature));
        return $"{publicUrl.Scheme}://{host}{rawPath}?{CanonicalRequest.Query(parameters)}";
    }

    // Each segment RFC 3986-encoded, '/' kept: the raw path the verifier then signs exactly as sent. A segment of dots
    // is encoded too, or the function's HTTP client would resolve "a/../b" to "b" before sending.
    private static string EncodeKey(string key)
    {
        var builder = new StringBuilder(key.Length + 16);
        var segments = key.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (i > 0) builder.Append('/');
            var segment = segments[i];
            builder.Append(segment is "." or ".." ? segment.Replace(".", "%2E", StringComparison.Ordinal) : UriEncoding.Encode(segment));
        }
        return builder.ToString();
    }
}
