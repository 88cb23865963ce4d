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
        // The functions' own client, made on the first invocation; not AddHttpClient, whose registration alone loads
        // System.Net.Http into every host.
        services.AddSingleton<FunctionHttpClients>();
        services.AddSingleton<HttpFunctionHost>();
        services.AddSingleton<IFunctionInvoker, FunctionInvoker>();
        services.AddSingleton<FunctionsEndpoint>();
        return services;
    }
}
