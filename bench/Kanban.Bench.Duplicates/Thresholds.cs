using System.Text;

namespace Kanban.Bench.Duplicates;

/// <summary>Precision and recall of one candidate threshold, two ways (docs/duplicates.md).</summary>
/// <param name="PairPrecision">Pairs at or above the threshold among those and the hardest negatives at or above it.</param>
/// <param name="PairRecall">Pairs (duplicate, original) scoring at or above the threshold.</param>
/// <param name="FlagPrecision">Of the submissions flagged, the share flagged as a duplicate of their true original.</param>
/// <param name="FlagRecall">Of the duplicates, the share flagged with their true original.</param>
/// <param name="WrongOriginals">Duplicates flagged, but against another ticket than their original.</param>
/// <param name="NonDuplicatesFlagged">Submissions in no pair whose best candidate scores at or above the threshold.</param>
internal sealed record ThresholdRow(
    double Threshold,
    double PairPrecision,
    double PairRecall,
    double FlagPrecision,
    double FlagRecall,
    int WrongOriginals,
    int NonDuplicatesFlagged);

internal static class Thresholds
{
    public static readonly double[] Candidates = [.. Enumerable.Range(0, 10).Select(i => Math.Round(0.5 + 0.05 * i, 2))];

    /// <summary>The weight of precision in the choice: F0.5, as a wrong flag blocks an accept until someone resolves it.</summary>
    public const double Beta = 0.5;

    public static IReadOnlyList<ThresholdRow> Of(PathResult result) => [.. Candidates.Select(t => Row(result, t))];

    public static ThresholdRow Row(PathResult result, double t)
    {
        var pairs = result.Duplicates;
        var positives = pairs.Count(d => d.Rank is not null && d.OriginalScore >= t);
        var hardNegatives = pairs.Count(d => d.BestOtherScore >= t);
        var correctFlags = pairs.Count(d => d.Best is { } best && best.Score >= t && best.Id == d.OriginalId);
        var wrongOriginals = pairs.Count(d => d.Best is { } best && best.Score >= t && best.Id != d.OriginalId);
        var falseFlags = result.NonDuplicates.Count(d => d.Best is { } best && best.Score >= t);
        return new ThresholdRow(
            t,
            Ratio(positives, positives + hardNegatives),
            Ratio(positives, pairs.Count),
            Ratio(correctFlags, correctFlags + wrongOriginals + falseFlags),
            Ratio(correctFlags, pairs.Count),
            wrongOriginals,
            falseFlags);
    }

    public static double FScore(double precision, double recall) =>
        double.IsNaN(precision) || precision + recall == 0 ? 0 : (1 + Beta * Beta) * precision * recall / (Beta * Beta * precision + recall);

    public static string Table(PathResult result, IReadOnlyList<ThresholdRow> rows)
    {
        var text = new StringBuilder();
        text.AppendLine($"precision/recall at candidate thresholds ({Name(result.Path)}; {result.Duplicates.Count} pairs, {result.NonDuplicates.Count} tickets in no pair):");
        text.AppendLine("  pairs: each (duplicate, original) score against the duplicate's best-ranked other candidate (its hardest negative)");
        text.AppendLine("  flags: the duplicates and the tickets in no pair as submissions, flagged when their best candidate scores at or above the threshold");
        text.AppendLine("  threshold | pair precision | pair recall | flag precision | flag recall | wrong original | no-pair flagged | flag F0.5");
        foreach (var row in rows)
        {
            text.AppendLine(
                $"  {row.Threshold,9:0.00} | {P(row.PairPrecision, 14)} | {P(row.PairRecall, 11)} | {P(row.FlagPrecision, 14)} | {P(row.FlagRecall, 11)} | {row.WrongOriginals,14} | {row.NonDuplicatesFlagged,15} | {P(FScore(row.FlagPrecision, row.FlagRecall), 9)}");
        }

        return text.ToString().TrimEnd();
    }

    public static string Name(QueryPath path) => path switch
    {
        QueryPath.Submission => "submission path",
        QueryPath.Check => "check path",
        _ => "words only",
    };

    private static double Ratio(int count, int total) => total == 0 ? double.NaN : count / (double)total;

    private static string P(double x, int width) => (double.IsNaN(x) ? "-" : x.ToString("0.000")).PadLeft(width);
}
