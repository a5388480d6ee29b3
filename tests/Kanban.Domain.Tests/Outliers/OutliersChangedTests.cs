using Kanban.Domain.Outliers;

namespace Kanban.Domain.Tests.Outliers;

/// <summary>When a board's outliers changed enough to push <c>OutliersChanged</c>: the set, a reason, or a block.</summary>
public sealed class OutliersChangedTests
{
    private static readonly Guid First = Guid.Parse("0191d3a0-0000-7000-8000-000000000001");
    private static readonly Guid Second = Guid.Parse("0191d3a0-0000-7000-8000-000000000002");
    private static readonly Guid Lane = Guid.Parse("0191d3a0-0000-7000-8000-0000000000aa");

    private static CardOutliers Card(Guid id, params OutlierReason[] reasons) =>
        new(id, $"DEMO-{id.ToString()[^1]}", Lane, reasons, reasons.Max(r => r.FigureDays), Blocked: false);

    private static BoardOutliers Outliers(params CardOutliers[] cards) => new(null, cards);

    private static OutlierReason Stale(decimal idle) => new(OutlierKind.Stale, idle, 3);

    private static OutlierReason Estimate(decimal age, decimal twice = 4) => new(OutlierKind.Estimate, age, twice);

    [Fact]
    public void The_same_outliers_again_are_no_change()
    {
        Outliers(Card(First, Stale(3.5m))).ChangedSince(Outliers(Card(First, Stale(3.5m)))).ShouldBeFalse();
        Outliers().ChangedSince(Outliers()).ShouldBeFalse();
    }

    [Fact]
    public void Figures_that_grew_with_time_are_no_change()
    {
        var before = Outliers(Card(First, Estimate(4.2m), Stale(3.2m)), Card(Second, Stale(5m)));
        var after = Outliers(Card(Second, Stale(5.1m)), Card(First, Stale(3.3m), Estimate(4.3m)));

        after.ChangedSince(before).ShouldBeFalse();
    }

    [Fact]
    public void A_card_that_became_an_outlier_is_a_change()
    {
        Outliers(Card(First, Stale(4m)), Card(Second, Stale(3.1m))).ChangedSince(Outliers(Card(First, Stale(4m)))).ShouldBeTrue();
    }

    [Fact]
    public void A_card_that_is_no_longer_an_outlier_is_a_change()
    {
        Outliers(Card(First, Stale(4m))).ChangedSince(Outliers(Card(First, Stale(4m)), Card(Second, Stale(3.1m)))).ShouldBeTrue();
    }

    [Fact]
    public void One_outlier_in_place_of_another_is_a_change()
    {
        Outliers(Card(Second, Stale(4m))).ChangedSince(Outliers(Card(First, Stale(4m)))).ShouldBeTrue();
    }

    [Fact]
    public void A_reason_gained_or_lost_is_a_change()
    {
        var staleOnly = Outliers(Card(First, Stale(4.5m)));
        var staleAndEstimate = Outliers(Card(First, Estimate(4.5m), Stale(4.5m)));

        staleAndEstimate.ChangedSince(staleOnly).ShouldBeTrue();
        staleOnly.ChangedSince(staleAndEstimate).ShouldBeTrue();
    }

    [Fact]
    public void A_reason_whose_threshold_moved_is_a_change()
    {
        Outliers(Card(First, Estimate(4.5m, twice: 3))).ChangedSince(Outliers(Card(First, Estimate(4.5m, twice: 4)))).ShouldBeTrue();
    }

    [Fact]
    public void An_outlier_blocked_or_unblocked_is_a_change()
    {
        var free = Outliers(Card(First, Stale(4m)));
        var blocked = Outliers(Card(First, Stale(4m)) with { Blocked = true });

        blocked.ChangedSince(free).ShouldBeTrue();
        free.ChangedSince(blocked).ShouldBeTrue();
    }

    [Fact]
    public void Against_no_earlier_result_only_outliers_are_a_change()
    {
        Outliers().ChangedSince(null).ShouldBeFalse();
        Outliers(Card(First, Stale(4m))).ChangedSince(null).ShouldBeTrue();
    }

    [Fact]
    public void A_card_that_becomes_an_outlier_only_because_time_passed_changes_the_result_once()
    {
        var board = new OutlierBoard();
        var card = board.Start();
        var thursday = board.Clock.AddDays(3);

        var before = board.Find(thursday);
        var after = board.Find(thursday.AddMinutes(1));
        var aMinuteLater = board.Find(thursday.AddMinutes(2));

        before.Cards.ShouldBeEmpty();
        after.Cards.ShouldHaveSingleItem().CardId.ShouldBe(card.Id);
        after.ChangedSince(before).ShouldBeTrue();
        aMinuteLater.ChangedSince(after).ShouldBeFalse();
    }
}
