using System.Text;
using S3Emulator.Core.Kms;

namespace S3Emulator.Core.Tests.Kms;

internal static class KmsTestKit
{
    public const string Region = "eu-west-1";
    public const string Account = "111122223333";
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static MockKeyManagementService Create(TimeProvider? time = null, string? folder = null, params KmsKeySeed[] seeds) =>
        new(Region, Account, time ?? new ManualTimeProvider(Start), folder, seeds);

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    public static KmsException Throws(Action action)
    {
        var exception = Assert.Throws<KmsException>(action);
        return exception!;
    }
}
