using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace S3Emulator.Server.Functions;

/// <summary>
/// Runs an HTTP function: POSTs the event JSON to its URL and reads the answer as Lambda's Invoke API gives it — a 2xx
/// body is the return value, unless <c>X-Amz-Function-Error</c> says the function failed (its body then carries
/// <c>errorType</c>); any other status is a failed invocation. One pooled client (<see cref="FunctionHttpClients"/>)
/// serves every call. A function with a role receives its session credentials with the
/// event (<see cref="HttpFunctionCredentials"/>).
/// </summary>
internal sealed class HttpFunctionHost(FunctionHttpClients clients, FunctionCredentialIssuer credentials, TimeProvider time)
{
    /// <summary>Lambda's limit on a synchronous invocation's response payload (6 MB).</summary>
    public const int MaxPayloadBytes = 6 * 1024 * 1024;

    /// <summary>The <c>errorType</c> Lambda reports for a response over <see cref="MaxPayloadBytes"/>.</summary>
    public const string ResponseTooLargeErrorType = "Function.ResponseSizeTooLarge";

    private const string FunctionErrorHeader = "X-Amz-Function-Error";

    public async Task<HostResult> InvokeAsync(ResolvedFunction resolved, string eventJson, CancellationToken cancellationToken)
    {
        var url = resolved.Function.Url ?? throw new InvalidOperationException($"{resolved.Arn} is not an HTTP function.");
        using var timeout = new CancellationTokenSource(resolved.Function.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(eventJson)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        HttpFunctionCredentials.Apply(request.Headers, credentials.For(resolved.Function));
        try
        {
            using var response = await clients.CreateClient()
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var body = await ReadBoundedAsync(response.Content, linked.Token).ConfigureAwait(false);
            if (body is null) return HostResult.Failed(ResponseTooLargeErrorType);
            if (!response.IsSuccessStatusCode)
            {
                return HostResult.Failed(ServiceErrorType(response) ?? ErrorTypeIn(body));
            }

            return response.Headers.TryGetValues(FunctionErrorHeader, out var kind)
                ? HostResult.Failed(ErrorTypeIn(body) ?? kind.FirstOrDefault())
                : HostResult.Returned(body);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return HostResult.TimedOut;
        }
        catch (HttpRequestException failure) when (failure.HttpRequestError is
            HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError)
        {
            return HostResult.Unreachable;
        }
        catch (HttpRequestException)
        {
            // The function was reached but its answer broke off or was not HTTP: it failed without saying how.
            return HostResult.Failed(null);
        }
    }

    /// <summary>The body as text, or null when it passes <see cref="MaxPayloadBytes"/>.</summary>
    private static async Task<string?> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxPayloadBytes) return null;
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxPayloadBytes) return null;
                buffer.Write(chunk, 0, read);
            }

            return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
    }

    // Lambda's service errors name themselves in x-amzn-ErrorType ("ResourceNotFoundException:http://…").
    private static string? ServiceErrorType(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-amzn-ErrorType", out var values) && values.FirstOrDefault() is { Length: > 0 } value
            ? value.Split(':', 2)[0]
            : null;

    // A function error's body: {"errorType":"…","errorMessage":"…"}; anything else names no type.
    private static string? ErrorTypeIn(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("errorType", out var type) && type.ValueKind == JsonValueKind.String
                ? type.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
