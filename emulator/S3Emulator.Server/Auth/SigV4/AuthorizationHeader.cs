namespace S3Emulator.Server.Auth.SigV4;

/// <summary>
/// <c>AWS4-HMAC-SHA256 Credential=AKID/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=&lt;hex&gt;</c>.
/// </summary>
internal sealed record AuthorizationHeader(CredentialScope Credential, IReadOnlyList<string> SignedHeaders, string Signature)
{
    /// <summary>Parses the header or throws the S3 error for it (unsupported scheme, malformed components).</summary>
    public static AuthorizationHeader Parse(string value)
    {
        var trimmed = value.Trim();
        if (!trimmed.StartsWith(SigV4Constants.Algorithm + " ", StringComparison.Ordinal))
        {
            throw AuthErrors.UnsupportedAuthorization();
        }

        string? credential = null, signedHeaders = null, signature = null;
        foreach (var component in trimmed[(SigV4Constants.Algorithm.Length + 1)..].Split(','))
        {
            var part = component.Trim();
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw AuthErrors.HeaderMalformed($"the authorization component \"{part}\" is malformed.");
            }

            var name = part[..equals];
            var componentValue = part[(equals + 1)..];
            switch (name)
            {
                case "Credential": credential = componentValue; break;
                case "SignedHeaders": signedHeaders = componentValue; break;
                case "Signature": signature = componentValue; break;
                default: throw AuthErrors.HeaderMalformed($"the authorization component \"{part}\" is malformed.");
            }
        }

        if (credential is null || signedHeaders is null || signature is null)
        {
            throw AuthErrors.HeaderMalformed("the authorization header requires three components: Credential, SignedHeaders, and Signature.");
        }

        if (!CredentialScope.TryParse(credential, out var scope))
        {
            throw new Core.Errors.S3Exception(Core.Errors.S3Errors.AuthorizationHeaderMalformed(AuthErrors.MalformedCredentialHeader));
        }

        return new AuthorizationHeader(scope, SignedHeaderList.Parse(signedHeaders), signature);
    }
}
