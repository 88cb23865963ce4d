namespace S3Emulator.Server.Hosting;

/// <summary>
/// An Object Lambda access point created at start-up, as S3 Control's CreateAccessPointForObjectLambda would create it.
/// Configuration: <c>S3Emulator__ObjectLambdaAccessPoints__0__Name</c>, <c>…__SupportingAccessPoint</c>,
/// <c>…__AllowedFeatures__0</c>, <c>…__TransformationConfigurations__0__Actions__0</c>,
/// <c>…__TransformationConfigurations__0__FunctionArn</c>, <c>…__Policy</c> or <c>…__PolicyPath</c>. The supporting
/// access point must exist by then (list it in <see cref="S3EmulatorOptions.AccessPoints"/>).
/// </summary>
public sealed class ObjectLambdaAccessPointOptions
{
    /// <summary>The name (3–45 lowercase letters, digits and hyphens).</summary>
    public string Name { get; set; } = "";

    /// <summary>The owning account; empty means <see cref="S3EmulatorOptions.AccountId"/>.</summary>
    public string AccountId { get; set; } = "";

    /// <summary>The supporting access point: its ARN, or the name of an access point of the same account.</summary>
    public string SupportingAccessPoint { get; set; } = "";

    /// <summary>Kept and returned by GetAccessPointConfigurationForObjectLambda.</summary>
    public bool CloudWatchMetricsEnabled { get; set; }

    /// <summary><c>GetObject-Range</c>, <c>GetObject-PartNumber</c>, <c>HeadObject-Range</c>, <c>HeadObject-PartNumber</c>.</summary>
    public List<string> AllowedFeatures { get; set; } = [];

    /// <summary>Which actions run which function (at least one).</summary>
    public List<ObjectLambdaTransformationOptions> TransformationConfigurations { get; set; } = [];

    /// <summary>The Object Lambda access point policy (JSON), or null for none. At most one of this and <see cref="PolicyPath"/>.</summary>
    public string? Policy { get; set; }

    /// <summary>A file holding the policy (relative paths from the working directory).</summary>
    public string? PolicyPath { get; set; }
}

/// <summary>One transformation in configuration: the actions and the function that transforms them.</summary>
public sealed class ObjectLambdaTransformationOptions
{
    /// <summary><c>GetObject</c>, <c>HeadObject</c>, <c>ListObjects</c>, <c>ListObjectsV2</c>.</summary>
    public List<string> Actions { get; set; } = [];

    /// <summary>The function: an ARN or a name of a <see cref="S3EmulatorOptions.Functions"/> entry.</summary>
    public string FunctionArn { get; set; } = "";

    /// <summary>Handed to the function unchanged as the event's <c>configuration.payload</c>.</summary>
    public string? FunctionPayload { get; set; }
}
