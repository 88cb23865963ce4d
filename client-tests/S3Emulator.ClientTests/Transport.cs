namespace S3Emulator.ClientTests;

/// <summary>How a test reaches the emulator. Every scenario runs over each of them.</summary>
public enum Transport
{
    /// <summary>TestServer inside the test process: no sockets.</summary>
    InProcess,
}
