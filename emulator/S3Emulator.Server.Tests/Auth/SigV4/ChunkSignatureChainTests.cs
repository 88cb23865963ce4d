using System.Text;
using S3Emulator.Server.Auth;
using S3Emulator.Server.Auth.SigV4;

namespace S3Emulator.Server.Tests.Auth.SigV4;

// The example of https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html: 66560 bytes of 'a'
// uploaded in a 65536-byte chunk, a 1024-byte chunk and the final empty chunk.
public sealed class ChunkSignatureChainTests
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private const string SeedSignature = "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9";

    [Test]
    public void VerifyChunk_AwsDocumentationExample_AcceptsDocumentedSignatures()
    {
        var chain = new ChunkSignatureChain(Seed());

        Assert.DoesNotThrow(() =>
        {
            chain.VerifyChunk(Hex.Sha256(Encoding.ASCII.GetBytes(new string('a', 65536))), "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648");
            chain.VerifyChunk(Hex.Sha256(Encoding.ASCII.GetBytes(new string('a', 1024))), "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497");
            chain.VerifyChunk(SigV4Constants.EmptySha256, "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9");
        });
    }

    [Test]
    public void VerifyChunk_ChunksOutOfOrder_ThrowsSignatureDoesNotMatch()
    {
        var chain = new ChunkSignatureChain(Seed());

        var error = Assert.Throws<Core.Errors.S3Exception>(() =>
            chain.VerifyChunk(Hex.Sha256(Encoding.ASCII.GetBytes(new string('a', 1024))), "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497"));

        Assert.That(error!.Error.Code, Is.EqualTo("SignatureDoesNotMatch"));
    }

    private static VerifiedSignature Seed() => new(
        new S3Credential("AKIAIOSFODNN7EXAMPLE", Secret, "123456789012", "root"),
        new CredentialScope("AKIAIOSFODNN7EXAMPLE", "20130524", "us-east-1", "s3", "aws4_request"),
        "20130524T000000Z",
        SeedSignature,
        SigningKeyCache.Derive(Secret, "20130524", "us-east-1", "s3"),
        SigV4Constants.StreamingSignedPayload,
        IsPresigned: false);
}
