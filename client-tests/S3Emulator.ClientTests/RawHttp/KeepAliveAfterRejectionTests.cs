using System.Globalization;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;

namespace S3Emulator.ClientTests.RawHttp;

/// <summary>
/// A PutObject refused before its body is read must not leave that body on the connection for the next
/// request to trip over: the server drains it or closes the connection (saying so with <c>Connection: close</c>),
/// as S3 does. Raw sockets, because an HTTP client hides exactly this. In-process there is no connection.
/// </summary>
public sealed class KeepAliveAfterRejectionTests(Transport transport) : EmulatorTestBase(transport)
{
    /// <summary>The kinds of early rejection: each answers before the handler reads a byte of the body.</summary>
    public enum Rejection
    {
        AuthFailure,
        PreconditionFailed,
        ValidationError,
    }

    private string _bucket = "";

    [SetUp]
    public async Task CreateBucketWithAnObject()
    {
        if (Transport == Transport.InProcess) Assert.Ignore("TestServer has no connection to reuse.");
        _bucket = await CreateBucketAsync();
        await PutTextAsync(_bucket, "kept", "kept body");
    }

    [Test]
    public async Task RejectedPut_WithItsBodySent_LeavesTheConnectionAbleToServeTheNextRequest([Values] Rejection rejection)
    {
        await using var connection = await OpenAsync();
        var body = new byte[64 * 1024];
        Random.Shared.NextBytes(body);

        await connection.WriteAsync(await RejectedPutHeadAsync(rejection, body.Length, expectContinue: false));
        await connection.WriteAsync(body);
        var rejected = await connection.ReadResponseAsync();

        AssertRejectedAsExpected(rejected, rejection);
        await AssertNextRequestIsServedAsync(connection, rejected);
    }

    [Test]
    public async Task RejectedPut_WhoseBodyWaitsFor100Continue_LeavesTheConnectionAbleToServeTheNextRequest([Values] Rejection rejection)
    {
        await using var connection = await OpenAsync();

        // A client that asked for 100-continue and got a final answer instead never sends the body (botocore, curl).
        await connection.WriteAsync(await RejectedPutHeadAsync(rejection, contentLength: 16, expectContinue: true));
        var rejected = await connection.ReadResponseAsync();

        AssertRejectedAsExpected(rejected, rejection);
        await AssertNextRequestIsServedAsync(connection, rejected);
    }

    private static void AssertRejectedAsExpected(RawHttpResponse rejected, Rejection rejection)
    {
        var (status, code) = rejection switch
        {
            Rejection.AuthFailure => (403, "SignatureDoesNotMatch"),
            Rejection.PreconditionFailed => (412, "PreconditionFailed"),
            _ => (400, "InvalidDigest"),
        };
        Assert.That(rejected.Status, Is.EqualTo(status), rejected.Text);
        Assert.That(rejected.Text, Does.Contain($"<Code>{code}</Code>"));
    }

    /// <summary>
    /// Either the connection was kept and serves the next request, or the server announced <c>Connection: close</c>
    /// and the client, as every HTTP/1.1 client does, goes on with a new one. Never a next request read as the
    /// remains of the last one.
    /// </summary>
    private async Task AssertNextRequestIsServedAsync(RawHttpConnection connection, RawHttpResponse rejected)
    {
        if (rejected.ClosesConnection)
        {
            await using var fresh = await OpenAsync();
            await AssertGetsKeptObjectAsync(fresh);
            return;
        }
        await AssertGetsKeptObjectAsync(connection);
    }

    private async Task AssertGetsKeptObjectAsync(RawHttpConnection connection)
    {
        await connection.WriteAsync(Head("GET", await PresignAsync("kept", HttpVerb.GET), []));
        var next = await connection.ReadResponseAsync(timeout: TimeSpan.FromSeconds(10));
        Assert.That(next.Status, Is.EqualTo(200), next.Text);
        Assert.That(next.Text, Is.EqualTo("kept body"));
    }

    private async Task<string> RejectedPutHeadAsync(Rejection rejection, int contentLength, bool expectContinue)
    {
        var target = await PresignAsync("kept", HttpVerb.PUT);
        var headers = new List<string> { "Content-Length: " + contentLength.ToString(CultureInfo.InvariantCulture) };
        if (expectContinue) headers.Add("Expect: 100-continue");
        switch (rejection)
        {
            case Rejection.AuthFailure:
                target = target[..^1] + (target[^1] == '0' ? '1' : '0');
                break;
            case Rejection.PreconditionFailed:
                headers.Add("If-Match: \"00000000000000000000000000000000\"");
                break;
            case Rejection.ValidationError:
                headers.Add("Content-MD5: not-an-md5");
                break;
        }
        return Head("PUT", target, headers);
    }

    private string Head(string method, string target, IEnumerable<string> headers)
    {
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"{method} {target} HTTP/1.1\r\nHost: {Emulator.ServiceUrl.Authority}\r\n");
        foreach (var header in headers) head.Append(header).Append("\r\n");
        return head.Append("\r\n").ToString();
    }

    private async Task<string> PresignAsync(string key, HttpVerb verb)
    {
        var url = await S3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = _bucket, Key = key, Verb = verb, Expires = DateTime.UtcNow.AddMinutes(5),
            Protocol = Transport == Transport.LoopbackHttps ? Protocol.HTTPS : Protocol.HTTP,
        });
        return new Uri(url).PathAndQuery;
    }

    private Task<RawHttpConnection> OpenAsync() => RawHttpConnection.OpenAsync(Emulator, https: Transport == Transport.LoopbackHttps);
}
