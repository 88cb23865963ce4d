using System.Net;
using S3Emulator.Core.Policy;

namespace S3Emulator.Core.Tests.Policy;

/// <summary>
/// IpAddress / NotIpAddress read a dotted-quad <c>aws:SourceIp</c> (plain or mapped to IPv6) without
/// <see cref="IPAddress"/>; these tests hold that shortcut to what parsing the address answers, on the forms it takes and
/// on the look-alikes it must leave to the parser.
/// </summary>
public sealed class IpAddressConditionTests
{
    private static readonly string[] Networks =
    [
        "127.0.0.0/8", "10.0.0.0/8", "8.0.0.0/8", "10.20.0.0/16", "192.168.0.0/16", "203.0.113.7/24", "1.2.3.4", "0.0.0.0/0",
        "255.255.255.255/32", "::1/128", "::ffff:0:0/96", "2001:db8::/32",
    ];

    private static readonly string[] Sources =
    [
        "127.0.0.1", "10.20.3.4", "10.21.3.4", "192.168.255.1", "203.0.113.200", "1.2.3.4", "0.0.0.0", "255.255.255.255",
        "::ffff:127.0.0.1", "::FFFF:10.20.3.4", "::ffff:1.2.3.4", "::1", "2001:db8::5",
        // Forms the shortcut leaves to IPAddress: octal and hex parts, fewer parts, out of range, trailing text.
        "010.0.0.1", "010.20.3.4", "0x7f.0.0.1", "127.1", "1.2.3.04", "256.0.0.1", "1.2.3.4.5", "1.2.3", "1.2.3.", ".1.2.3",
        "1..2.3", "1.2.3.4 ", " 1.2.3.4", "1.2.3.4%1", "::ffff:", "::ffff:256.1.1.1", "", "not an address", "1111.2.3.4",
    ];

    private static ValueMatcher Ip => ConditionOperators.All["IpAddress"].Matcher;

    [Test]
    public void EveryPairOfNetworkAndSource_MatchesAsParsingTheSourceWithIPAddressDoes()
    {
        Assert.Multiple(() =>
        {
            foreach (var network in Networks)
            {
                var prepared = Ip.Prepare(PolicyText.Parse(network, variablesEnabled: false), EvaluationScope.NoVariables)!;
                Assert.That(IpMatcher.TryParseNetwork(network, out var parsed), Is.True, network);
                foreach (var source in Sources)
                {
                    Assert.That(Ip.Test(prepared, source), Is.EqualTo(ContainsByParsing(parsed, source)), $"{source} in {network}");
                }
            }
        });
    }

    [TestCase("127.0.0.1", 0x7F000001u)]
    [TestCase("::ffff:10.20.3.4", 0x0A140304u)]
    [TestCase("255.255.255.255", 0xFFFFFFFFu)]
    public void ADottedQuad_IsReadByTheShortcut(string source, uint expected)
    {
        Assert.That(IpMatcher.TryParseDottedQuad(source, out var address), Is.True);
        Assert.That(address, Is.EqualTo(expected));
    }

    [TestCase("010.0.0.1")]
    [TestCase("127.1")]
    [TestCase("0x7f.0.0.1")]
    [TestCase("1.2.3.4%1")]
    [TestCase("::1")]
    public void AnAddressInAnotherForm_IsLeftToTheParser(string source) =>
        Assert.That(IpMatcher.TryParseDottedQuad(source, out _), Is.False);

    [Test]
    public void ALoopbackSourceMappedToIPv6_IsTestedWithoutAllocating()
    {
        var prepared = Ip.Prepare(PolicyText.Parse("127.0.0.0/8", variablesEnabled: false), EvaluationScope.NoVariables)!;
        var matched = Ip.Test(prepared, "::ffff:127.0.0.1");

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            matched &= Ip.Test(prepared, "::ffff:127.0.0.1");
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(matched, Is.True);
        Assert.That(allocated, Is.Zero, "the source address is read on every request; parsing it into an IPAddress allocates");
    }

    // What IpMatcher did before its shortcut, and still does for other forms.
    private static bool ContainsByParsing(IPNetwork network, string source)
    {
        if (!IPAddress.TryParse(source, out var address))
        {
            return false;
        }

        return network.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
    }
}
