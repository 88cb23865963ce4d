namespace S3Emulator.Core.Identity;

/// <summary>The kind of principal that signed a request (<c>aws:PrincipalType</c>).</summary>
public enum CallerKind
{
    /// <summary>An account's root user (<c>Account</c>).</summary>
    Root,

    /// <summary>An IAM user (<c>User</c>).</summary>
    User,

    /// <summary>A role session made by AssumeRole (<c>AssumedRole</c>).</summary>
    AssumedRole,
}
