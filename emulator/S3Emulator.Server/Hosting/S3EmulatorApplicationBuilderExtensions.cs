using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using S3Emulator.Server.Envelope;

namespace S3Emulator.Server.Hosting;

/// <summary>Puts the emulator into an ASP.NET Core pipeline.</summary>
public static class S3EmulatorApplicationBuilderExtensions
{
    /// <summary>
    /// Serves every API of the emulator on this endpoint — S3, the KMS JSON API and the admin endpoints under
    /// <c>/_s3emulator/</c> — through one <see cref="RequestEnvelope"/>, each answer with <c>Server: AmazonS3</c>.
    /// Terminal: nothing after it runs.
    /// </summary>
    public static IApplicationBuilder UseS3Emulator(this IApplicationBuilder app)
    {
        app.UseMiddleware<ServerHeaderMiddleware>();
        if (app.ApplicationServices.GetRequiredService<S3EmulatorOptions>().TrustRawTargetHeader)
        {
            app.UseMiddleware<CarriedRawTargetMiddleware>();
        }
        var envelope = app.ApplicationServices.GetRequiredService<RequestEnvelope>();
        app.Run(envelope.InvokeAsync);
        return app;
    }
}
