namespace S3Emulator.Host;

/// <summary>What <c>--help</c> prints: the switches, and where every other setting comes from.</summary>
internal static class HostHelp
{
    public const string Text = """
        S3Emulator.Host: a local S3-compatible server for integration tests.

        Usage: dotnet run --project emulator/S3Emulator.Host -- [options]
               S3Emulator.Host [options]

        Options:
          --data <dir>        keep buckets, objects, KMS keys and the TLS certificate in files in <dir>
                              (default: in memory; the certificate then lives in ~/.s3emulator)
          --http-port <n>     plain HTTP port; 0 turns HTTP off (default: 9000)
          --https-port <n>    HTTPS port; 0 turns HTTPS off (default: 9443)
          --functions <dir>   load Object Lambda functions from the .NET assemblies in <dir> and in the folders
                              directly under it: classes marked [ObjectLambdaFunction("name")]
                              (S3Emulator:FunctionsPath; docs/object-lambda.md, "Plug-in assemblies")
          --config <file>     read settings from <file>, shaped like appsettings.json (an "S3Emulator" section);
                              the environment variable S3EMULATOR_CONFIG names one too (a missing file is then no
                              error). The environment and the command line override it
          --health-check      ask the emulator running here (its port from the same settings) whether it is ready:
                              exit 0 if so, 1 if not; the image's HEALTHCHECK
          -h, --help          print this and exit

        Every other setting is a key of the "S3Emulator" configuration section, set in appsettings.json beside
        the executable, in the environment (S3Emulator__Region=eu-west-1) or on the command line
        (--S3Emulator:Region=eu-west-1): Region, AccountId, Credentials, Roles, BaseDomains, InitialBuckets,
        CertificatePath, CertificatePassword, CertificateNames, MasterKey, BlockSseCOnNewBuckets, KmsKeys, RequestLog,
        JournalCapacity, AccessPoints, ObjectLambdaAccessPoints, Functions, PublicUrl. README.md describes each.
        CertificateNames are host names the certificate covers besides localhost; in a container
        (DOTNET_RUNNING_IN_CONTAINER=true) it also covers host.docker.internal and the container's host name.
        """;

    public static bool IsRequested(IEnumerable<string> args) =>
        args.Any(a => a is "--help" or "-h" or "-?" or "/?");
}
