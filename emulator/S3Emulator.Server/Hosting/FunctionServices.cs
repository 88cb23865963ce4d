using Microsoft.Extensions.DependencyInjection;
using S3Emulator.Core.Identity;
using S3Emulator.Server.Functions;
using S3Emulator.Server.Services.Admin;

namespace S3Emulator.Server.Hosting;

/// <summary>Registers the function layer: the registry, the hosts, the invoker and the admin endpoint of HTTP functions.</summary>
internal static class FunctionServices
{
    public static IServiceCollection AddS3EmulatorFunctions(this IServiceCollection services, S3EmulatorOptions options)
    {
        services.AddSingleton(sp => new FunctionRegistry(options, sp.GetRequiredService<PrincipalDirectory>()));
        services.AddHostedService<FunctionsStartupCheck>();
        services.AddSingleton<FunctionCredentialIssuer>();
        services.AddSingleton<LocalFunctionHost>();
        services.AddSingleton<HttpFunctionHost>();
        services.AddSingleton<IFunctionInvoker, FunctionInvoker>();
        services.AddSingleton<FunctionsEndpoint>();
        // One pooled client for every HTTP function. Each invocation applies the function's own timeout; the emulator
        // logs each invocation itself, so the client's per-request log lines are left out. No proxy: function URLs are
        // local (the test process, a sibling container), and a proxy from the environment would not reach them.
        services.AddHttpClient(HttpFunctionHost.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, UseCookies = false })
            .RemoveAllLoggers();
        return services;
    }
}
