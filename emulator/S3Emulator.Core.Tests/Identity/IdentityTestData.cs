using S3Emulator.Core.Encryption;
using S3Emulator.Core.Identity;

namespace S3Emulator.Core.Tests.Identity;

/// <summary>Shared claims, keys and clock for the identity and STS tests.</summary>
internal static class IdentityTestData
{
    public static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static MasterKey MasterKeyA => MasterKey.FromBytes(Enumerable.Repeat((byte)7, 32).ToArray());

    public static MasterKey MasterKeyB => MasterKey.FromBytes(Enumerable.Repeat((byte)8, 32).ToArray());

    public static SessionClaims Claims(DateTimeOffset? expiration = null, string? policy = null) => new(
        "ASIAABCDEFGHIJKLMNOP", "secretsecretsecretsecretsecretsecret1234", "123456789012",
        "arn:aws:iam::123456789012:role/reader", "reader", "AROAEXAMPLEEXAMPLE12", "s1", policy, "DevUser",
        [KeyValuePair.Create("Project", "Pegasus")], ["Project"], Now, expiration ?? Now.AddHours(1));
}
