using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using S3Emulator.Core.Errors;
using S3Emulator.Server.Auth;
using S3Emulator.Server.Diagnostics;
using S3Emulator.Server.Envelope;
using S3Emulator.Server.Functions;

namespace S3Emulator.Server.Services.Admin;

/// <summary>
/// <c>/_s3emulator/functions</c>: <c>GET</c> answers the HTTP functions (function ARN → URL); <c>PUT</c> with such a JSON
/// object merges it in and answers the whole map. A PUT decides who receives decrypted objects, so it must be SigV4
/// signed (service <c>s3</c>, the body's own SHA-256) by a principal of the account of every function it names:
/// unsigned, badly signed or foreign-account requests get 403; a body that is not such an object gets 400.
/// </summary>
internal sealed class FunctionsEndpoint(FunctionRegistry registry, RequestAuthenticator authenticator, ILogger<FunctionsEndpoint> logger)
{
    /// <summary>The endpoint's path under <see cref="AdminService.Prefix"/>.</summary>
    public const string Path = "functions";

    /// <summary>The largest body accepted; a map of functions is small.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    private const string SigningName = "s3";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public async Task ServeAsync(ServiceExchange exchange)
    {
        var context = exchange.Http;
        try
        {
            if (HttpMethods.IsGet(context.Request.Method))
            {
                await context.Response.WriteAsJsonAsync(registry.HttpFunctions(), JsonOptions, exchange.Cancellation).ConfigureAwait(false);
            }
            else if (HttpMethods.IsPut(context.Request.Method))
            {
                await PutAsync(exchange).ConfigureAwait(false);
            }
            else
            {
                throw new Refusal(StatusCodes.Status405MethodNotAllowed, "The functions endpoint answers GET and PUT.");
            }
        }
        catch (Refusal refusal)
        {
            await AdminService.WriteTextAsync(context, refusal.Status, refusal.Message).ConfigureAwait(false);
        }
    }

    private async Task PutAsync(ServiceExchange exchange)
    {
        var context = exchange.Http;
        var body = await SmallRequestBody.ReadAsync(context.Request, MaxBodyBytes,
            () => new Refusal(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {MaxBodyBytes} bytes."), exchange.Cancellation)
            .ConfigureAwait(false);
        var principal = Authenticate(exchange, body);
        var functions = Parse(body);
        var foreign = functions.Keys.Where(f => f.AccountId != principal.AccountId).Select(f => f.Arn).ToList();
        if (foreign.Count > 0)
        {
            throw new Refusal(StatusCodes.Status403Forbidden,
                $"AccessDenied: {principal.Arn} may register functions of account {principal.AccountId} only, not {string.Join(", ", foreign)}.");
        }

        var map = registry.RegisterHttpFunctions(functions);
        Log.HttpFunctionsRegistered(logger, principal.Arn, string.Join(", ", functions.Select(f => $"{f.Key.CanonicalArn} → {f.Value}")));
        await context.Response.WriteAsJsonAsync(map, JsonOptions, exchange.Cancellation).ConfigureAwait(false);
    }

    private S3Principal Authenticate(ServiceExchange exchange, byte[] body)
    {
        const string how = "Sign the request with SigV4 (service s3) as a principal of the functions' account.";
        if (string.IsNullOrEmpty(exchange.Http.Request.Headers.Authorization))
        {
            throw new Refusal(StatusCodes.Status403Forbidden, $"AccessDenied: the request is not signed. {how}");
        }

        try
        {
            exchange.Principal = authenticator.AuthenticateBuffered(
                exchange.Http, exchange.RawTarget, SigningName, Convert.ToHexStringLower(SHA256.HashData(body)));
        }
        catch (S3Exception failure)
        {
            // Code and message only: the details (string to sign, canonical request) stay out of an admin answer.
            throw new Refusal(StatusCodes.Status403Forbidden, $"{failure.Error.Code}: {failure.Error.Message} {how}");
        }

        return exchange.Principal ?? throw new Refusal(StatusCodes.Status403Forbidden, $"AccessDenied: the request is not signed. {how}");
    }

    private static Dictionary<FunctionReference, Uri> Parse(byte[] body)
    {
        const string shape = "The body must be a JSON object of function ARNs (arn:aws:lambda:{region}:{account}:function:{name}) to http(s) URLs.";
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 4 });
        }
        catch (JsonException)
        {
            throw new Refusal(StatusCodes.Status400BadRequest, $"The body is not JSON. {shape}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object) throw new Refusal(StatusCodes.Status400BadRequest, shape);
            var functions = new Dictionary<FunctionReference, Uri>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!FunctionReference.TryParseFullArn(property.Name, out var function))
                {
                    throw new Refusal(StatusCodes.Status400BadRequest, $"'{property.Name}' is not a Lambda function ARN. {shape}");
                }

                if (property.Value.ValueKind != JsonValueKind.String || !RegisteredFunction.TryParseUrl(property.Value.GetString(), out var url))
                {
                    throw new Refusal(StatusCodes.Status400BadRequest, $"The URL of {property.Name} is not an absolute http or https URL. {shape}");
                }

                functions[function] = url!;
            }

            return functions;
        }
    }

    /// <summary>An answer other than 200, with its text; caught in <see cref="ServeAsync"/>, never past it.</summary>
    private sealed class Refusal(int status, string message) : Exception(message)
    {
        public int Status { get; } = status;
    }
}
