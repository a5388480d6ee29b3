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
              --check-cut N    the check path embeds the query with N word pieces instead of 32 (to try a cut)

          speed [--tickets 100000] [--queries 500] [--no-database] [--out bench/results/duplicates.json]
              A synthetic board of N tickets: index build time, managed memory per ticket, the check's
              latency (embedding included) and Find alone, and the index's start-up from a SQLite file.
              --queries Q (default 500) after --warmup W unmeasured (default 30); --seed S; --no-database
              skips the SQLite file and the start-up.

          profile DIR
              What a dataset's tickets cost a search (distinct words, how common the commonest are), to
              compare with the synthetic board's line in speed.
        """;

    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        if (args.Length == 0 || args[0] is "help" || args.Any(a => a is "-h" or "--help"))
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        try
        {
            return args[0] switch
            {
                "eval" => EvalCommand.Run(EvalOptions.Parse(args[1..])),
                "speed" => await SpeedCommand.RunAsync(SpeedOptions.Parse(args[1..])),
                "profile" => Profile(args[1..]),
                IndexLoad.ChildCommand => await IndexLoad.RunChildAsync(args[1..]),
                _ => throw new UsageException($"Unknown command '{args[0]}': use eval or speed."),
            };
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }
        catch (DatasetException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }


    private static int Profile(string[] args)
    {
        if (args.Length != 1)
        {
            throw new UsageException("profile takes one folder.");
        }

        var data = Dataset.Load(args[0]);
        Console.WriteLine(CorpusProfile.Of(data.Tickets.Select(t => (t.Title, t.Body))).Line());
        return 0;
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
