using System.Globalization;
using Kanban.Domain.Outliers;

namespace Kanban.Domain.Tests.Outliers;

/// <summary>
/// The nearest-rank table, worked by hand: sort the values, take the one at rank ⌈p × n / 100⌉.
/// docs/metrics.md works the row with ties across ranks.
/// </summary>
public sealed class PercentileTests
{
    [Theory]
    //            values                        n   p50 (rank)  p85 (rank)   p95 (rank)
    [InlineData("7", "7", "7", "7")] //         1   7 (1)       7 (1)        7 (1)
    [InlineData("3,1,2", "2", "3", "3")] //     3   2 (2)       3 (3)        3 (3)
    [InlineData("5,2,2,2", "2", "5", "5")] //   4   2 (2)       5 (4)        5 (4): ties
    [InlineData("9,1,8,2,7,3,6", "6", "8", "9")] // 7   6 (4)   8 (6)        9 (7)
    [InlineData("10,3,7,1,9,2,8,4,6,5", "5", "9", "10")] // 10   5 (5)   9 (9)   10 (10)
    [InlineData("3,1,2,1,5,2,4,1,3,2", "2", "4", "5")] // 10, ties across ranks: the example in docs/metrics.md
    [InlineData("4.25,0.5,3,1.5,2", "2", "4.25", "4.25")] // 5   2 (3)   4.25 (5)   4.25 (5): working-day fractions
    [InlineData("20,19,18,17,16,15,14,13,12,11,10,9,8,7,6,5,4,3,2,1", "10", "17", "19")] // 20: rank 17, not 18
    public void Percentiles_are_the_values_at_the_nearest_rank(string values, string p50, string p85, string p95)
    {
        var sample = values.Split(',').Select(Parse).ToList();

        Percentile.NearestRank(sample, 50).ShouldBe(Parse(p50));
        Percentile.NearestRank(sample, 85).ShouldBe(Parse(p85));
        Percentile.NearestRank(sample, 95).ShouldBe(Parse(p95));
    }

    [Fact]
    public void No_values_have_no_percentile()
    {
        Percentile.NearestRank([], 85).ShouldBeNull();
        CycleTimes.Over([]).ShouldBeNull();
    }

    [Theory]
    [InlineData(85, 10, 9)]
    [InlineData(85, 20, 17)]
    [InlineData(50, 10, 5)]
    [InlineData(50, 11, 6)]
    [InlineData(95, 10, 10)]
    [InlineData(95, 100, 95)]
    [InlineData(1, 3, 1)]
    [InlineData(100, 3, 3)]
    public void The_rank_is_the_ceiling_of_p_times_n_over_100_in_whole_numbers(int percent, int count, int rank)
    {
        Percentile.RankOf(percent, count).ShouldBe(rank);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void A_percent_outside_1_to_100_is_a_mistake_of_the_caller(int percent)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Percentile.NearestRank([1m], percent));
    }

    [Fact]
    public void The_boards_cycle_times_are_the_count_and_the_50th_85th_and_95th_percentiles()
    {
        CycleTimes.Over([1, 1, 1, 2, 2, 2, 3, 3, 4, 5]).ShouldBe(new CycleTimes(10, 2, 4, 5));
    }

    private static decimal Parse(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);
}
