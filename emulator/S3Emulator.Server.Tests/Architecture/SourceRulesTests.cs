using System.Text.RegularExpressions;

namespace S3Emulator.Server.Tests.Architecture;

/// <summary>
/// INVARIANTS.md rules that only the source text can show: every S3 error comes from the one S3Errors table,
/// and every XML request body is read by the one safe reader. Scans the production sources (not tests).
/// </summary>
public sealed partial class SourceRulesTests
{
    private static readonly Lazy<string> RepositoryRoot = new(FindRepositoryRoot);

    [Test]
    public void S3Errors_AreMadeOnlyInTheS3ErrorsTable()
    {
        var offenders = ProductionSources()
            .Where(f => !IsErrorTable(Path.GetFileName(f)))
            .SelectMany(f => Matches(f, InlineS3Error()))
            .ToList();

        Assert.That(offenders, Is.Empty, "S3 errors (code, status, message) belong in S3Errors.cs; add an entry there.");
    }

    // The table is one partial class: S3Errors.cs and its topic files (S3Errors.ObjectLambda.cs).
    private static bool IsErrorTable(string fileName) =>
        fileName is "S3Errors.cs" or "S3Error.cs" || (fileName.StartsWith("S3Errors.", StringComparison.Ordinal) && fileName.EndsWith(".cs", StringComparison.Ordinal));

    [Test]
    public void XmlRequestBodies_AreParsedOnlyByS3Xml()
    {
        var offenders = ProductionSources()
            .Where(f => !f.EndsWith(Path.Combine("Protocol", "S3Xml.cs"), StringComparison.Ordinal))
            .SelectMany(f => Matches(f, XmlParsing()))
            .ToList();

        Assert.That(offenders, Is.Empty, "Read XML bodies with S3Xml.ReadAsync: it limits depth and size and refuses DTDs.");
    }

    [Test]
    public void TheScan_SeesTheSources()
    {
        var files = ProductionSources().Select(Path.GetFileName).ToList();

        Assert.That(files, Does.Contain("S3Errors.cs").And.Contain("S3Xml.cs").And.Contain("S3Service.cs"));
    }

    private static IEnumerable<string> ProductionSources()
    {
        var separator = Path.DirectorySeparatorChar;
        return new[] { "emulator", "fixtures" }
            .Select(d => Path.Combine(RepositoryRoot.Value, d))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{separator}obj{separator}", StringComparison.Ordinal)
                && !f.Contains($"{separator}bin{separator}", StringComparison.Ordinal)
                && !f.Contains($".Tests{separator}", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Matches(string file, Regex pattern) =>
        File.ReadLines(file)
            .Select((line, index) => (line, index))
            .Where(l => pattern.IsMatch(l.line))
            .Select(l => $"{Path.GetRelativePath(RepositoryRoot.Value, file)}:{l.index + 1}: {l.line.Trim()}");

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Emulator.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Emulator.sln not found above the test directory");
    }

    // A constructed error (also target-typed: "S3Error e = new(…)", "S3Error F() => new(…)"), or a table
    // entry given another message or code on the spot ("S3Errors.X with { … }").
    [GeneratedRegex(@"new\s+S3Error\s*\(|\bS3Error\??\s+\w+(\s*\([^)]*\))?\s*(=>|=)\s*new\s*\(|S3Errors\.\w+(\([^)]*\))?\s+with\s*\{")]
    private static partial Regex InlineS3Error();

    [GeneratedRegex(@"XmlReader\.Create|X(Element|Document)\.(Load|Parse)|new\s+XmlDocument|XmlSerializer")]
    private static partial Regex XmlParsing();
}
