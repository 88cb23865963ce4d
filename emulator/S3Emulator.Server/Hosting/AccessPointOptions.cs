namespace S3Emulator.Server.Hosting;

/// <summary>
/// An access point created at start-up, as S3 Control's CreateAccessPoint would create it. Configuration:
/// <c>S3Emulator__AccessPoints__0__Name</c>, <c>…__Bucket</c>, <c>…__AccountId</c>, <c>…__Policy</c> or
/// <c>…__PolicyPath</c>, <c>…__PublicAccessBlock__BlockPublicPolicy</c>. The bucket must exist by then (list it in
/// <see cref="S3EmulatorOptions.InitialBuckets"/> or keep it in the data folder).
/// </summary>
public sealed class AccessPointOptions
{
    /// <summary>The access point's name (3–50 lowercase letters, digits and hyphens).</summary>
    public string Name { get; set; } = "";

    /// <summary>The bucket it gives access to.</summary>
    public string Bucket { get; set; } = "";

    /// <summary>The owning account; empty means <see cref="S3EmulatorOptions.AccountId"/>.</summary>
    public string AccountId { get; set; } = "";

    /// <summary>The access point policy (JSON), or null for none. At most one of this and <see cref="PolicyPath"/>.</summary>
    public string? Policy { get; set; }

    /// <summary>A file holding the access point policy (relative paths from the working directory).</summary>
    public string? PolicyPath { get; set; }

    /// <summary>The access point's own Block Public Access settings; null means all four on, as AWS creates them.</summary>
    public AccessPointPublicAccessBlockOptions? PublicAccessBlock { get; set; }
}

/// <summary>An access point's Block Public Access flags in configuration; each defaults to on.</summary>
public sealed class AccessPointPublicAccessBlockOptions
{
    public bool BlockPublicAcls { get; set; } = true;
    public bool IgnorePublicAcls { get; set; } = true;
    public bool BlockPublicPolicy { get; set; } = true;
    public bool RestrictPublicBuckets { get; set; } = true;
}
