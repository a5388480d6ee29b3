namespace Kanban.Domain.Outliers;

/// <summary>
/// Percentiles by the nearest-rank method: the p-th percentile of n values is the value at rank
/// ⌈p × n / 100⌉ in ascending order. It is always a value that was observed, and at least p% of the
/// values are at or below it, so "85% of cards finish within it" is literally true.
/// </summary>
public static class Percentile
{
    /// <summary>Null for no values.</summary>
    public static decimal? NearestRank(IEnumerable<decimal> values, int percent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? null : sorted[RankOf(percent, sorted.Count) - 1];
    }

    /// <summary>⌈p × n / 100⌉ in whole numbers: in floating point 0.85 × 20 is 17.000000000000004, whose ceiling is 18.</summary>
    public static int RankOf(int percent, int count) => ((percent * count) + 99) / 100;
}
