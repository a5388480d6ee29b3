using System.Globalization;
using Kanban.Domain.Outliers;

namespace Kanban.Domain.Tests.Outliers;

public sealed class OutlierBadgeTests
{
    [Theory]
    [InlineData("9.5", "4", "9.5 working days in progress; 85% of cards finish within 4")]
    [InlineData("9.54", "4.25", "9.5 working days in progress; 85% of cards finish within 4.3")]
    [InlineData("9.55", "3.999", "9.6 working days in progress; 85% of cards finish within 4")]
    [InlineData("4.0416666666666666666666666667", "4", "4 working days in progress; 85% of cards finish within 4")]
    [InlineData("1.04", "0.9", "1 working day in progress; 85% of cards finish within 0.9")]
    public void The_percentile_badge_gives_the_age_and_what_85_percent_of_cards_finish_within(string age, string p85, string words)
    {
        OutlierBadge.Words(new OutlierReason(OutlierKind.Percentile, Parse(age), Parse(p85))).ShouldBe(words);
    }

    [Theory]
    [InlineData("9.5", "4", "9.5 working days in progress; estimated 2, so twice is 4")]
    [InlineData("3.04", "2.5", "3 working days in progress; estimated 1.25, so twice is 2.5")]
    [InlineData("1.25", "1", "1.3 working days in progress; estimated 0.5, so twice is 1")]
    [InlineData("10.96", "10", "11 working days in progress; estimated 5, so twice is 10")]
    public void The_estimate_badge_gives_the_age_the_estimate_and_twice_it(string age, string twice, string words)
    {
        OutlierBadge.Words(new OutlierReason(OutlierKind.Estimate, Parse(age), Parse(twice))).ShouldBe(words);
    }

    [Theory]
    [InlineData("3.04", "3", "3 working days without a move")]
    [InlineData("3.05", "3", "3.1 working days without a move")]
    [InlineData("1.0001", "1", "1 working day without a move")]
    [InlineData("12.25", "10", "12.3 working days without a move")]
    public void The_stale_badge_gives_the_time_since_the_last_move_or_change(string idle, string staleDays, string words)
    {
        OutlierBadge.Words(new OutlierReason(OutlierKind.Stale, Parse(idle), Parse(staleDays))).ShouldBe(words);
    }

    [Fact]
    public void A_cards_badge_has_a_line_per_reason_and_says_first_when_it_is_blocked()
    {
        OutlierReason[] reasons = [new(OutlierKind.Estimate, 4.5m, 4), new(OutlierKind.Stale, 4.5m, 3)];
        var card = new CardOutliers(Guid.CreateVersion7(), "DEMO-7", Guid.CreateVersion7(), reasons, 4.5m, Blocked: false);

        OutlierBadge.Lines(card).ShouldBe(
        [
            "4.5 working days in progress; estimated 2, so twice is 4",
            "4.5 working days without a move",
        ]);
        OutlierBadge.Lines(card with { Blocked = true }).ShouldBe(
        [
            "Blocked",
            "4.5 working days in progress; estimated 2, so twice is 4",
            "4.5 working days without a move",
        ]);
    }

    [Fact]
    public void The_badge_of_a_card_found_on_a_board_reads_as_its_reasons()
    {
        var board = new OutlierBoard();
        board.Start(estimateDays: 1);

        var outlier = board.Find(board.Clock.AddDays(3).AddHours(12)).Cards.ShouldHaveSingleItem();

        OutlierBadge.Lines(outlier).ShouldBe(
        [
            "3.5 working days in progress; estimated 1, so twice is 2",
            "3.5 working days without a move",
        ]);
    }

    private static decimal Parse(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);
}
