namespace S3Emulator.Server.Envelope;

/// <summary>
/// One API the emulator serves. The <see cref="RequestEnvelope"/> gives it a request with an id; the service
/// classifies, authenticates (with the shared <see cref="Auth.RequestAuthenticator"/> and its signing name),
/// resolves, authorizes and answers it, and throws on failure; the envelope then asks it to render the failure in
/// its own error shape, and records the exchange.
/// </summary>
internal interface IEmulatorService
{
    ServiceKind Kind { get; }

    /// <summary>Whether requests are journaled and logged (the admin endpoints that read the journal are not).</summary>
    bool IsRecorded => true;

    /// <summary>A request id in this service's format (S3: 16 hex characters; JSON and query services: a GUID).</summary>
    string NewRequestId();

    Task ServeAsync(ServiceExchange exchange);

    /// <summary>
    /// Writes <paramref name="failure"/> as this service's error response (S3 XML, S3 Control XML, JSON, query
    /// XML) and returns the error code to record. Only called while the response has not started, after the envelope
    /// cleared what the service had set.
    /// </summary>
    Task<string> WriteErrorAsync(ServiceExchange exchange, Exception failure);
}
