namespace S3Emulator.ClientTests;

/// <summary>
/// How a test reaches the emulator. Every scenario runs over the first three; those <see cref="ContainerScenarios"/>
/// lists also over <see cref="Container"/>.
/// </summary>
public enum Transport
{
    /// <summary>TestServer inside the test process: no sockets.</summary>
    InProcess,

    /// <summary>Kestrel on 127.0.0.1, plain HTTP.</summary>
    LoopbackHttp,

    /// <summary>Kestrel on 127.0.0.1, HTTPS with the emulator's self-signed certificate.</summary>
    LoopbackHttps,

    /// <summary>
    /// The image <c>s3emulator:local</c> started by the Testcontainers module, one container per fixture: plain HTTP
    /// to its published port (SecureS3 over its HTTPS port). Needs Docker (<c>DockerRequirement</c>).
    /// </summary>
    Container,
}
