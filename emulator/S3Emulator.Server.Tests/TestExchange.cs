using Microsoft.AspNetCore.Http;
using S3Emulator.Server.Envelope;

namespace S3Emulator.Server.Tests;

/// <summary>An S3 exchange around a hand-made <see cref="HttpContext"/>, as the envelope would create it.</summary>
internal static class TestExchange
{
    public static ServiceExchange For(HttpContext http) =>
        new(http, ServiceKind.S3, http.Request.Path.ToUriComponent() + http.Request.QueryString.ToUriComponent(), "TESTREQUESTID0000");
}
