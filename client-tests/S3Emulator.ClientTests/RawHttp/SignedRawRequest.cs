using System.Globalization;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Amazon.S3;
using Amazon.S3.Model;
using S3Emulator.Server.Hosting;

namespace S3Emulator.ClientTests.RawHttp;

/// <summary>
/// A request signed by the AWS SDK's own SigV4 signer, with headers no SDK would send as they are (raw UTF-8 in a
/// header value). The signer signs the UTF-8 of each value, as Go, Java and JavaScript clients do.
/// </summary>
internal sealed class SignedRawRequest
{
    private SignedRawRequest(string method, Uri url, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body)
    {
        Method = method;
        Url = url;
        Headers = headers;
        Body = body;
    }

    public string Method { get; }

    public Uri Url { get; }

    /// <summary>Every header to send, Authorization included, Host and Content-Length excluded.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    public byte[] Body { get; }

    public static SignedRawRequest Put(IAmazonS3 s3, Uri serviceUrl, string region, string bucket, string key, byte[] body,
        IReadOnlyDictionary<string, string> headers) =>
        Sign(s3, serviceUrl, region, new PutObjectRequest(), "PUT", bucket, key, body, request =>
        {
            foreach (var (name, value) in headers) request.Headers[name] = value;
        });

    /// <summary>
    /// Signs <c>METHOD /bucket/key</c> for <paramref name="body"/> as AWSSDK.S3 would send <paramref name="operation"/>;
    /// <paramref name="configure"/> adds headers, sub-resources or trailers first. With <paramref name="signPayload"/>
    /// false the payload is not hashed (UNSIGNED-PAYLOAD, or an unsigned aws-chunked trailer when trailers are set).
    /// </summary>
    public static SignedRawRequest Sign(IAmazonS3 s3, Uri serviceUrl, string region, AmazonWebServiceRequest operation, string method,
        string bucket, string key, byte[] body, Action<IRequest>? configure = null, bool signPayload = true)
    {
        var request = new DefaultRequest(operation, "AmazonS3")
        {
            HttpMethod = method,
            Endpoint = serviceUrl,
            ResourcePath = "/{Bucket}/{Key+}",
            AuthenticationRegion = region,
            OverrideSigningServiceName = "s3",
        };
        if (signPayload) request.Content = body;
        request.AddPathResource("{Bucket}", bucket);
        request.AddPathResource("{Key+}", key);
        request.Headers["Content-Length"] = body.Length.ToString(CultureInfo.InvariantCulture);
        configure?.Invoke(request);
        var signed = new AWS4Signer(signPayload).SignRequest(request, s3.Config, null,
            S3CredentialOptions.DefaultAccessKeyId, S3CredentialOptions.DefaultSecretAccessKey, DateTime.UtcNow);
        var sent = request.Headers
            .Where(h => !h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && !h.Key.Equals("Host", StringComparison.OrdinalIgnoreCase))
            .ToList();
        sent.Add(new("Authorization", signed.ForAuthorizationHeader));
        return new SignedRawRequest(method, AmazonServiceClient.ComposeUrl(request), sent, body);
    }

    /// <summary>The same signed request carrying another body (an aws-chunked encoding of the signed payload).</summary>
    public SignedRawRequest WithBody(byte[] body) => new(Method, Url, Headers, body);

    /// <summary>The request as bytes on a connection, header values in <paramref name="headerEncoding"/> (UTF-8 by default).</summary>
    public byte[] ToBytes(string hostHeader, Encoding? headerEncoding = null)
    {
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"{Method} {Url.PathAndQuery} HTTP/1.1\r\nHost: {hostHeader}\r\n");
        foreach (var (name, value) in Headers) head.Append(name).Append(": ").Append(value).Append("\r\n");
        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {Body.Length}\r\n\r\n");
        return [.. (headerEncoding ?? Encoding.UTF8).GetBytes(head.ToString()), .. Body];
    }

    /// <summary>The request as an HttpRequestMessage (for the in-process transport, where no socket carries bytes).</summary>
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Url) { Content = new ByteArrayContent(Body) };
        foreach (var (name, value) in Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value)) message.Content.Headers.TryAddWithoutValidation(name, value);
        }
        return message;
    }
}
