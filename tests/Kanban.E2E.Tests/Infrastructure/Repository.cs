namespace Kanban.E2E.Tests.Infrastructure;

public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>Where screenshots go: the repository's TestResults folder, kept by CI.</summary>
    public static string TestResults { get; } = Directory.CreateDirectory(Path.Combine(Root, "TestResults")).FullName;

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
