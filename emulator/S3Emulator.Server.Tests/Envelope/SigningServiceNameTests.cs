using Microsoft.AspNetCore.Http;
using S3Emulator.Server.Envelope;

namespace S3Emulator.Server.Tests.Envelope;

public sealed class SigningServiceNameTests
{
    [TestCase("AWS4-HMAC-SHA256 Credential=AKID/20261206/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=00", "/", "sts")]
    [TestCase("AWS4-HMAC-SHA256 Credential=AKID/20261206/us-east-1/s3-object-lambda/aws4_request,SignedHeaders=host,Signature=00", "/k", "s3-object-lambda")]
    [TestCase("", "/b/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20261206%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=0", "s3")]
    [TestCase("AWS4-HMAC-SHA256 Credential=garbage, SignedHeaders=host, Signature=00", "/", null)]
    [TestCase("AWS AKID:signature", "/", null)]
    [TestCase("", "/b/k?prefix=a", null)]
    public void Of_ReadsTheServiceOfTheCredentialScope(string authorization, string rawTarget, string? expected)
    {
        var context = new DefaultHttpContext();
        if (authorization.Length > 0) context.Request.Headers.Authorization = authorization;

        Assert.That(SigningServiceName.Of(context.Request, rawTarget), Is.EqualTo(expected));
    }
}
