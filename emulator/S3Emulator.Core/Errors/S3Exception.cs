namespace S3Emulator.Core.Errors;

/// <summary>
/// Thrown by handlers and Core code to end a request with an S3 error. Only the error-rendering
/// middleware catches it. <see cref="Details"/> become extra elements of the XML error body
/// (for example <c>BucketName</c>, <c>Key</c>, <c>StringToSign</c>); they must never hold a secret.
/// </summary>
public sealed class S3Exception : Exception
{
    public S3Exception(S3Error error, params IEnumerable<KeyValuePair<string, string>> details)
        : base(error.Message)
    {
        Error = error;
        Details = details.ToArray();
    }

    public S3Error Error { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Details { get; }

    /// <summary>Response headers S3 adds to this error (for example <c>x-amz-bucket-region</c>).</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static KeyValuePair<string, string> Detail(string name, string value) => new(name, value);
}
