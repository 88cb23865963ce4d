using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace S3Emulator.Server.Tests.Functions;

/// <summary>A tiny Kestrel server on a loopback port that plays an HTTP function, and what it received.</summary>
internal sealed class FunctionHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FunctionHttpServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>Each request: method, Content-Type and body.</summary>
    public ConcurrentQueue<(string Method, string? ContentType, string Body)> Received { get; } = new();

    public static async Task<FunctionHttpServer> StartAsync(Func<HttpContext, Task> answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FunctionHttpServer? server = null;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            server!.Received.Enqueue((context.Request.Method, context.Request.ContentType, await reader.ReadToEndAsync(context.RequestAborted)));
            await answer(context);
        });
        await app.StartAsync();
        server = new FunctionHttpServer(app, new Uri(app.Urls.Single() + "/fn"));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
    }
}
