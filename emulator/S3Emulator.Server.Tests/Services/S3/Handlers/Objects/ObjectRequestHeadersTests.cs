using S3Emulator.Server.Services.S3.Handlers.Objects;

namespace S3Emulator.Server.Tests.Services.S3.Handlers.Objects;

public sealed class ObjectRequestHeadersTests
{
    [TestCase("aws-chunked, deflate, gzip", "deflate, gzip")]
    [TestCase("deflate, gzip, aws-chunked", "deflate, gzip")]
    [TestCase("deflate, aws-chunked, gzip", "deflate, gzip")]
    [TestCase("gzip,aws-chunked", "gzip")]
    [TestCase("aws-chunked,deflate,gzip", "deflate,gzip")]
    [TestCase("AWS-Chunked , gzip", "gzip")]
    [TestCase("gzip", "gzip")]
    [TestCase("identity", "identity")]
    public void StripAwsChunked_KeepsTheOtherCodingsExactlyAsSent(string sent, string stored) =>
        Assert.That(ObjectRequestHeaders.StripAwsChunked(sent), Is.EqualTo(stored));

    [TestCase("aws-chunked")]
    [TestCase(" aws-chunked ")]
    [TestCase(null)]
    public void StripAwsChunked_OfNothingButAwsChunked_StoresNoContentEncoding(string? sent) =>
        Assert.That(ObjectRequestHeaders.StripAwsChunked(sent), Is.Null);
}
