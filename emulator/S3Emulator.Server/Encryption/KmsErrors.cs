using S3Emulator.Core.Errors;
using S3Emulator.Core.Kms;

namespace S3Emulator.Server.Encryption;

/// <summary>How S3 reports a KMS failure to its own caller: an S3 error coded <c>KMS.</c> + the KMS type.</summary>
internal static class KmsErrors
{
    private static S3Exception AsS3(KmsException exception) =>
        new(new S3Error("KMS." + exception.Type, exception.StatusCode >= 500 ? 500 : 400, exception.Message));

    public static async Task<T> TranslateAsync<T>(Func<ValueTask<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (KmsException exception)
        {
            throw AsS3(exception);
        }
    }
}
