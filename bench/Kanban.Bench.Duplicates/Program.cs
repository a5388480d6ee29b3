using System.Globalization;

namespace Kanban.Bench.Duplicates;

internal static class Program
{
    public const string Usage = """
        Duplicate detection, measured through the product's own ranking, embedder and index loader.

          eval DIR [--no-embeddings] [--check-tokens]
              DIR holds tickets.jsonl ({id,title,body,created}) and pairs.jsonl ({duplicate_id,original_id}).
              Each duplicate is ranked, as a new submission, against the tickets created before it.
              Prints the check path, the words-only path, precision and recall at candidate thresholds,
              and last a line R@1=… R@5=… R@10=… MRR=… ms/query=… for the submission path.
              --no-embeddings  words only (no model is loaded); the last line is the words-only path
              --check-tokens   the last line is the check path (the draft embedded with 32 word pieces)
              --details        each query's original and best candidates, on stderr

        """;

    public static Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.WriteLine(Usage);
            return Task.FromResult(args.Length == 0 ? 2 : 0);
        }

        try
        {
            return Task.FromResult(args[0] switch
            {
                "eval" => EvalCommand.Run(EvalOptions.Parse(args[1..])),
                _ => throw new UsageException($"Unknown command '{args[0]}': use eval."),
            });
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(Usage);
            return Task.FromResult(2);
        }
        catch (DatasetException e)
        {
            Console.Error.WriteLine(e.Message);
            return Task.FromResult(2);
        }
    }
}

internal sealed class UsageException(string message) : Exception(message);

internal static class Repository
{
    /// <summary>The folder holding Kanban.sln, above the built program.</summary>
    public static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Kanban.sln")))
            {
                return directory.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }

    public static string Shown(string path)
    {
        var relative = Path.GetRelativePath(Root(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
