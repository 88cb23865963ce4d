using S3Emulator.Server.Auth.SigV4;

namespace S3Emulator.Server.Tests.Auth.SigV4;

public sealed class WithheldSecretsTests
{
    [TestCase("x-amz-server-side-encryption-customer-key:c2VjcmV0", "x-amz-server-side-encryption-customer-key:(withheld)")]
    [TestCase("x-amz-copy-source-server-side-encryption-customer-key:c2VjcmV0", "x-amz-copy-source-server-side-encryption-customer-key:(withheld)")]
    [TestCase("X-Amz-Date=20260101T000000Z&x-amz-server-side-encryption-customer-key=c2VjcmV0",
        "X-Amz-Date=20260101T000000Z&x-amz-server-side-encryption-customer-key=(withheld)")]
    [TestCase("x-amz-server-side-encryption%2Dcustomer-key=c2VjcmV0", "x-amz-server-side-encryption%2Dcustomer-key=(withheld)")]
    public void From_WithholdsEveryCustomerKey(string line, string expected) =>
        Assert.That(WithheldSecrets.From("PUT\n/b/k\n" + line + "\nhost:localhost"), Is.EqualTo("PUT\n/b/k\n" + expected + "\nhost:localhost"));

    [TestCase("x-amz-server-side-encryption-customer-key-md5:bWQ1")]
    [TestCase("x-amz-meta-note:customer-key=not-a-header")]
    [TestCase("partNumber=1&uploadId=abc")]
    public void From_LeavesEverythingElseAsIs(string line) =>
        Assert.That(WithheldSecrets.From("GET\n" + line), Is.EqualTo("GET\n" + line));
}
