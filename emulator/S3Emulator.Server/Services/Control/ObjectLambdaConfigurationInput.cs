namespace S3Emulator.Server.Services.Control;

/// <summary>
/// An Object Lambda configuration as a client or the configuration file states it, before any check: the strings
/// as written. <see cref="ObjectLambdaConfigurationRules"/> turns it into the model or refuses it, for the S3 Control
/// handlers and the start-up seeding alike.
/// </summary>
/// <param name="SupportingAccessPoint">The supporting access point's ARN; null when absent.</param>
/// <param name="CloudWatchMetricsEnabled">Kept and returned.</param>
/// <param name="AllowedFeatures">The <c>AllowedFeature</c> values as written.</param>
/// <param name="Transformations">The <c>TransformationConfiguration</c> entries.</param>
internal sealed record ObjectLambdaConfigurationInput(
    string? SupportingAccessPoint,
    bool CloudWatchMetricsEnabled,
    IReadOnlyList<string> AllowedFeatures,
    IReadOnlyList<ObjectLambdaTransformationInput> Transformations);

/// <summary>One <c>TransformationConfiguration</c> as written.</summary>
/// <param name="Actions">The <c>Action</c> values.</param>
/// <param name="FunctionArn">The function; null when absent.</param>
/// <param name="FunctionPayload">Handed to the function unchanged; null when absent.</param>
internal sealed record ObjectLambdaTransformationInput(IReadOnlyList<string> Actions, string? FunctionArn, string? FunctionPayload);
