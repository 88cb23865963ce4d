using System.Runtime.CompilerServices;

namespace ReadmeSnippets;

/// <summary>The repository's README.md, found beside Emulator.sln above this source file.</summary>
internal static class Readme
{
    public static string Text([CallerFilePath] string source = "") => File.ReadAllText(Path.Combine(RepositoryRoot(source), "README.md"));

    /// <summary>The lines of a C# source file from its first line through <paramref name="endMarker"/>, as a README shows them.</summary>
    public static IReadOnlyList<string> SnippetOf(string sourceFile, string beginMarker, string endMarker)
    {
        var lines = File.ReadAllLines(sourceFile);
        var usings = lines.TakeWhile(l => !l.StartsWith("namespace", StringComparison.Ordinal)).Where(l => l.StartsWith("using ", StringComparison.Ordinal));
        var body = lines.SkipWhile(l => !l.Contains(beginMarker, StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => !l.Contains(endMarker, StringComparison.Ordinal));
        return Normalize([.. usings, .. body]);
    }

    /// <summary>The fenced code block of <paramref name="language"/> that follows <paramref name="heading"/>.</summary>
    public static IReadOnlyList<string> CodeBlockAfter(string heading, string language)
    {
        var lines = Text().Split('\n');
        var fence = "```" + language;
        var block = lines.SkipWhile(l => l.TrimEnd() != heading).SkipWhile(l => l.TrimEnd() != fence).Skip(1)
            .TakeWhile(l => l.TrimEnd() != "```");
        return Normalize(block);
    }

    // Indentation and blank lines aside, the same text.
    private static List<string> Normalize(IEnumerable<string> lines) =>
        lines.Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    private static string RepositoryRoot(string source)
    {
        for (var folder = Path.GetDirectoryName(source); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(Path.Combine(folder, "Emulator.sln"))) return folder;
        }
        throw new InvalidOperationException($"No Emulator.sln above {source}.");
    }
}
