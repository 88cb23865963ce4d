namespace S3Emulator.Server.Services.S3.Routing;

/// <summary>What a request addresses: the service, a bucket, or an object in a bucket.</summary>
public enum ResourceLevel
{
    Service,
    Bucket,
    Object,
}
