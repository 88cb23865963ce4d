namespace S3Emulator.Core.Kms;

/// <summary>
/// A KMS error with KMS's own type name (<c>NotFoundException</c>, <c>DisabledException</c>,
/// <c>KMSInvalidStateException</c>, <c>InvalidCiphertextException</c>, …). The KMS API renders it as
/// <c>{"__type": Type, "message": Message}</c>; S3 reports it as the S3 error code <c>KMS.</c> + Type.
/// </summary>
public sealed class KmsException(string type, string message, int statusCode = 400) : Exception(message)
{
    public string Type { get; } = type;

    public int StatusCode { get; } = statusCode;
}
