namespace S3Emulator.Server.Hosting;

/// <summary>
/// Everything that configures one emulator. Bound from the <c>S3Emulator</c> configuration section
/// (environment: <c>S3Emulator__Region</c>, …); the in-process fixture sets the same properties in code.
/// </summary>
public sealed class S3EmulatorOptions
{
    public const string SectionName = "S3Emulator";

    /// <summary>The region buckets live in and requests are signed for.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>The account that owns the default credentials.</summary>
    public string AccountId { get; set; } = "123456789012";

    /// <summary>Access keys the emulator accepts. When empty, the AWS documentation example key pair is accepted.</summary>
    public List<S3CredentialOptions> Credentials { get; set; } = [];

    /// <summary>IAM roles that credentials can assume through STS (<c>AssumeRole</c> on the same endpoint).</summary>
    public List<RoleOptions> Roles { get; set; } = [];

    /// <summary>
    /// Host names under which virtual-hosted-style requests (<c>bucket.localhost</c>) are recognised,
    /// besides the AWS patterns (<c>bucket.s3.us-east-1.amazonaws.com</c>).
    /// </summary>
    public List<string> BaseDomains { get; set; } = ["localhost"];

    /// <summary>Folder of the file-system store; null keeps everything in memory.</summary>
    public string? DataPath { get; set; }

    /// <summary>
    /// A PKCS#12 (.pfx) file with the TLS server certificate and its key, for a host that serves HTTPS.
    /// When null, the host creates a self-signed certificate (kept in <see cref="DataPath"/> when set).
    /// </summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of <see cref="CertificatePath"/>; null when the file has none.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// Host names the self-signed certificate covers besides <c>localhost</c>, the base domains and the initial
    /// buckets' virtual hosts: each exactly as given (no wildcard), e.g. <c>s3emulator</c> for a compose service or
    /// <c>host.docker.internal</c>. A changed list gives a new certificate. Not used with <see cref="CertificatePath"/>.
    /// </summary>
    public List<string> CertificateNames { get; set; } = [];

    /// <summary>
    /// The SSE-S3 master key as base64 of 32 bytes. When unset it is kept in <c>s3emulator-master.key</c>
    /// in <see cref="DataPath"/> (created on first start), or held in memory when there is no data folder.
    /// </summary>
    public string? MasterKey { get; set; }

    /// <summary>Buckets created at start-up, owned by <see cref="AccountId"/>.</summary>
    public List<string> InitialBuckets { get; set; } = [];

    /// <summary>Access points created at start-up, after <see cref="InitialBuckets"/>.</summary>
    public List<AccessPointOptions> AccessPoints { get; set; } = [];

    /// <summary>Object Lambda access points created at start-up, after <see cref="AccessPoints"/>.</summary>
    public List<ObjectLambdaAccessPointOptions> ObjectLambdaAccessPoints { get; set; } = [];

    /// <summary>The Lambda functions Object Lambda access points may name: HTTP functions, and handlers set in code.</summary>
    public List<FunctionOptions> Functions { get; set; } = [];

    /// <summary>A folder of plug-in assemblies whose transforms the executable hosts as functions; null for none.</summary>
    public string? FunctionsPath { get; set; }

    /// <summary>
    /// The URL functions reach the emulator by (the host of <c>inputS3Url</c>, the endpoint of local functions' clients),
    /// e.g. <c>https://host.docker.internal:9443</c>. Null: the scheme, base domain and port the request arrived on.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// Whether new buckets block SSE-C writes (<c>BlockedEncryptionTypes</c> = <c>SSE-C</c>), as Amazon S3 does
    /// for new general-purpose buckets since April 2026. Set false for the older behaviour.
    /// </summary>
    public bool BlockSseCOnNewBuckets { get; set; } = true;

    /// <summary>
    /// Requests signed with Signature Version 2: <see cref="SignatureV2Mode.Reject"/> (default, as S3 answers for
    /// buckets created since June 2020) or <see cref="SignatureV2Mode.Accept"/> (verified, as legacy buckets do).
    /// </summary>
    public SignatureV2Mode SignatureV2 { get; set; } = SignatureV2Mode.Reject;

    /// <summary>KMS keys created at start-up (with fixed ids, aliases or key material when given).</summary>
    public List<KmsKeyOptions> KmsKeys { get; set; } = [];

    /// <summary>
    /// Whether every served request is logged at Information: method, target without signature parameters,
    /// operation, status, error code, principal, milliseconds (never a secret). On for the executable; the
    /// in-process fixture turns it off, its journal serves tests better.
    /// </summary>
    public bool RequestLog { get; set; } = true;

    /// <summary>
    /// Whether AccessDenied messages also name the policy and statement that decided (or say that none allowed), after
    /// AWS's own sentence. Off for the executable, as AWS says no more; the in-process fixture turns it on. The journal
    /// records the decision either way.
    /// </summary>
    public bool ExplainDenials { get; set; }

    /// <summary>How many journal entries are kept; older ones are dropped first.</summary>
    public int JournalCapacity { get; set; } = 10_000;

    /// <summary>
    /// The clock the emulator reads (signature skew, presigned URL and session expiry, timestamps); null is the system
    /// clock. For tests in the same process, which move it to let a session or a presigned URL expire; not configurable.
    /// </summary>
    public TimeProvider? Clock { get; set; }

    /// <summary>
    /// Lets the in-process fixture carry the exact request target in a header, because TestServer
    /// cannot pass through the non-canonical URIs that AWSSDK.S3 builds. Never set on a network host.
    /// </summary>
    internal bool TrustRawTargetHeader { get; set; }

    internal IEnumerable<S3CredentialOptions> EffectiveCredentials =>
        Credentials.Count > 0 ? Credentials : [S3CredentialOptions.Default(AccountId)];
}

/// <summary>One access key pair and who it belongs to.</summary>
public sealed class S3CredentialOptions
{
    public const string DefaultAccessKeyId = "AKIAIOSFODNN7EXAMPLE";
    public const string DefaultSecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    public string AccessKeyId { get; set; } = "";
    public string SecretAccessKey { get; set; } = "";

    /// <summary>The owning account; empty means <see cref="S3EmulatorOptions.AccountId"/>.</summary>
    public string AccountId { get; set; } = "";

    /// <summary>The IAM user name; empty means the account's root user.</summary>
    public string UserName { get; set; } = "";

    /// <summary>The IAM user's identity policies (not for the root user, which needs none). Give them on one of the user's keys.</summary>
    public List<PolicyOptions> Policies { get; set; } = [];

    internal static S3CredentialOptions Default(string accountId) => new()
    {
        AccessKeyId = DefaultAccessKeyId,
        SecretAccessKey = DefaultSecretAccessKey,
        AccountId = accountId,
    };
}
