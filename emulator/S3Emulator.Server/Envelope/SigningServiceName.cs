using System.Collections.Immutable;
using Microsoft.AspNetCore.Http;
using S3Emulator.Server.Auth.SigV4;

namespace S3Emulator.Server.Envelope;

/// <summary>
/// The service a request says it is signed for (the fourth part of its SigV4 credential scope), read without
/// verifying anything: routing needs it before any service's authenticator runs. Null when there is none to read.
/// Read in place, on slices of the header or the raw target: every request pays for it.
/// </summary>
internal static class SigningServiceName
{
    private const string HeaderComponent = "Credential=";
    private const string QueryParameter = "X-Amz-Credential=";

    // The names routing and the verifiers compare with, handed back without allocating a copy.
    private static readonly ImmutableArray<string> KnownServices = ["s3", "sts", "s3-object-lambda", "kms", "s3-control", "s3express"];

    public static string? Of(HttpRequest request, string rawTarget)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith(SigV4Constants.Algorithm, StringComparison.Ordinal))
        {
            var start = authorization.IndexOf(HeaderComponent, StringComparison.Ordinal);
            if (start < 0) return null;
            start += HeaderComponent.Length;
            var end = authorization.IndexOf(',', start);
            return ServiceOf(authorization.AsSpan(start, (end < 0 ? authorization.Length : end) - start));
        }
        var query = rawTarget.IndexOf('?');
        if (query < 0) return null;
        var pairs = rawTarget.AsSpan(query + 1);
        Span<char> unescaped = stackalloc char[256];
        foreach (var range in pairs.Split('&'))
        {
            var pair = pairs[range];
            if (pair.StartsWith(QueryParameter, StringComparison.Ordinal))
            {
                return ServiceOf(Unescaped(pair[QueryParameter.Length..], unescaped));
            }
        }
        return null;
    }

    // Uri.UnescapeDataString's decoding, into the buffer when it fits.
    private static ReadOnlySpan<char> Unescaped(ReadOnlySpan<char> value, Span<char> buffer)
    {
        if (!value.Contains('%')) return value;
        return Uri.TryUnescapeDataString(value, buffer, out var written) ? buffer[..written] : Uri.UnescapeDataString(value);
    }

    /// <summary>The fourth of exactly five non-empty <c>/</c>-separated parts whose second is an 8-digit date, as <see cref="CredentialScope.TryParse"/> reads them.</summary>
    private static string? ServiceOf(ReadOnlySpan<char> credential)
    {
        credential = credential.Trim();
        Span<Range> parts = stackalloc Range[6];
        if (credential.Split(parts, '/') != 5) return null;
        foreach (var part in parts[..5])
        {
            if (credential[part].IsEmpty) return null;
        }
        var date = credential[parts[1]];
        if (date.Length != 8 || date.ContainsAnyExceptInRange('0', '9')) return null;
        var service = credential[parts[3]];
        foreach (var known in KnownServices)
        {
            if (service.SequenceEqual(known)) return known;
        }
        return service.ToString();
    }
}
