using System.Collections.Immutable;

namespace S3Emulator.Server.Services.S3.Handlers.Access;

/// <summary>The ACL a request carries in headers: a canned <c>x-amz-acl</c> and any <c>x-amz-grant-*</c> headers.</summary>
internal sealed record AclHeaders(string? CannedAcl, ImmutableArray<string> GrantValues)
{
    public const string Private = "private";
    public const string BucketOwnerFullControl = "bucket-owner-full-control";

    private const string AllUsers = "http://acs.amazonaws.com/groups/global/AllUsers";
    private const string AuthenticatedUsers = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";

    private static readonly ImmutableArray<string> GrantHeaders =
        ["x-amz-grant-full-control", "x-amz-grant-read", "x-amz-grant-read-acp", "x-amz-grant-write", "x-amz-grant-write-acp"];

    /// <summary>Canned ACLs that grant to AllUsers or AuthenticatedUsers.</summary>
    private static readonly ImmutableArray<string> PublicCannedAcls = ["public-read", "public-read-write", "authenticated-read"];

    public static AclHeaders Read(S3RequestContext context) => new(
        context.Header("x-amz-acl")?.Trim(),
        [.. GrantHeaders.Select(context.Header).OfType<string>()]);

    public bool IsEmpty => CannedAcl is null && GrantValues.IsEmpty;

    /// <summary>Only the canned ACL <paramref name="canned"/>, no grant headers.</summary>
    public bool IsOnly(string canned) => CannedAcl == canned && GrantValues.IsEmpty;

    /// <summary>An ACL that grants anything to everyone or to every authenticated AWS user (public-access.md §1).</summary>
    public bool IsPublic =>
        (CannedAcl is not null && PublicCannedAcls.Contains(CannedAcl))
        || GrantValues.Any(v => v.Contains(AllUsers, StringComparison.Ordinal) || v.Contains(AuthenticatedUsers, StringComparison.Ordinal));

    /// <summary>How the request's ACL reads in a NotImplemented message (names headers, never values beyond the canned ACL).</summary>
    public string Describe() => CannedAcl is not null ? $"x-amz-acl: {CannedAcl}" : "x-amz-grant-* headers";
}
