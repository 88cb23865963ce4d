using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using S3Emulator.Server.Auth;
using S3Emulator.Server.Hosting;
using static S3Emulator.Server.Tests.Auth.AuthTestKit;

namespace S3Emulator.Server.Tests.Auth;

/// <summary>
/// Signature Version 2, checked against the worked examples of "Signing and authenticating REST requests (AWS
/// signature version 2)" in the Amazon S3 API reference: their key pair, requests and signatures.
/// </summary>
public sealed class SigV2AuthenticationTests
{
    private const string DocAccessKey = "AKIAIOSFODNN7EXAMPLE";
    private const string DocSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static readonly S3Credential DocCredential = new(DocAccessKey, DocSecret, "123456789012", "root");

    private static IEnumerable<TestCaseData> DocumentedHeaderExamples()
    {
        yield return new TestCaseData("GET", "awsexamplebucket1", "/photos/puppy.jpg", null, "Tue, 27 Mar 2007 19:36:42 +0000", "qgk2+6Sv9/oM7G3qLEjTH1a1l1g=")
            .SetName("Authenticate_DocumentedObjectGet_ReturnsPrincipal");
        yield return new TestCaseData("PUT", "awsexamplebucket1", "/photos/puppy.jpg", "image/jpeg", "Tue, 27 Mar 2007 21:15:45 +0000", "iqRzw+ileNPu1fhspnRs8nOjjIA=")
            .SetName("Authenticate_DocumentedObjectPutWithContentType_ReturnsPrincipal");
        yield return new TestCaseData("GET", "awsexamplebucket1", "/?prefix=photos&max-keys=50&marker=puppy", null, "Tue, 27 Mar 2007 19:42:41 +0000", "m0WP8eCtspQl5Ahe6L1SozdX9YA=")
            .SetName("Authenticate_DocumentedListWithUnsignedParameters_ReturnsPrincipal");
        yield return new TestCaseData("GET", "awsexamplebucket1", "/?acl", null, "Tue, 27 Mar 2007 19:44:46 +0000", "82ZHiFIjc+WbcwFKGUVEQspPn+0=")
            .SetName("Authenticate_DocumentedAclFetchWithSubresource_ReturnsPrincipal");
        yield return new TestCaseData("GET", null, "/", null, "Wed, 28 Mar 2007 01:29:59 +0000", "qGdzdERIC03wnaRNKh6OqZehG9s=")
            .SetName("Authenticate_DocumentedListAllMyBuckets_ReturnsPrincipal");
        yield return new TestCaseData("GET", "dictionary", "/fran%C3%A7ais/pr%c3%a9f%c3%a8re", null, "Wed, 28 Mar 2007 01:49:49 +0000", "DNEZGsoieTZ92F3bUfSPQcbGmlM=")
            .SetName("Authenticate_DocumentedUnicodeKeySignedUndecoded_ReturnsPrincipal");
    }

    [TestCaseSource(nameof(DocumentedHeaderExamples))]
    public void Authenticate_DocumentedHeaderExample(string method, string? virtualHostedBucket, string target, string? contentType, string date, string signature)
    {
        var context = Request(method, target, ("Date", date), ("Authorization", $"AWS {DocAccessKey}:{signature}"));
        if (contentType is not null) context.Request.Headers.ContentType = contentType;

        var principal = Authenticator(ClockAt(date)).Authenticate(context, target, virtualHostedBucket);

        Assert.That(principal?.AccessKeyId, Is.EqualTo(DocAccessKey));
    }

    [Test]
    public void Authenticate_DocumentedQueryStringExample_ReturnsPrincipal()
    {
        const string target = "/photos/puppy.jpg?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Signature=NpgCjnDzrM%2BWFzoENXmpNDUsSn8%3D&Expires=1175139620";

        var principal = Authenticator(ClockAt("Wed, 28 Mar 2007 01:49:49 +0000")).Authenticate(Request("GET", target), target, "johnsmith");

        Assert.That(principal?.AccessKeyId, Is.EqualTo(DocAccessKey));
    }

    [Test]
    public void Authenticate_QueryAfterExpires_ThrowsAccessDeniedRequestHasExpired()
    {
        const string target = "/photos/puppy.jpg?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Signature=NpgCjnDzrM%2BWFzoENXmpNDUsSn8%3D&Expires=1175139620";
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1175139621));

        var error = Fails(() => Authenticator(clock).Authenticate(Request("GET", target), target, "johnsmith"));

        Assert.That(error.Error.Code, Is.EqualTo("AccessDenied"));
        Assert.That(error.Error.Message, Is.EqualTo("Request has expired"));
        Assert.That(Detail(error, "Expires"), Is.EqualTo("2007-03-29T03:40:20Z"));
    }

    [TestCase("/k?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Signature=abc%3D", "Query-string authentication requires the Signature, Expires and AWSAccessKeyId parameters")]
    [TestCase("/k?Signature=abc%3D&Expires=1175139620", "Query-string authentication requires the Signature, Expires and AWSAccessKeyId parameters")]
    [TestCase("/k?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Signature=abc%3D&Expires=soon", "Invalid date (should be seconds since epoch): soon")]
    public void Authenticate_QueryIncomplete_ThrowsAccessDenied(string target, string message)
    {
        var error = Fails(() => Authenticator(ClockAt("Wed, 28 Mar 2007 01:49:49 +0000")).Authenticate(Request("GET", target), target, "b"));

        Assert.That(error.Error.Code, Is.EqualTo("AccessDenied"));
        Assert.That(error.Error.Message, Is.EqualTo(message));
    }

    [Test]
    public void Authenticate_WrongSignature_ThrowsSignatureDoesNotMatchWithStringToSign_AndNoSecret()
    {
        var context = Request("GET", "/photos/puppy.jpg", ("Date", "Tue, 27 Mar 2007 19:36:42 +0000"), ("Authorization", $"AWS {DocAccessKey}:AAAA+6Sv9/oM7G3qLEjTH1a1l1g="));

        var error = Fails(() => Authenticator(ClockAt("Tue, 27 Mar 2007 19:36:42 +0000")).Authenticate(context, "/photos/puppy.jpg", "awsexamplebucket1"));

        Assert.That(error.Error.Code, Is.EqualTo("SignatureDoesNotMatch"));
        Assert.That(error.Error.StatusCode, Is.EqualTo(403));
        Assert.That(Detail(error, "StringToSign"), Is.EqualTo("GET\n\n\nTue, 27 Mar 2007 19:36:42 +0000\n/awsexamplebucket1/photos/puppy.jpg"));
        Assert.That(Detail(error, "SignatureProvided"), Is.EqualTo("AAAA+6Sv9/oM7G3qLEjTH1a1l1g="));
        Assert.That(Detail(error, "CanonicalRequest"), Is.Null, "SigV2 has no canonical request");
        Assert.That(error.Details.Select(d => d.Value), Has.None.Contains(DocSecret));
    }

    // The documented rule: with x-amz-date the Date line is empty and x-amz-date is signed among the x-amz-*
    // headers, which are lowercased, sorted, and have repeated values joined with commas.
    [Test]
    public void Authenticate_AmzHeadersAndAmzDate_AreCanonicalisedAsDocumented()
    {
        const string stringToSign = "PUT\n4gJE4saaMU4BqNR0kLY+lw==\napplication/x-download\n\n"
            + "x-amz-acl:public-read\nx-amz-date:Tue, 27 Mar 2007 21:06:08 +0000\nx-amz-meta-reviewedby:email@example.com,jane@example.com\n"
            + "/static.example.com/db-backup.dat.gz?partNumber=2&uploadId=a%2Fb";
        var signature = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(DocSecret), Encoding.UTF8.GetBytes(stringToSign)));
        const string target = "/db-backup.dat.gz?uploadId=a%252Fb&partNumber=2&x-id=UploadPart";
        var context = Request("PUT", target,
            ("Date", "Thu, 01 Jan 2026 00:00:00 GMT"), ("X-Amz-Date", "Tue, 27 Mar 2007 21:06:08 +0000"), ("x-amz-acl", "public-read"),
            ("X-Amz-Meta-ReviewedBy", "email@example.com"), ("Content-MD5", "4gJE4saaMU4BqNR0kLY+lw=="),
            ("Authorization", $"AWS {DocAccessKey}:{signature}"));
        context.Request.Headers.Append("X-Amz-Meta-ReviewedBy", "jane@example.com");
        context.Request.Headers.ContentType = "application/x-download";

        var principal = Authenticator(ClockAt("Tue, 27 Mar 2007 21:06:08 +0000")).Authenticate(context, target, "static.example.com");

        Assert.That(principal, Is.Not.Null);
    }

    [Test]
    public void Authenticate_UnknownAccessKey_ThrowsInvalidAccessKeyId()
    {
        var context = Request("GET", "/", ("Date", "Wed, 28 Mar 2007 01:29:59 +0000"), ("Authorization", "AWS AKIANOTKNOWN:qGdzdERIC03wnaRNKh6OqZehG9s="));

        var error = Fails(() => Authenticator(ClockAt("Wed, 28 Mar 2007 01:29:59 +0000")).Authenticate(context, "/"));

        Assert.That(error.Error.Code, Is.EqualTo("InvalidAccessKeyId"));
    }

    [Test]
    public void Authenticate_WithoutDate_ThrowsAccessDenied()
    {
        var context = Request("GET", "/", ("Authorization", $"AWS {DocAccessKey}:qGdzdERIC03wnaRNKh6OqZehG9s="));

        var error = Fails(() => Authenticator(ClockAt("Wed, 28 Mar 2007 01:29:59 +0000")).Authenticate(context, "/"));

        Assert.That(error.Error.Code, Is.EqualTo("AccessDenied"));
        Assert.That(error.Error.Message, Is.EqualTo("AWS authentication requires a valid Date or x-amz-date header"));
    }

    [Test]
    public void Authenticate_DateSixteenMinutesOff_ThrowsRequestTimeTooSkewed()
    {
        var context = Request("GET", "/", ("Date", "Wed, 28 Mar 2007 01:29:59 +0000"), ("Authorization", $"AWS {DocAccessKey}:qGdzdERIC03wnaRNKh6OqZehG9s="));
        var clock = ClockAt("Wed, 28 Mar 2007 01:29:59 +0000");
        clock.Now = clock.Now.AddMinutes(16);

        var error = Fails(() => Authenticator(clock).Authenticate(context, "/"));

        Assert.That(error.Error.Code, Is.EqualTo("RequestTimeTooSkewed"));
    }

    [TestCase("AWS AKIAIOSFODNN7EXAMPLE")]
    [TestCase("AWS AKIAIOSFODNN7EXAMPLE:")]
    [TestCase("AWS  AKIAIOSFODNN7EXAMPLE:abc=")]
    [TestCase("AWS AKIAIOSFODNN7EXAMPLE:a:b")]
    public void Authenticate_MalformedHeader_ThrowsInvalidArgument(string authorization)
    {
        var context = Request("GET", "/", ("Date", "Wed, 28 Mar 2007 01:29:59 +0000"), ("Authorization", authorization));

        var error = Fails(() => Authenticator(ClockAt("Wed, 28 Mar 2007 01:29:59 +0000")).Authenticate(context, "/"));

        Assert.That(error.Error.Code, Is.EqualTo("InvalidArgument"));
        Assert.That(error.Error.Message, Is.EqualTo("AWS authorization header is invalid.  Expected AwsAccessKeyId:signature"));
        Assert.That(Detail(error, "ArgumentName"), Is.EqualTo("Authorization"));
    }

    [TestCase("/photos/puppy.jpg", "AWS AKIAIOSFODNN7EXAMPLE:qgk2+6Sv9/oM7G3qLEjTH1a1l1g=")]
    [TestCase("/photos/puppy.jpg?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Signature=NpgCjnDzrM%2BWFzoENXmpNDUsSn8%3D&Expires=1175139620", null)]
    public void Authenticate_SigV2ByDefault_ThrowsInvalidRequestPleaseUseAws4HmacSha256(string target, string? authorization)
    {
        var context = authorization is null
            ? Request("GET", target)
            : Request("GET", target, ("Date", "Tue, 27 Mar 2007 19:36:42 +0000"), ("Authorization", authorization));
        var authenticator = new RequestAuthenticator(new CredentialStore([DocCredential]), ClockAt("Tue, 27 Mar 2007 19:36:42 +0000"), "us-east-1");

        var error = Fails(() => authenticator.Authenticate(context, target, "awsexamplebucket1"));

        Assert.That(error.Error.Code, Is.EqualTo("InvalidRequest"));
        Assert.That(error.Error.StatusCode, Is.EqualTo(400));
        Assert.That(error.Error.Message, Is.EqualTo("The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256."));
    }

    [Test]
    public void Authenticate_WithASecurityTokenThatDoesNotOpen_ThrowsInvalidToken()
    {
        const string date = "Tue, 27 Mar 2007 19:36:42 +0000";
        var context = Request("GET", "/photos/puppy.jpg",
            ("Date", date), ("x-amz-security-token", "Zm9yZ2Vk"), ("Authorization", $"AWS {DocAccessKey}:qgk2+6Sv9/oM7G3qLEjTH1a1l1g="));

        var error = Fails(() => Authenticator(ClockAt(date)).Authenticate(context, "/photos/puppy.jpg", "awsexamplebucket1"));

        Assert.That(error.Error.Code, Is.EqualTo("InvalidToken"));
    }

    private static RequestAuthenticator Authenticator(FakeTimeProvider clock) =>
        new(new CredentialStore([DocCredential]), clock, "us-east-1", SignatureV2Mode.Accept);

    private static FakeTimeProvider ClockAt(string httpDate) => new(DateTimeOffset.Parse(httpDate, System.Globalization.CultureInfo.InvariantCulture));

    private static DefaultHttpContext Request(string method, string target, params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        foreach (var (name, value) in headers) context.Request.Headers.Append(name, value);
        context.Features.Get<IHttpRequestFeature>()!.RawTarget = target;
        return context;
    }
}
