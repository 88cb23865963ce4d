namespace S3Emulator.Server.Envelope;

/// <summary>What the <see cref="FrontRouter"/> looks at: nothing is verified yet, only read.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Host">The Host header, port included when sent.</param>
/// <param name="RawTarget">The request target exactly as sent.</param>
/// <param name="AmzTarget">The <c>X-Amz-Target</c> header that JSON-protocol services (KMS) send.</param>
/// <param name="SigningService">The service named in the SigV4 credential scope (header or presigned), unverified.</param>
/// <param name="AccountIdHeader">The <c>x-amz-account-id</c> header S3 Control requests carry.</param>
internal readonly record struct RoutingFacts(
    string Method, string Host, string RawTarget, string? AmzTarget, string? SigningService, string? AccountIdHeader);
