using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace S3Emulator.Core.Policy;

/// <summary>
/// How one family of condition operators compares a policy value with a request value. <see cref="Prepare"/> turns
/// the policy value into its comparable form once (at parse time when it has no variables); <see cref="Test"/> runs
/// per request and does not allocate.
/// </summary>
internal abstract class ValueMatcher
{
    /// <summary>The policy value in comparable form, or null when it cannot match anything (a variable with no value,
    /// or a value that is not a number/date).</summary>
    public virtual object? Prepare(PolicyText text, IVariableSource variables) =>
        text.TryResolve(variables, out var value) ? Parse(value) : null;

    public abstract bool Test(object prepared, string requestValue);

    /// <summary>Throws AWS's message when a constant policy value can never be valid for this operator.</summary>
    public virtual void Validate(string value)
    {
    }

    protected virtual object? Parse(string value) => value;
}

/// <summary>StringEquals / StringNotEquals (case-sensitive) and the …IgnoreCase pair.</summary>
internal sealed class StringEqualsMatcher(bool ignoreCase) : ValueMatcher
{
    public override bool Test(object prepared, string requestValue) =>
        string.Equals((string)prepared, requestValue, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}

/// <summary>StringLike / StringNotLike: case-sensitive globs.</summary>
internal sealed class StringLikeMatcher : ValueMatcher
{
    public override object? Prepare(PolicyText text, IVariableSource variables) =>
        text.TryResolvePattern(variables, ignoreCase: false, out var pattern) ? pattern : null;

    public override bool Test(object prepared, string requestValue) => ((WildcardPattern)prepared).Matches(requestValue);
}

/// <summary>Numeric…: decimal comparison; a request value that is not a number matches nothing.</summary>
internal sealed class NumericMatcher(Func<int, bool> accept) : ValueMatcher
{
    public override bool Test(object prepared, string requestValue) =>
        decimal.TryParse(requestValue, NumberStyles.Float, CultureInfo.InvariantCulture, out var request) &&
        accept(request.CompareTo((decimal)prepared));

    protected override object? Parse(string value) =>
        decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;
}

/// <summary>Date…: ISO 8601 or epoch seconds on either side.</summary>
internal sealed class DateMatcher(Func<int, bool> accept) : ValueMatcher
{
    public static bool TryParseDate(string value, out DateTimeOffset date)
    {
        if (value.Length > 0 && value.All(c => char.IsAsciiDigit(c) || c == '.') &&
            decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var epoch))
        {
            date = DateTimeOffset.UnixEpoch.AddTicks((long)(epoch * TimeSpan.TicksPerSecond));
            return true;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date);
    }

    public override bool Test(object prepared, string requestValue) =>
        TryParseDate(requestValue, out var request) && accept(request.CompareTo((DateTimeOffset)prepared));

    protected override object? Parse(string value) => TryParseDate(value, out var date) ? date : null;
}

/// <summary>Bool: "true"/"false", case-insensitive.</summary>
internal sealed class BoolMatcher : ValueMatcher
{
    public override bool Test(object prepared, string requestValue) =>
        string.Equals((string)prepared, requestValue, StringComparison.OrdinalIgnoreCase);
}

/// <summary>BinaryEquals: the policy holds base64; compared with the request value's bytes (base64 too).</summary>
internal sealed class BinaryMatcher : ValueMatcher
{
    public override bool Test(object prepared, string requestValue)
    {
        var policyValue = (string)prepared;
        try
        {
            return Convert.FromBase64String(policyValue).AsSpan().SequenceEqual(Convert.FromBase64String(requestValue));
        }
        catch (FormatException)
        {
            // Not base64 on one side: only the identical text can be the same value.
            return string.Equals(policyValue, requestValue, StringComparison.Ordinal);
        }
    }
}

/// <summary>IpAddress / NotIpAddress: IPv4 and IPv6 CIDR (a bare address is a /32 or /128).</summary>
internal sealed class IpMatcher : ValueMatcher
{
    public static bool TryParseNetwork(string value, out IPNetwork network)
    {
        network = default;
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? value : value[..slash];
        if (!IPAddress.TryParse(addressText, out var address) || address.ToString().Contains('%'))
        {
            return false;
        }

        var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefix = bits;
        if (slash >= 0 && (!int.TryParse(value.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > bits))
        {
            return false;
        }

        // AWS accepts host bits beyond the prefix (203.0.113.7/24); IPNetwork does not, so clear them.
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }

        network = new IPNetwork(new IPAddress(bytes), prefix);
        return true;
    }

    public override void Validate(string value)
    {
        if (!TryParseNetwork(value, out _))
        {
            throw PolicyErrors.Malformed(PolicyErrors.InvalidIpAddress);
        }
    }

    public override bool Test(object prepared, string requestValue)
    {
        var network = (PreparedNetwork)prepared;

        // aws:SourceIp is the client's address as the server prints it, nearly always a dotted quad or (on a dual-mode
        // socket) one mapped to IPv6: those are read here without allocating an IPAddress on every request.
        if (TryParseDottedQuad(requestValue, out var ipv4))
        {
            return network.ContainsIPv4(ipv4);
        }

        if (!IPAddress.TryParse(requestValue, out var address))
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return network.Network.Contains(address);
    }

    /// <summary>
    /// <c>a.b.c.d</c> or <c>::ffff:a.b.c.d</c> in decimal without leading zeros, the only forms read here; anything else
    /// (octal or hex parts, fewer parts, a scope, IPv6) is left to <see cref="IPAddress.TryParse(string?, out IPAddress?)"/>,
    /// so both paths agree on every address this one accepts.
    /// </summary>
    internal static bool TryParseDottedQuad(string text, out uint address)
    {
        address = 0;
        var span = text.AsSpan();
        if (span.Length > 0 && span[0] == ':' && span.StartsWith("::ffff:", StringComparison.OrdinalIgnoreCase))
        {
            span = span["::ffff:".Length..];
        }

        if (span.Length is < 7 or > 15)
        {
            return false;
        }

        var parts = 0;
        var i = 0;
        while (true)
        {
            var start = i;
            var part = 0;
            while (i < span.Length && char.IsAsciiDigit(span[i]) && i - start < 3)
            {
                part = (part * 10) + (span[i] - '0');
                i++;
            }

            var digits = i - start;
            if (digits == 0 || part > 255 || (digits > 1 && span[start] == '0'))
            {
                return false;
            }

            address = (address << 8) | (uint)part;
            if (++parts == 4)
            {
                return i == span.Length;
            }

            if (i >= span.Length || span[i] != '.')
            {
                return false;
            }

            i++;
        }
    }

    protected override object? Parse(string value) => TryParseNetwork(value, out var network) ? new PreparedNetwork(network) : null;

    /// <summary>A policy's network, with an IPv4 one also as two integers for <see cref="TryParseDottedQuad"/>'s addresses.</summary>
    private sealed class PreparedNetwork
    {
        private readonly uint _ipv4Base;
        private readonly uint _ipv4Mask;
        private readonly bool _isIPv4;

        public PreparedNetwork(IPNetwork network)
        {
            Network = network;
            _isIPv4 = network.BaseAddress.AddressFamily == AddressFamily.InterNetwork;
            if (_isIPv4)
            {
                _ipv4Mask = network.PrefixLength == 0 ? 0 : uint.MaxValue << (32 - network.PrefixLength);
                _ipv4Base = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(network.BaseAddress.GetAddressBytes()) & _ipv4Mask;
            }
        }

        public IPNetwork Network { get; }

        /// <summary>As <see cref="IPNetwork.Contains"/> for an IPv4 address: an IPv6 network contains none.</summary>
        public bool ContainsIPv4(uint address) => _isIPv4 && (address & _ipv4Mask) == _ipv4Base;
    }
}

/// <summary>
/// ArnEquals / ArnLike (and the Not forms): "each of the six colon-delimited components of the ARN is checked
/// separately and each can include" <c>*</c> and <c>?</c> (IAM guide); both operators behave the same.
/// </summary>
internal sealed class ArnMatcher : ValueMatcher
{
    public override bool Test(object prepared, string requestValue)
    {
        var parts = (WildcardPattern[])prepared;
        if (parts.Length == 1)
        {
            return parts[0].Matches(requestValue);
        }

        var start = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            var end = i == parts.Length - 1 ? requestValue.Length : requestValue.IndexOf(':', start);
            if (end < 0 || !parts[i].Matches(requestValue[start..end]))
            {
                return false;
            }

            start = end + 1;
        }

        return true;
    }

    protected override object? Parse(string value)
    {
        var segments = value.Split(':', 6);
        return segments.Length == 6
            ? segments.Select(s => WildcardPattern.Parse(s, ignoreCase: false)).ToArray()
            : new[] { WildcardPattern.Parse(value, ignoreCase: false) };
    }
}

/// <summary>Null: "true" means the key is absent, "false" that it is present (the clause handles it; no value test).</summary>
internal sealed class NullMatcher : ValueMatcher
{
    public override bool Test(object prepared, string requestValue) => false;
}
