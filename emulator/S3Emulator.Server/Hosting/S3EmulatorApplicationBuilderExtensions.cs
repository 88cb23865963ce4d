using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using S3Emulator.Server.Envelope;
using S3Emulator.Server.Services.Admin;
using S3Emulator.Server.Services.Kms;
using S3Emulator.Server.Services.S3;

namespace S3Emulator.Server.Hosting;

/// <summary>Puts the emulator into an ASP.NET Core pipeline.</summary>
public static class S3EmulatorApplicationBuilderExtensions
{
    /// <summary>
    /// Serves the admin endpoints under <c>/_s3emulator/</c> (a path no bucket can have: bucket names
    /// cannot contain <c>_</c>), the KMS JSON API (requests with <c>X-Amz-Target: TrentService.*</c>, a header
    /// S3 never uses) and every other request as S3, each answer with <c>Server: AmazonS3</c>.
    /// Terminal: nothing after it runs.
    /// </summary>
    public static IApplicationBuilder UseS3Emulator(this IApplicationBuilder app)
    {
        app.UseMiddleware<ServerHeaderMiddleware>();
        if (app.ApplicationServices.GetRequiredService<S3EmulatorOptions>().TrustRawTargetHeader)
        {
            app.UseMiddleware<CarriedRawTargetMiddleware>();
        }
        app.UseMiddleware<AdminEndpointsMiddleware>();
        app.UseMiddleware<KmsApiMiddleware>();
        app.Run(context => context.RequestServices.GetRequiredService<S3RequestPipeline>().InvokeAsync(context));
        return app;
    }
}
