using System.Globalization;

namespace Kanban.Api.Tests.Contract;

/// <summary>
/// A file of the repository generated from the server's code (e.g. the web's list of problem types):
/// committed, so the web builds without the server, and checked here, so it cannot drift. With
/// <c>KANBAN_WRITE_CONTRACT=1</c> the check writes the file instead.
/// </summary>
public static class ContractFile
{
    public const string WriteVariable = "KANBAN_WRITE_CONTRACT";

    /// <summary>The top of a generated TypeScript file: where it comes from and how to renew it.</summary>
    public static string TypeScriptHeader(string source, string test) =>
        $"""
        // Generated from {source} by {test}.
        // Do not edit: run that test with {WriteVariable}=1 to rewrite this file, and commit it.

        """;

    /// <summary>A number as TypeScript writes it: invariant, no exponent for the sizes used here.</summary>
    public static string Number(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);

    public static void AssertMatches(string relativePath, string expectedText)
    {
        var path = Path.Combine(RepositoryRoot, relativePath);
        var expected = expectedText.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable(WriteVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
            return;
        }

        var actual = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : null;
        if (actual == expected)
        {
            return;
        }

        var how = $"Run `{WriteVariable}=1 dotnet test --project tests/Kanban.Api.Tests --filter-namespace Kanban.Api.Tests.Contract` and commit {relativePath}.";
        throw new ShouldAssertException(actual is null
            ? $"{relativePath} is missing: it is generated from the server's code. {how}"
            : $"{relativePath} differs from what the server's code renders, first at line {FirstDifference(expected, actual)}. {how}");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var want = expected.Split('\n');
        var have = actual.Split('\n');
        for (var i = 0; i < Math.Max(want.Length, have.Length); i++)
        {
            var w = i < want.Length ? want[i] : "(end of file)";
            var h = i < have.Length ? have[i] : "(end of file)";
            if (w != h)
            {
                return $"{i + 1}: expected `{w}`, found `{h}`";
            }
        }

        return "(none)";
    }

    private static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kanban.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Kanban.sln not found above " + AppContext.BaseDirectory);
    }
}
