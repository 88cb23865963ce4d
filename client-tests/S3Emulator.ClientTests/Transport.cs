namespace S3Emulator.ClientTests;

/// <summary>How a test reaches the emulator. Every scenario runs over each of them.</summary>
public enum Transport
{
    /// <summary>TestServer inside the test process: no sockets.</summary>
    InProcess,

    /// <summary>Kestrel on 127.0.0.1, plain HTTP.</summary>
    LoopbackHttp,

    /// <summary>Kestrel on 127.0.0.1, HTTPS with the emulator's self-signed certificate.</summary>
    LoopbackHttps,
}
