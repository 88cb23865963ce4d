namespace S3Emulator.Core.Model;

/// <summary>
/// An S3 Object Lambda access point (S3 Control CreateAccessPointForObjectLambda): GET, HEAD and List requests sent
/// to it run the configured Lambda function over what the supporting access point returns. Its name is unique within
/// its account; its alias (<c>…--ol-s3</c>) is unique everywhere.
/// </summary>
/// <param name="Name">The name, unique within <paramref name="AccountId"/> (3–45 of <c>a-z0-9-</c>).</param>
/// <param name="AccountId">The owning account (the S3 Control request's <c>x-amz-account-id</c>).</param>
/// <param name="Configuration">The supporting access point, allowed features and transformations.</param>
/// <param name="Policy">The Object Lambda access point policy exactly as the client sent it; null when none is set.</param>
/// <param name="Alias">The bucket-style alias, generated once at creation (<see cref="ObjectLambdaAccessPointAlias"/>).</param>
/// <param name="CreationDate">When it was created.</param>
public sealed record ObjectLambdaAccessPoint(
    string Name,
    string AccountId,
    ObjectLambdaConfiguration Configuration,
    string? Policy,
    string Alias,
    DateTimeOffset CreationDate) : Storage.Accounts.IAccountResource
{
    /// <summary><c>arn:aws:s3-object-lambda:{region}:{account}:accesspoint/{name}</c>.</summary>
    public string Arn(string region) => $"arn:aws:s3-object-lambda:{region}:{AccountId}:accesspoint/{Name}";
}

/// <summary>An Object Lambda access point's configuration (S3 Control's <c>ObjectLambdaConfiguration</c>).</summary>
/// <param name="SupportingAccessPoint">The supporting access point's ARN, <c>arn:aws:s3:{region}:{account}:accesspoint/{name}</c>.</param>
/// <param name="CloudWatchMetricsEnabled">Kept and returned; the emulator publishes no metrics.</param>
/// <param name="AllowedFeatures">Which Range / partNumber requests may pass; the rest are answered 501.</param>
/// <param name="Transformations">Which actions run which function; an action none names passes to the supporting access point.</param>
public sealed record ObjectLambdaConfiguration(
    string SupportingAccessPoint,
    bool CloudWatchMetricsEnabled,
    IReadOnlyList<ObjectLambdaAllowedFeature> AllowedFeatures,
    IReadOnlyList<ObjectLambdaTransformation> Transformations)
{
    /// <summary>
    /// The supporting access point's name, the part of its ARN after <c>accesspoint/</c>. The control plane accepts only an
    /// ARN of an access point in the Object Lambda access point's own account and Region, so the name is all that varies.
    /// </summary>
    public string SupportingAccessPointName() => SupportingAccessPoint[(SupportingAccessPoint.LastIndexOf('/') + 1)..];

    /// <summary>The transformation that handles <paramref name="action"/>, or null when the action passes through untransformed.</summary>
    public ObjectLambdaTransformation? TransformationFor(ObjectLambdaAction action) =>
        Transformations.FirstOrDefault(t => t.Actions.Contains(action));

    /// <summary>Equal when every member is, the lists element by element in order (a stored copy equals the original).</summary>
    public bool Equals(ObjectLambdaConfiguration? other) =>
        other is not null
        && SupportingAccessPoint == other.SupportingAccessPoint
        && CloudWatchMetricsEnabled == other.CloudWatchMetricsEnabled
        && AllowedFeatures.SequenceEqual(other.AllowedFeatures)
        && Transformations.SequenceEqual(other.Transformations);

    public override int GetHashCode() => HashCode.Combine(SupportingAccessPoint, CloudWatchMetricsEnabled, AllowedFeatures.Count, Transformations.Count);
}

/// <summary>One <c>TransformationConfiguration</c>: the actions a function transforms.</summary>
/// <param name="Actions">The actions (at least one).</param>
/// <param name="FunctionArn">The Lambda function, as configured (ARN, partial ARN or name, optionally qualified).</param>
/// <param name="FunctionPayload">The <c>FunctionPayload</c> string handed to the function unchanged as <c>configuration.payload</c>; null when none.</param>
public sealed record ObjectLambdaTransformation(
    IReadOnlyList<ObjectLambdaAction> Actions,
    string FunctionArn,
    string? FunctionPayload)
{
    /// <summary>Equal when every member is, the actions element by element in order.</summary>
    public bool Equals(ObjectLambdaTransformation? other) =>
        other is not null && FunctionArn == other.FunctionArn && FunctionPayload == other.FunctionPayload && Actions.SequenceEqual(other.Actions);

    public override int GetHashCode() => HashCode.Combine(FunctionArn, FunctionPayload, Actions.Count);
}

/// <summary>The actions an Object Lambda access point can transform; names as S3 Control spells them on the wire.</summary>
public enum ObjectLambdaAction
{
    GetObject,
    HeadObject,
    ListObjects,
    ListObjectsV2,
}

/// <summary>
/// The <c>AllowedFeature</c> values: on the wire <c>GetObject-Range</c>, <c>GetObject-PartNumber</c>,
/// <c>HeadObject-Range</c>, <c>HeadObject-PartNumber</c> (<see cref="ObjectLambdaAllowedFeatures"/> converts).
/// </summary>
public enum ObjectLambdaAllowedFeature
{
    GetObjectRange,
    GetObjectPartNumber,
    HeadObjectRange,
    HeadObjectPartNumber,
}

/// <summary>The wire names of <see cref="ObjectLambdaAllowedFeature"/>.</summary>
public static class ObjectLambdaAllowedFeatures
{
    /// <summary><c>GetObject-Range</c> for <see cref="ObjectLambdaAllowedFeature.GetObjectRange"/>, and so on.</summary>
    public static string WireName(ObjectLambdaAllowedFeature feature) => feature switch
    {
        ObjectLambdaAllowedFeature.GetObjectRange => "GetObject-Range",
        ObjectLambdaAllowedFeature.GetObjectPartNumber => "GetObject-PartNumber",
        ObjectLambdaAllowedFeature.HeadObjectRange => "HeadObject-Range",
        ObjectLambdaAllowedFeature.HeadObjectPartNumber => "HeadObject-PartNumber",
        _ => throw new ArgumentOutOfRangeException(nameof(feature)),
    };

    /// <summary>The feature a wire name denotes (exact spelling), or false.</summary>
    public static bool TryParse(string? wireName, out ObjectLambdaAllowedFeature feature)
    {
        foreach (var candidate in Enum.GetValues<ObjectLambdaAllowedFeature>())
        {
            if (string.Equals(WireName(candidate), wireName, StringComparison.Ordinal))
            {
                feature = candidate;
                return true;
            }
        }
        feature = default;
        return false;
    }
}
