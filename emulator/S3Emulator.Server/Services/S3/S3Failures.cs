using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using S3Emulator.Core.Errors;
using S3Emulator.Server.Diagnostics;
using S3Emulator.Server.Envelope;

namespace S3Emulator.Server.Services.S3;

/// <summary>Any failure as the S3 error S3 and S3 Control answer it with.</summary>
internal static class S3Failures
{
    public static S3Exception Translate(Exception exception, ILogger logger, string operation)
    {
        switch (exception)
        {
            case S3Exception s3:
                return s3;
            case BadHttpRequestException:
                // Only reading the request throws it: the client sent fewer bytes than it announced, or stopped sending.
                return ClientRequestBody.AsS3Error(exception);
            default:
                // A failed read of the client's body is IncompleteBody or RequestTimeout already (ClientRequestBody):
                // an IOException here is the server's own (disk full, permissions), logged and answered as S3 answers its
                // own faults.
                Log.UnhandledFailure(logger, exception, operation);
                return new S3Exception(S3Errors.InternalError);
        }
    }
}
