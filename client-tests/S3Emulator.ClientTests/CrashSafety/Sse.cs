using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;

namespace S3Emulator.ClientTests.CrashSafety;

/// <summary>How a workload encrypts: SSE-S3 (the bucket default, no header), SSE-KMS with the AWS managed key, or SSE-C with one customer key.</summary>
internal sealed class Sse
{
    private readonly string? _customerKey;

    private Sse(string name, ServerSideEncryptionMethod? method, string? customerKey)
    {
        Name = name;
        Method = method;
        _customerKey = customerKey;
    }

    public static Sse S3 { get; } = new("SSE-S3", null, null);

    public static Sse Kms { get; } = new("SSE-KMS", ServerSideEncryptionMethod.AWSKMS, null);

    /// <summary>SSE-C with a fresh 256-bit key: every object of the workload, and every read of it, uses that key.</summary>
    public static Sse NewCustomerKey() => new("SSE-C", null, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

    public string Name { get; }

    private ServerSideEncryptionMethod? Method { get; }

    /// <summary>SSE-C needs HTTPS: the SDK refuses to send a customer key in the clear.</summary>
    public bool NeedsHttps => _customerKey is not null;

    /// <summary>Whether the ETag of a single-part object is the MD5 of its bytes (SSE-S3), so it is known before the 200.</summary>
    public bool ETagIsMd5 => Method is null && _customerKey is null;

    public void ApplyTo(PutObjectRequest request)
    {
        if (Method is not null) request.ServerSideEncryptionMethod = Method;
        if (_customerKey is null) return;
        request.ServerSideEncryptionCustomerMethod = ServerSideEncryptionCustomerMethod.AES256;
        request.ServerSideEncryptionCustomerProvidedKey = _customerKey;
    }

    public void ApplyTo(InitiateMultipartUploadRequest request)
    {
        if (_customerKey is not null) throw new NotSupportedException("The multipart workload does not use SSE-C.");
        if (Method is not null) request.ServerSideEncryptionMethod = Method;
    }

    public void ApplyTo(CopyObjectRequest request)
    {
        if (_customerKey is not null) throw new NotSupportedException("The copy workload does not use SSE-C.");
        if (Method is not null) request.ServerSideEncryptionMethod = Method;
    }

    public void ApplyTo(GetObjectRequest request)
    {
        if (_customerKey is null) return;
        request.ServerSideEncryptionCustomerMethod = ServerSideEncryptionCustomerMethod.AES256;
        request.ServerSideEncryptionCustomerProvidedKey = _customerKey;
    }

    public void ApplyTo(GetObjectMetadataRequest request)
    {
        if (_customerKey is null) return;
        request.ServerSideEncryptionCustomerMethod = ServerSideEncryptionCustomerMethod.AES256;
        request.ServerSideEncryptionCustomerProvidedKey = _customerKey;
    }
}
