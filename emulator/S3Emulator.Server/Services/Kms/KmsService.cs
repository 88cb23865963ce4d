using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using S3Emulator.Core.Kms;
using S3Emulator.Server.Diagnostics;
using S3Emulator.Server.Envelope;

namespace S3Emulator.Server.Services.Kms;

/// <summary>
/// Serves the KMS JSON 1.1 API (<c>POST /</c> with <c>X-Amz-Target: TrentService.*</c>) on the S3 host, so that
/// <c>AmazonKeyManagementServiceClient</c> pointed at the emulator manages the very keys SSE-KMS uses.
/// Errors are KMS JSON (<c>{"__type","message"}</c>), rendered here and only here.
/// </summary>
internal sealed class KmsService(MockKeyManagementService kms, KmsAuthentication authentication, ILogger<KmsService> logger)
    : IEmulatorService
{
    private const string TargetHeader = "X-Amz-Target";
    private const string ContentType = "application/x-amz-json-1.1";

    // KMS requests are small (Plaintext ≤ 4096 bytes, blobs ≤ 6144); anything far larger is not KMS.
    private const int MaxBodyBytes = 1024 * 1024;

    public ServiceKind Kind => ServiceKind.Kms;

    public string NewRequestId() => Guid.NewGuid().ToString("D");

    public async Task ServeAsync(ServiceExchange exchange)
    {
        var context = exchange.Http;
        var operationName = context.Request.Headers[TargetHeader].ToString()[KmsOperations.TargetPrefix.Length..];
        var known = KmsOperations.TryGet(operationName, out var operation);
        // Only the operation, caller and outcome are recorded: never plaintext, blobs or key material.
        exchange.Operation = "kms:" + (known ? operationName : "Unknown");
        var body = await SmallRequestBody.ReadAsync(context.Request, MaxBodyBytes, BodyTooLarge, context.RequestAborted).ConfigureAwait(false);
        exchange.Principal = authentication.Authenticate(context, exchange.RawTarget, body);
        if (!known)
        {
            throw new KmsException("UnknownOperationException", "");
        }

        var response = operation!(KmsJsonRequest.Parse(body), kms);
        await TextResponse.WriteAsync(context, exchange.RequestId, StatusCodes.Status200OK, ContentType, response?.ToJsonString() ?? "").ConfigureAwait(false);
    }

    public async Task<string> WriteErrorAsync(ServiceExchange exchange, Exception failure)
    {
        if (failure is not KmsException kmsFailure)
        {
            Log.UnhandledFailure(logger, failure, exchange.Operation);
            kmsFailure = new KmsException("KMSInternalException", "An internal error occurred.", 500);
        }
        var context = exchange.Http;
        var body = JsonSerializer.Serialize(new Dictionary<string, string> { ["__type"] = kmsFailure.Type, ["message"] = kmsFailure.Message });
        await TextResponse.WriteAsync(context, exchange.RequestId, kmsFailure.StatusCode, ContentType, body).ConfigureAwait(false);
        return kmsFailure.Type;
    }

    private static KmsException BodyTooLarge() =>
        new("ValidationException", $"The request body is larger than the {MaxBodyBytes} bytes any KMS request needs.");
}
