namespace S3Emulator.Server.Hosting;

/// <summary>
/// An IAM policy given in configuration: its JSON inline (<see cref="Document"/>) or in a file (<see cref="Path"/>),
/// exactly one of them. Configuration: <c>S3Emulator__Roles__0__Policies__0__Name</c>, <c>…__Document</c>, <c>…__Path</c>.
/// </summary>
public sealed class PolicyOptions
{
    /// <summary>The inline policy name decisions report it by; empty names it by its position.</summary>
    public string Name { get; set; } = "";

    /// <summary>The policy document (JSON).</summary>
    public string? Document { get; set; }

    /// <summary>A file holding the policy document (relative paths from the working directory).</summary>
    public string? Path { get; set; }
}
