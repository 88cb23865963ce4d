using Microsoft.AspNetCore.Http;
using S3Emulator.Core.Errors;
using S3Emulator.Server.Envelope;

namespace S3Emulator.Server.Tests.Envelope;

/// <summary>
/// Failures reading the client's body are the client's (IncompleteBody); the pipeline then answers every other
/// IOException as the server's own. The store-side half is <c>FileSystemStorageTests</c> in the client tests.
/// </summary>
public sealed class ClientRequestBodyTests
{
    [Test]
    public async Task ABodyWhoseConnectionBreaks_IsIncompleteBody()
    {
        var body = new ClientRequestBody(new FailingStream(new IOException("Connection reset by peer")));

        var error = await Assert.ThrowsAsync<S3Exception>(() => body.ReadAsync(new byte[16]).AsTask());

        Assert.That(error!.Error.Code, Is.EqualTo("IncompleteBody"));
    }

    [Test]
    public void ABodyShorterThanItsContentLength_IsIncompleteBody()
    {
        var body = new ClientRequestBody(new FailingStream(new BadHttpRequestException("Unexpected end of request content.")));

        var error = Assert.Throws<S3Exception>(() => body.ReadExactly(new byte[16]));

        Assert.That(error!.Error.Code, Is.EqualTo("IncompleteBody"));
    }

    [Test]
    public async Task ABodyThatStoppedArriving_IsRequestTimeout()
    {
        // What Kestrel throws when the body falls under its minimum data rate (S3EmulatorKestrelExtensions).
        var timedOut = new BadHttpRequestException("Reading the request body timed out due to data arriving too slowly.",
            StatusCodes.Status408RequestTimeout);
        var body = new ClientRequestBody(new FailingStream(timedOut));

        var error = await Assert.ThrowsAsync<S3Exception>(() => body.ReadAsync(new byte[16]).AsTask());

        Assert.That((error!.Error.Code, error.Error.StatusCode), Is.EqualTo(("RequestTimeout", 400)));
    }

    [Test]
    public async Task ACancelledRead_StaysACancellation()
    {
        var body = new ClientRequestBody(new FailingStream(new OperationCanceledException()));

        await Assert.CatchAsync<OperationCanceledException>(() => body.ReadAsync(new byte[16]).AsTask());
    }

    private sealed class FailingStream(Exception failure) : MemoryStream
    {
        public override int Read(Span<byte> buffer) => throw failure;

        public override int Read(byte[] buffer, int offset, int count) => throw failure;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromException<int>(failure);
    }
}
