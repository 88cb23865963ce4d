using S3Emulator.Server.Services.S3.Handlers.Objects;

namespace S3Emulator.Server.Tests.Services.S3.Handlers.Objects;

public sealed class UserMetadataValueTests
{
    [TestCase("plain value", "plain value")]
    [TestCase("=?UTF-8?B?R3LDvMOfZQ==?=", "Grüße")]
    [TestCase("=?utf-8?q?Gr=C3=BC=C3=9Fe_x?=", "Grüße x")]
    [TestCase("=?ISO-8859-1?Q?Z=FCrich?=", "Zürich")]
    [TestCase("a =?UTF-8?B?w6k=?= b", "a é b")]
    [TestCase("=?UTF-8?B?w6k=?= =?UTF-8?B?w6k=?=", "éé")]
    [TestCase("=?UTF-8?B?not base64!?=", "=?UTF-8?B?not base64!?=")]
    [TestCase("=?KOI8-R?B?w6k=?=", "=?KOI8-R?B?w6k=?=")]
    [TestCase("=?UTF-8?X?abc?=", "=?UTF-8?X?abc?=")]
    [TestCase("=?UTF-8?B?/w==?=", "=?UTF-8?B?/w==?=")]
    [TestCase("x=?y", "x=?y")]
    [TestCase("=?UTF-8?Q?a=C?=", "=?UTF-8?Q?a=C?=")]
    public void Decode_DecodesRfc2047EncodedWords_AndLeavesEverythingElseAsSent(string sent, string stored) =>
        Assert.That(UserMetadataValue.Decode(sent), Is.EqualTo(stored));

    [TestCase("plain value ~!", "plain value ~!")]
    [TestCase("Grüße", "=?UTF-8?B?R3LDvMOfZQ==?=")]
    [TestCase("中", "=?UTF-8?B?5Lit?=")]
    [TestCase("line\nbreak", "=?UTF-8?B?bGluZQpicmVhaw==?=")]
    public void Encode_LeavesPrintableAsciiAlone_AndEncodesAnythingElseAsUtf8Base64(string stored, string sent) =>
        Assert.That(UserMetadataValue.Encode(stored), Is.EqualTo(sent));
}
