using System.Net;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using S3Emulator.Server.Hosting;
using S3Emulator.Testing;

namespace S3Emulator.ClientTests.Sts;

/// <summary>Session tokens are sealed under the master key: they outlive a restart exactly when the master key does.</summary>
public sealed class SessionRestartTests
{
    private static Action<S3EmulatorOptions> Configure(byte masterKeyByte) => options =>
    {
        options.MasterKey = Convert.ToBase64String(Enumerable.Repeat(masterKeyByte, 32).ToArray());
        options.Credentials.Add(new() { AccessKeyId = "AKIAALICE", SecretAccessKey = "alice-secret", UserName = "alice" });
        options.Roles.Add(new()
        {
            Name = "reader",
            TrustPolicy = new() { Document = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:user/alice"},"Action":"sts:AssumeRole"}]}""" },
        });
    };

    private static async Task<Credentials> AssumeOnAFirstEmulatorAsync()
    {
        await using var first = await S3EmulatorServer.StartAsync(Configure(1));
        using var sts = first.CreateStsClient(new BasicAWSCredentials("AKIAALICE", "alice-secret"));
        return (await sts.AssumeRoleAsync(new() { RoleArn = "arn:aws:iam::123456789012:role/reader", RoleSessionName = "s1" })).Credentials;
    }

    [Test]
    public async Task ASession_WorksAfterARestartWithTheSameMasterKey()
    {
        var session = await AssumeOnAFirstEmulatorAsync();
        await using var restarted = await S3EmulatorServer.StartAsync(Configure(1));
        using var sts = restarted.CreateStsClient(session);

        var identity = await sts.GetCallerIdentityAsync(new());

        Assert.That(identity.Arn, Is.EqualTo("arn:aws:sts::123456789012:assumed-role/reader/s1"));
    }

    [Test]
    public async Task ASession_IsInvalidUnderAnotherMasterKey()
    {
        var session = await AssumeOnAFirstEmulatorAsync();
        await using var other = await S3EmulatorServer.StartAsync(Configure(2));
        using var sts = other.CreateStsClient(session);

        var error = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => sts.GetCallerIdentityAsync(new()));

        Assert.That((error!.StatusCode, error.ErrorCode), Is.EqualTo((HttpStatusCode.Forbidden, "InvalidClientTokenId")));
    }
}
