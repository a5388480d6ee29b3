using Kanban.Domain.Tickets;

namespace Kanban.Domain.Tests.Tickets;

/// <summary>An estimate is a plan in days: in range, and no finer than two decimals.</summary>
public sealed class EstimateGateTests
{
    [Theory]
    [InlineData("0.5", true)]
    [InlineData("1.25", true)]
    [InlineData("5", true)]
    [InlineData("2.125", false)]
    [InlineData("0.505", false)]
    public void An_estimate_passes_only_in_range_and_with_at_most_two_decimals(string days, bool passes)
    {
        var gate = QualityGates.CheckEstimate(decimal.Parse(days, System.Globalization.CultureInfo.InvariantCulture), 5m);

        gate.Passed.ShouldBe(passes);
        if (!passes)
        {
            gate.Message.ShouldContain($"{days} days is finer than a plan can be");
            gate.Message.ShouldContain("at most two decimals");
        }
    }

    [Fact]
    public void Out_of_range_is_said_before_too_fine()
    {
        QualityGates.CheckEstimate(5.125m, 5m).Message.ShouldContain("split the work");
    }
}
