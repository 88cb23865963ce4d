using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using S3Emulator.Core.Encryption;
using S3Emulator.Core.Identity;
using S3Emulator.Core.Kms;
using S3Emulator.Core.Storage;
using S3Emulator.Core.Sts;
using S3Emulator.Server.Auth;
using S3Emulator.Server.Authorization;
using S3Emulator.Server.Diagnostics;
using S3Emulator.Server.Encryption;
using S3Emulator.Server.Envelope;
using S3Emulator.Server.Services.Admin;
using S3Emulator.Server.Services.Control;
using S3Emulator.Server.Services.Kms;
using S3Emulator.Server.Services.ObjectLambda;
using S3Emulator.Server.Services.S3;
using S3Emulator.Server.Services.Sts;
using S3Emulator.Server.Services.S3.Routing;

namespace S3Emulator.Server.Hosting;

/// <summary>Registers the emulator's services; pair with <see cref="S3EmulatorApplicationBuilderExtensions.UseS3Emulator"/>.</summary>
public static class S3EmulatorServiceCollectionExtensions
{
    public static IServiceCollection AddS3Emulator(this IServiceCollection services, Action<S3EmulatorOptions>? configure = null)
    {
        var options = new S3EmulatorOptions();
        configure?.Invoke(options);
        services.AddSingleton(options);
        services.TryAddSingleton(options.Clock ?? TimeProvider.System);
        services.TryAddSingleton<IObjectStore>(_ => options.DataPath is { Length: > 0 } path
            ? new FileSystemObjectStore(path)
            : new InMemoryObjectStore());
        // Account-level S3 Control state (Block Public Access, access points) lives beside the buckets, not in them.
        services.TryAddSingleton<IAccountStore>(_ => options.DataPath is { Length: > 0 } accountPath
            ? new FileSystemAccountStore(Path.Combine(accountPath, "control"))
            : new InMemoryAccountStore());
        services.AddSingleton(new S3RequestClassifier(options.BaseDomains));
        services.AddSingleton(new CredentialStore(options.EffectiveCredentials.Select(c => new S3Credential(
            c.AccessKeyId, c.SecretAccessKey, c.AccountId is { Length: > 0 } account ? account : options.AccountId,
            c.UserName is { Length: > 0 } user ? user : S3Principal.RootUserName))));
        services.AddSingleton(_ => PrincipalConfiguration.Build(options));
        services.AddHostedService<PrincipalsStartupCheck>();
        // Session tokens are sealed under the master key, so they outlive a restart exactly when stored objects do.
        services.AddSingleton(sp => new SessionTokenSealer(sp.GetRequiredService<MasterKey>()));
        services.AddSingleton(sp => new SessionTokenVerification(sp.GetRequiredService<SessionTokenSealer>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new CallerGrants(sp.GetRequiredService<PolicyCache>().Get));
        services.TryAddSingleton<IStsPolicyChecks>(sp => new PolicyEngineStsChecks(
            sp.GetRequiredService<CallerGrants>(), sp.GetRequiredService<PolicyCache>().Get));
        services.AddSingleton(sp => new SecurityTokenService(sp.GetRequiredService<PrincipalDirectory>(), sp.GetRequiredService<SessionTokenSealer>(),
            sp.GetRequiredService<IStsPolicyChecks>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<StsAuthentication>();
        services.AddSingleton(sp => new RequestAuthenticator(
            sp.GetRequiredService<CredentialStore>(), sp.GetRequiredService<TimeProvider>(), options.Region, options.SignatureV2,
            sp.GetRequiredService<SessionTokenVerification>(), sp.GetRequiredService<PrincipalDirectory>()));
        services.AddSingleton(new RequestJournal(options.JournalCapacity));
        services.AddSingleton(new FrontRouter(options.BaseDomains));
        services.AddSingleton<RequestEnvelope>();
        services.AddSingleton<S3Service>();
        services.AddSingleton<IEmulatorService>(sp => sp.GetRequiredService<S3Service>());
        services.AddSingleton<IEmulatorService, ObjectLambdaService>();
        services.AddSingleton<ObjectLambdaAuthorizer>();
        services.AddSingleton<OutputRoutes>();
        services.AddSingleton<TransformedRequests>();
        services.AddSingleton<WriteGetObjectResponseHandler>();
        services.AddSingleton(sp => new ForwardedCredentials(sp.GetRequiredService<SessionTokenSealer>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IEmulatorService, KmsService>();
        services.AddSingleton<IEmulatorService, ControlService>();
        services.AddSingleton<ControlAuthorizer>();
        services.AddSingleton<AccessPointResolver>();
        services.AddSingleton<IEmulatorService, AdminService>();
        services.AddS3EmulatorFunctions(options);
        services.AddSingleton<IEmulatorService, StsService>();
        // One KMS per emulator: the KMS JSON API and SSE-KMS share it. Keys persist beside the store's data.
        services.TryAddSingleton(sp => new MockKeyManagementService(
            options.Region, options.AccountId, sp.GetRequiredService<TimeProvider>(),
            options.DataPath is { Length: > 0 } dataPath ? Path.Combine(dataPath, "kms") : null,
            options.KmsKeys.Select(k => k.ToSeed())));
        services.TryAddSingleton<IKeyManagementService>(sp => sp.GetRequiredService<MockKeyManagementService>());
        services.TryAddSingleton(_ => MasterKey.LoadOrCreate(options.DataPath is { Length: > 0 } folder ? folder : null, options.MasterKey));
        services.AddSingleton<ObjectEncryptor>();
        services.AddSingleton<PolicyCache>();
        services.AddSingleton<CallerPolicies>();
        services.AddSingleton<AccessAuthorizer>();
        services.AddSingleton<KmsKeyPermissions>();
        services.AddSingleton<S3RequestAuthorizer>();
        services.AddSingleton(sp => new KmsAuthentication(sp.GetRequiredService<RequestAuthenticator>(), options.Region));
        services.AddHostedService<InitialBucketsSeeder>();
        // After the buckets: an access point needs its bucket.
        services.AddHostedService<AccessPointsSeeder>();
        // After the access points: an Object Lambda access point needs its supporting access point.
        services.AddHostedService<ObjectLambdaAccessPointsSeeder>();
        return services;
    }
}
