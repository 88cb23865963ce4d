using S3Emulator.Core.Errors;
using S3Emulator.Core.Kms;

namespace S3Emulator.Server.Encryption;

/// <summary>
/// Calls KMS on S3's behalf and turns a KMS failure into the S3 error S3 reports for it
/// (<see cref="S3Errors.KmsFailure"/>). The KMS errors themselves live in Core's <c>KmsErrors</c> table.
/// </summary>
internal static class KmsFailureTranslation
{
    public static async Task<T> TranslateAsync<T>(Func<ValueTask<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (KmsException exception)
        {
            throw new S3Exception(S3Errors.KmsFailure(exception.Type, exception.StatusCode, exception.Message));
        }
    }
}
