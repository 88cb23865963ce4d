using S3Emulator.Core.Model;

namespace S3Emulator.Core.Storage;

/// <summary>
/// Where the S3 Control plane keeps account-level state: each account's Block Public Access settings, its access
/// points and its Object Lambda access points. Separate from <see cref="IObjectStore"/>, which holds buckets and objects; knows nothing of
/// HTTP. Every implementation passes the same contract tests.
/// </summary>
public interface IAccountStore
{
    /// <summary>The account-level Block Public Access settings; null when the account has none (the default).</summary>
    ValueTask<PublicAccessBlock?> GetPublicAccessBlockAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>Replaces the account-level settings; null deletes them (idempotent).</summary>
    ValueTask SetPublicAccessBlockAsync(string accountId, PublicAccessBlock? configuration, CancellationToken cancellationToken);

    /// <summary>
    /// Adds the access point; false when its account already has one of that name, or its alias is taken.
    /// </summary>
    ValueTask<bool> TryCreateAccessPointAsync(AccessPoint accessPoint, CancellationToken cancellationToken);

    /// <summary>The account's access point of that name, or null.</summary>
    ValueTask<AccessPoint?> GetAccessPointAsync(string accountId, string name, CancellationToken cancellationToken);

    /// <summary>The access point with that alias (any account), or null.</summary>
    ValueTask<AccessPoint?> GetAccessPointByAliasAsync(string alias, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the access point's record (its policy); name, account and alias must stay. Null when there is
    /// no such access point.
    /// </summary>
    ValueTask<AccessPoint?> UpdateAccessPointAsync(
        string accountId, string name, Func<AccessPoint, AccessPoint> update, CancellationToken cancellationToken);

    /// <summary>Removes the access point; false when there was none.</summary>
    ValueTask<bool> DeleteAccessPointAsync(string accountId, string name, CancellationToken cancellationToken);

    /// <summary>
    /// One page of the account's access points, ordered by name (ordinal), optionally only those of
    /// <paramref name="bucket"/>: up to <paramref name="maxResults"/> whose names sort after
    /// <paramref name="after"/> (the previous page's <see cref="AccessPointPage.LastName"/>).
    /// </summary>
    ValueTask<AccessPointPage> ListAccessPointsAsync(
        string accountId, string? bucket, string? after, int maxResults, CancellationToken cancellationToken);

    /// <summary>
    /// Adds the Object Lambda access point; false when its account already has one of that name, or its alias is taken.
    /// </summary>
    ValueTask<bool> TryCreateObjectLambdaAccessPointAsync(ObjectLambdaAccessPoint olap, CancellationToken cancellationToken);

    /// <summary>The account's Object Lambda access point of that name, or null.</summary>
    ValueTask<ObjectLambdaAccessPoint?> GetObjectLambdaAccessPointAsync(string accountId, string name, CancellationToken cancellationToken);

    /// <summary>The Object Lambda access point with that alias (<c>…--ol-s3</c>, any account), or null.</summary>
    ValueTask<ObjectLambdaAccessPoint?> GetObjectLambdaAccessPointByAliasAsync(string alias, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the Object Lambda access point's record (its configuration or policy); name, account and alias must
    /// stay. Null when there is no such Object Lambda access point.
    /// </summary>
    ValueTask<ObjectLambdaAccessPoint?> UpdateObjectLambdaAccessPointAsync(
        string accountId, string name, Func<ObjectLambdaAccessPoint, ObjectLambdaAccessPoint> update, CancellationToken cancellationToken);

    /// <summary>Removes the Object Lambda access point; false when there was none.</summary>
    ValueTask<bool> DeleteObjectLambdaAccessPointAsync(string accountId, string name, CancellationToken cancellationToken);

    /// <summary>
    /// One page of the account's Object Lambda access points, ordered by name (ordinal): up to
    /// <paramref name="maxResults"/> whose names sort after <paramref name="after"/> (the previous page's
    /// <see cref="ObjectLambdaAccessPointPage.LastName"/>).
    /// </summary>
    ValueTask<ObjectLambdaAccessPointPage> ListObjectLambdaAccessPointsAsync(
        string accountId, string? after, int maxResults, CancellationToken cancellationToken);
}

/// <summary>A page of access points.</summary>
/// <param name="AccessPoints">The page, ordered by name.</param>
/// <param name="IsTruncated">Whether more access points follow this page.</param>
public sealed record AccessPointPage(IReadOnlyList<AccessPoint> AccessPoints, bool IsTruncated)
{
    /// <summary>The name to pass as <c>after</c> for the next page; null when the listing is complete.</summary>
    public string? LastName => IsTruncated ? AccessPoints[^1].Name : null;
}

/// <summary>A page of Object Lambda access points.</summary>
/// <param name="ObjectLambdaAccessPoints">The page, ordered by name.</param>
/// <param name="IsTruncated">Whether more follow this page.</param>
public sealed record ObjectLambdaAccessPointPage(IReadOnlyList<ObjectLambdaAccessPoint> ObjectLambdaAccessPoints, bool IsTruncated)
{
    /// <summary>The name to pass as <c>after</c> for the next page; null when the listing is complete.</summary>
    public string? LastName => IsTruncated ? ObjectLambdaAccessPoints[^1].Name : null;
}
