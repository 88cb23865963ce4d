using System.Reflection;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Amazon.Runtime.Internal.Util;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace S3Emulator.Server.Tests.Auth;

/// <summary>
/// Signs requests with the AWS SDK for .NET's own SigV4 implementation (AWS4Signer, AWS4PreSignedUrlSigner,
/// ChunkedUploadWrapperStream) the way AmazonS3Client does for path-style requests, and turns the result
/// into an ASP.NET Core request as the server would receive it.
/// </summary>
internal static class SdkSigner
{
    public const string AccessKey = "AKIDEXAMPLE";
    public const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    public const string Region = "us-east-1";
    public static readonly Uri Endpoint = new("http://localhost:9000");

    public static DefaultRequest NewRequest(string method, string bucket, string? key, byte[]? content = null)
    {
        var request = new DefaultRequest(new EmptyRequest(), "AmazonS3")
        {
            HttpMethod = method,
            Endpoint = Endpoint,
            ResourcePath = key is null ? "/{Bucket}" : "/{Bucket}/{Key+}",
            AuthenticationRegion = Region,
        };
        request.AddPathResource("{Bucket}", bucket);
        if (key is not null)
        {
            request.AddPathResource("{Key+}", key);
        }

        if (content is not null)
        {
            request.Content = content;
            request.Headers["Content-Length"] = content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return request;
    }

    public static AWS4SigningResult Sign(
        DefaultRequest request, DateTime signedAt, string secret = Secret, string service = "s3", bool signPayload = true, string accessKey = AccessKey)
    {
        request.OverrideSigningServiceName = service;
        var result = new AWS4Signer(signPayload).SignRequest(request, new TestClientConfig(), null, accessKey, secret, signedAt);
        request.Headers["Authorization"] = result.ForAuthorizationHeader;
        return result;
    }

    /// <summary>Signs a chunked upload of <paramref name="payload"/> and returns the aws-chunked body the SDK would send.</summary>
    public static byte[] SignChunked(DefaultRequest request, byte[] payload, DateTime signedAt, CoreChecksumAlgorithm trailerChecksum)
    {
        request.ContentStream = new MemoryStream(payload);
        request.Headers["Content-Length"] = payload.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        request.UseChunkEncoding = true;
        if (trailerChecksum != CoreChecksumAlgorithm.NONE)
        {
            request.SelectedChecksum = trailerChecksum;
            request.TrailingHeaders["x-amz-checksum-" + trailerChecksum.ToString().ToLowerInvariant()] = string.Empty;
        }

        var result = Sign(request, signedAt);

        using var chunked = trailerChecksum == CoreChecksumAlgorithm.NONE
            ? ChunkedWithoutTrailer(payload, result)
            : ChunkedWithTrailer(payload, result, trailerChecksum, request.TrailingHeaders);
        using var output = new MemoryStream();
        chunked.CopyTo(output);
        return output.ToArray();
    }

    // The public constructor always writes a trailer; AmazonS3Client uses this internal one when there is none.
    private static Stream ChunkedWithoutTrailer(byte[] payload, AWS4SigningResult result) =>
        (Stream)typeof(ChunkedUploadWrapperStream)
            .GetConstructor(BindingFlags.NonPublic | BindingFlags.Instance, [typeof(Stream), typeof(int), typeof(AWSSigningResultBase)])!
            .Invoke([new MemoryStream(payload), 8192, result]);

    // The CachedChecksum overload only adds checksum reuse on retries; the obsolete one produces the same bytes.
#pragma warning disable CS0618
    private static Stream ChunkedWithTrailer(byte[] payload, AWS4SigningResult result, CoreChecksumAlgorithm checksum, IDictionary<string, string> trailers) =>
        new ChunkedUploadWrapperStream(new MemoryStream(payload), 8192, result, checksum, trailers);
#pragma warning restore CS0618

    public static string Presign(
        DefaultRequest request, DateTime signedAt, int expiresSeconds, string service = "s3", string accessKey = AccessKey, string secret = Secret)
    {
        request.UseQueryString = true;
        request.Parameters["X-Amz-Expires"] = expiresSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var result = AWS4PreSignedUrlSigner.SignRequest(request, new TestClientConfig(), null, accessKey, secret, service, null, signedAt);
        var target = RawTarget(request);
        return target + (target.Contains('?', StringComparison.Ordinal) ? "&" : "?") + result.ForQueryParameters;
    }

    /// <summary>The path and query exactly as the SDK puts them on the wire.</summary>
    public static string RawTarget(DefaultRequest request)
    {
        var uri = AmazonServiceClient.ComposeUrl(request);
        var text = uri.OriginalString;
        var pathStart = text.IndexOf('/', text.IndexOf("://", StringComparison.Ordinal) + 3);
        return text[pathStart..];
    }

    /// <summary>The request as ASP.NET Core presents it to the emulator.</summary>
    public static DefaultHttpContext ToHttpContext(DefaultRequest request, string? rawTarget = null, byte[]? body = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = request.HttpMethod;
        foreach (var (name, value) in request.Headers)
        {
            context.Request.Headers[name] = value;
        }

        var content = body ?? request.Content ?? [];
        context.Request.Body = new MemoryStream(content);
        context.Features.Get<IHttpRequestFeature>()!.RawTarget = rawTarget ?? RawTarget(request);
        return context;
    }

    public static string ReadBody(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private sealed class EmptyRequest : AmazonWebServiceRequest;

    private sealed class TestClientConfig : ClientConfig
    {
        public TestClientConfig()
            : base(null!)
        {
            AuthenticationRegion = Region;
            AuthenticationServiceName = "s3";
            ServiceURL = Endpoint.ToString();
        }

        public override string ServiceVersion => "2006-03-01";

        public override string UserAgent => "test";

        public override string RegionEndpointServiceName => "s3";

        public override Amazon.Runtime.Endpoints.Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) => new(Endpoint.ToString());
    }
}
