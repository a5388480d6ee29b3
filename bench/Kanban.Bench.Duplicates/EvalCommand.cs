using System.Diagnostics;
using Kanban.Api.Infrastructure.Duplicates;
using Kanban.Domain.Boards;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kanban.Bench.Duplicates;

internal sealed record EvalOptions(string Directory, bool NoEmbeddings, bool CheckTokens, bool Details, int CheckCut)
{
    public static EvalOptions Parse(string[] args)
    {
        string? directory = null;
        var noEmbeddings = false;
        var checkTokens = false;
        var details = false;
        var checkCut = TicketEmbedding.CheckTokens;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--check-cut":
                    checkCut = i + 1 < args.Length && int.TryParse(args[++i], out var cut) && cut is >= 8 and <= 512
                        ? cut
                        : throw new UsageException("eval: --check-cut takes a number of word pieces from 8 to 512.");
                    break;
                case "--no-embeddings":
                    noEmbeddings = true;
                    break;
                case "--check-tokens":
                    checkTokens = true;
                    break;
                case "--details":
                    details = true;
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    throw new UsageException($"eval: unknown option {option} (known: --no-embeddings, --check-tokens, --details, --check-cut N).");
                default:
                    directory = directory is null ? arg : throw new UsageException("eval takes one folder.");
                    break;
            }
        }

        if (noEmbeddings && checkTokens)
        {
            throw new UsageException("eval: --check-tokens measures the embedding of a draft; it cannot go with --no-embeddings.");
        }

        return new EvalOptions(directory ?? throw new UsageException("eval needs the folder holding tickets.jsonl and pairs.jsonl."), noEmbeddings, checkTokens, details, checkCut);
    }
}

/// <summary>
/// Prints, in this order: the dataset, the check path, words only, the thresholds, and last the line
/// of the measured path (the submission path unless an option says otherwise). Progress goes to stderr.
/// </summary>
internal static class EvalCommand
{
    public static int Run(EvalOptions options)
    {
        var data = Dataset.Load(options.Directory);
        Console.WriteLine($"dataset: {data.Directory}: {data.Tickets.Count} tickets, {data.Pairs.Count} duplicate pairs, load average {LoadAverage()} on {Environment.ProcessorCount} cores");

        ITicketEmbedder? embedder = null;
        float[][]? stored = null;
        if (!options.NoEmbeddings)
        {
            var loading = Stopwatch.GetTimestamp();
            embedder = new MiniLmEmbedder(NullLogger<MiniLmEmbedder>.Instance);
            if (!embedder.Enabled)
            {
                Console.Error.WriteLine("The embedding model did not load; run with --no-embeddings to measure the words alone.");
                return 1;
            }

            Console.Error.WriteLine($"Model loaded in {Stopwatch.GetElapsedTime(loading).TotalSeconds:0.0} s: {embedder.Model}.");
            stored = StoredVectors.For(data, embedder);
        }

        var sample = Evaluation.NonDuplicateSample(data);
        Evaluation.WarmUp(data, embedder, options.CheckCut);

        PathResult? check = null;
        if (embedder is not null)
        {
            Console.Error.WriteLine("Ranking: the check path…");
            check = Evaluation.Run(data, stored, embedder, QueryPath.Check, sample, options.CheckCut);
            Console.WriteLine($"check path: {check.Line()} (the query embedded with {options.CheckCut} word pieces, the stored vectors with {TicketEmbedding.StoredTokens}; {Missed(check)})");
        }
        else
        {
            Console.WriteLine("check path: not measured (--no-embeddings)");
        }

        Console.Error.WriteLine("Ranking: words only…");
        var words = Evaluation.Run(data, null, null, QueryPath.WordsOnly, sample);
        Console.WriteLine($"words only: {words.Line()} (no vectors; {Missed(words)})");

        PathResult measured;
        if (embedder is null)
        {
            measured = words;
        }
        else if (options.CheckTokens)
        {
            measured = check!;
        }
        else
        {
            Console.Error.WriteLine("Ranking: the submission path…");
            measured = Evaluation.Run(data, stored, embedder, QueryPath.Submission, sample);
            Console.WriteLine($"submission path: {Missed(measured)}; ms/query is the query's ranking with its embedding ({TicketEmbedding.StoredTokens} word pieces), one query at a time");
        }

        if (options.Details)
        {
            WriteDetails(data, measured);
        }

        var rows = Thresholds.Of(measured);
        Console.WriteLine(Thresholds.Table(measured, rows));
        Console.WriteLine(Verdict(rows, new BoardSettings().DuplicateThreshold));
        Console.WriteLine(measured.Line());
        return 0;
    }

    /// <summary>
    /// The threshold the figures favour: the best F0.5 of the flags (a wrong flag costs more than a missed
    /// one, as it blocks the accept until someone resolves it; a missed duplicate is still listed beside
    /// the ticket), the highest such threshold on a tie.
    /// </summary>
    private static string Verdict(IReadOnlyList<ThresholdRow> rows, double boardDefault)
    {
        var best = rows.OrderByDescending(r => Math.Round(Thresholds.FScore(r.FlagPrecision, r.FlagRecall), 3)).ThenByDescending(r => r.Threshold).First();
        var current = rows.FirstOrDefault(r => Math.Abs(r.Threshold - boardDefault) < 1e-9);
        var atDefault = current is null
            ? $"the board default {boardDefault:0.00} is not a candidate"
            : $"at the board default {boardDefault:0.00}: flag precision {current.FlagPrecision:0.000}, recall {current.FlagRecall:0.000}, F0.5 {Thresholds.FScore(current.FlagPrecision, current.FlagRecall):0.000}";
        return $"threshold: best flag F0.5 at {best.Threshold:0.00} (precision {best.FlagPrecision:0.000}, recall {best.FlagRecall:0.000}, F0.5 {Thresholds.FScore(best.FlagPrecision, best.FlagRecall):0.000}); {atDefault}";
    }

    /// <summary>Each query's original and best candidates, on stderr, to read what the figures are made of.</summary>
    private static void WriteDetails(Dataset data, PathResult result)
    {
        Console.Error.WriteLine($"Details ({Thresholds.Name(result.Path)}):");
        foreach (var outcome in result.Duplicates.Concat(result.NonDuplicates))
        {
            var what = outcome.OriginalId is { } original
                ? $"duplicate {outcome.Query.Id} of {original}: rank {outcome.Rank?.ToString() ?? "-"}, score {outcome.OriginalScore:0.000}"
                : $"no pair {outcome.Query.Id}";
            Console.Error.WriteLine($"  {what}: {Clip(outcome.Query.Title)}");
            foreach (var (id, score) in outcome.Ranking.Take(3))
            {
                Console.Error.WriteLine($"      {score:0.000} {id}{(id == outcome.OriginalId ? " (original)" : "")}: {Clip(data.ById[id].Title)}");
            }
        }
    }

    private static string Clip(string text) => text.Length <= 90 ? text : text[..89] + "…";

    private static string Missed(PathResult result) =>
        $"{result.Missing} of {result.Duplicates.Count} originals not among the {Evaluation.Take} candidates";

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
