namespace Kanban.Api.Tests.Contract;

/// <summary>Files of the web generated from the server's code, committed, and checked to be current.</summary>
public static class ContractFiles
{
    public const string WriteVariable = "KANBAN_WRITE_CONTRACT";

    public static void AssertCurrent(string relativePath, string expected)
    {
        var path = Path.Combine(RepositoryRoot(), relativePath);
        if (Environment.GetEnvironmentVariable(WriteVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
            return;
        }

        File.Exists(path).ShouldBeTrue($"{relativePath} is missing: run the API tests with {WriteVariable}=1 to generate it.");
        File.ReadAllText(path).ReplaceLineEndings("\n").ShouldBe(
            expected.ReplaceLineEndings("\n"),
            $"{relativePath} differs from the server's contract: run the API tests with {WriteVariable}=1 to write it again, then fix the web code it breaks.");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kanban.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with Kanban.sln) was not found above the test's folder.");
    }
}
