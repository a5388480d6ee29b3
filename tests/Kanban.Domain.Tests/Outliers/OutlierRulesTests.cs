using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Kanban.Domain.Outliers;
using static Kanban.Domain.Tests.Outliers.OutlierBoard;
using static Kanban.Domain.Tests.TestBoards;

namespace Kanban.Domain.Tests.Outliers;

/// <summary>
/// Each test of rule 8 alone on a small board history, the others kept out of the way: a stale period
/// of 60 days where staleness is not the point, estimates of 5 days (twice is 10) where the estimate is not,
/// fewer than 10 cards done where the percentile is not. The board's clock starts on Monday 2 November 2026 at 09:00 UTC.
/// </summary>
public sealed class OutlierRulesTests
{
    private readonly OutlierBoard _board = new();

    /// <summary>Ten cards done with cycle times 1, 1, 1, 2, 2, 2, 3, 3, 4, 5: the 85th percentile is 4. Ends on Monday 9 November at 09:00.</summary>
    private void TenDoneWithP85OfFour() => _board.CompleteHistory(1, 1, 1, 2, 2, 2, 3, 3, 4, 5);

    private void NeverStale() => _board.ChangeSettings(s => s.StaleDays = BoardLimits.StaleDays.Max);

    [Fact]
    public void Cards_in_queue_and_active_lanes_older_than_the_85th_percentile_are_outliers_and_no_others()
    {
        TenDoneWithP85OfFour();
        NeverStale();
        var inProgress = _board.Start("In progress");
        var ready = _board.Start("Ready");
        var backlog = _board.Start("Backlog");
        var backToBacklog = _board.Start("Ready");
        _board.Move(backToBacklog, "Backlog");
        _board.Wait(TimeSpan.FromHours(12));
        var atThePercentile = _board.Start("Testing");
        _board.Wait(TimeSpan.FromHours(12));
        var younger = _board.Start("Ready for test");
        var fridayEvening = _board.Clock.AddDays(3).AddHours(12);

        var outliers = _board.Find(fridayEvening);

        outliers.PercentileTested.ShouldBeTrue();
        outliers.CycleTimes.ShouldBe(new CycleTimes(10, 2, 4, 5));
        Keys(outliers).ShouldBe([inProgress.Key, ready.Key]);
        outliers.Cards.ShouldAllBe(c => c.Reasons.Single() == new OutlierReason(OutlierKind.Percentile, 4.5m, 4m));
        outliers.Cards.Select(c => c.AgeDays).ShouldBe([4.5m, 4.5m]);
        new[] { backlog, backToBacklog, atThePercentile, younger }.ShouldAllBe(c => !Keys(outliers).Contains(c.Key));
        Keys(_board.Find(fridayEvening.AddMinutes(1))).ShouldContain(atThePercentile.Key);
    }

    [Theory]
    [InlineData(9, false)]
    [InlineData(10, true)]
    public void The_percentile_test_runs_once_at_least_10_cards_are_done_in_the_window(int done, bool tested)
    {
        // Nine done: 1, 1, 2, 2, 2, 3, 3, 4, 5, whose 85th percentile is 4 as well.
        _board.CompleteHistory([.. new[] { 1, 1, 1, 2, 2, 2, 3, 3, 4, 5 }.Skip(10 - done)]);
        NeverStale();
        var card = _board.Start();

        var outliers = _board.Find(_board.Clock.AddDays(4).AddHours(12));

        outliers.CycleTimes!.Count.ShouldBe(done);
        outliers.CycleTimes.P85.ShouldBe(4m);
        outliers.PercentileTested.ShouldBe(tested);
        Keys(outliers).ShouldBe(tested ? [card.Key] : []);
    }

    [Fact]
    public void Cards_done_before_the_window_do_not_count_towards_the_ten()
    {
        TenDoneWithP85OfFour();
        NeverStale();
        var lastDone = _board.Clock;
        _board.WaitDays(89);
        var card = _board.Start();
        var tenDaysLater = _board.Clock.AddDays(10);

        _board.Find(tenDaysLater, [], cycleTimeWindowDays: 365).Cards.ShouldHaveSingleItem().CardId.ShouldBe(card.Id);
        var outliers = _board.Find(tenDaysLater);

        tenDaysLater.ShouldBeGreaterThan(lastDone.AddDays(CycleTimes.DefaultWindowDays));
        outliers.PercentileTested.ShouldBeFalse();
        outliers.Cards.ShouldBeEmpty();
    }

    [Fact]
    public void Cards_older_than_twice_their_estimate_are_outliers_whatever_the_history()
    {
        NeverStale();
        var oneDay = _board.Start("In progress", estimateDays: 1);
        var twoDays = _board.Start("Testing", estimateDays: 2);
        var halfADay = _board.Start("Ready", estimateDays: 0.5m);
        var fiveDays = _board.Start("Ready for test", estimateDays: 5);
        _board.Start("Backlog", estimateDays: 0.5m);
        var wednesday = _board.Clock.AddDays(2);

        var outliers = _board.Find(wednesday.AddMinutes(1));

        outliers.PercentileTested.ShouldBeFalse();
        Keys(outliers).ShouldBe([oneDay.Key, halfADay.Key]);
        outliers.Cards.Select(c => c.Reasons.Single().ThresholdDays).ShouldBe([2m, 1m]);
        outliers.Cards.ShouldAllBe(c => c.Reasons.Single().Kind == OutlierKind.Estimate);
        new[] { twoDays, fiveDays }.ShouldAllBe(c => !Keys(outliers).Contains(c.Key));
        Keys(_board.Find(wednesday)).ShouldBe([halfADay.Key]);
    }

    [Fact]
    public void A_card_without_an_estimate_is_not_tested_by_it()
    {
        NeverStale();
        var content = Ticket() with { EstimateDays = 0 };
        var inProgress = _board.Board.LaneNamed("In progress");
        var unestimated = Card.Restore(
            _board.Board.Id, 99, "DEMO-99", content, TicketState.OnBoard, inProgress.Id, rank: 0, assigneeId: null, blocked: null,
            createdAt: Now, startedAt: Now, completedAt: null, lastMovedAt: Now, updatedAt: Now);

        _board.Find(Now.AddDays(14), [unestimated]).Cards.ShouldBeEmpty();
    }

    [Fact]
    public void A_card_restored_without_a_start_is_aged_from_when_it_entered_its_lane()
    {
        NeverStale();
        var testing = _board.Board.LaneNamed("Testing");
        var enteredTesting = Now.AddDays(1);
        var unstarted = Card.Restore(
            _board.Board.Id, 99, "DEMO-99", Ticket() with { EstimateDays = 1 }, TicketState.OnBoard, testing.Id, rank: 0, assigneeId: null,
            blocked: null, createdAt: Now, startedAt: null, completedAt: null, lastMovedAt: enteredTesting, updatedAt: enteredTesting);

        var outlier = _board.Find(enteredTesting.AddDays(3), [unstarted]).Cards.ShouldHaveSingleItem();

        (outlier.Key, outlier.AgeDays).ShouldBe(("DEMO-99", 3m));
    }

    [Fact]
    public void Cards_without_a_move_or_a_change_for_the_stale_period_are_outliers()
    {
        var untouched = _board.Start("In progress");
        var movedOnTuesday = _board.Start("Ready");
        var assignedOnWednesday = _board.Start("In progress");
        var blocked = _board.Start("Testing");
        _board.Harness.Block(blocked);
        _board.Start("Backlog");
        var done = _board.Start("Ready");
        _board.Move(done, "Done");
        _board.WaitDays(1);
        _board.Move(movedOnTuesday, "In progress");
        _board.WaitDays(1);
        _board.Harness.Assign(assignedOnWednesday, Alice);
        var thursday = _board.Clock.AddDays(1);

        var outliers = _board.Find(thursday.AddMinutes(1));

        Keys(outliers).ShouldBe([blocked.Key, untouched.Key]);
        outliers.Cards.ShouldAllBe(c => c.Reasons.Single().Kind == OutlierKind.Stale && c.Reasons.Single().ThresholdDays == 3);
        outliers.Cards.Select(c => c.Blocked).ShouldBe([true, false]);
        _board.Find(thursday).Cards.ShouldBeEmpty();
    }

    [Fact]
    public void The_weekend_does_not_count_towards_the_stale_period()
    {
        _board.WaitDays(4);
        var startedOnFriday = _board.Start();

        Keys(_board.Find(_board.Clock.AddDays(4))).ShouldBeEmpty(); // Tuesday: two working days
        Keys(_board.Find(_board.Clock.AddDays(5).AddMinutes(1))).ShouldBe([startedOnFriday.Key]);
    }

    [Fact]
    public void The_stale_period_is_the_boards_setting()
    {
        var card = _board.Start();
        var thursday = _board.Clock.AddDays(3).AddMinutes(1);
        Keys(_board.Find(thursday)).ShouldBe([card.Key]);

        _board.ChangeSettings(s => s.StaleDays = 5);

        _board.Find(thursday).Cards.ShouldBeEmpty();
    }

    [Fact]
    public void The_stale_period_is_counted_in_the_boards_time_zone()
    {
        // Friday 20:00 UTC to Monday 20:00 UTC is one working day in UTC and Saturday 05:00 to Tuesday 05:00 in Tokyo.
        var tokyo = new OutlierBoard(Board.Create("Demo board", "DEMO", Now, timeZone: "Asia/Tokyo"));
        var utc = new OutlierBoard();
        foreach (var board in new[] { tokyo, utc })
        {
            board.ChangeSettings(s => s.StaleDays = 1);
            board.Wait(TimeSpan.FromDays(4) + TimeSpan.FromHours(11));
            board.Start();
        }

        var monday = utc.Clock.AddDays(3);

        utc.Find(monday).Cards.ShouldBeEmpty();
        tokyo.Find(monday).Cards.ShouldHaveSingleItem().Reasons.ShouldBe([new OutlierReason(OutlierKind.Stale, 1m + (5m / 24), 1m)]);
    }

    [Fact]
    public void A_blocked_card_is_still_tested_by_its_age_and_says_it_is_blocked()
    {
        NeverStale();
        var card = _board.Start(estimateDays: 1);
        _board.WaitDays(2);
        _board.Harness.Block(card);

        var outlier = _board.Find(_board.Clock.AddHours(1)).Cards.ShouldHaveSingleItem();

        outlier.Blocked.ShouldBeTrue();
        outlier.ReasonNames.ShouldBe(["estimate"]);
    }

    [Fact]
    public void A_card_failing_every_test_gives_its_reasons_as_percentile_estimate_stale_each_with_its_threshold()
    {
        TenDoneWithP85OfFour();
        var card = _board.Start(estimateDays: 2);

        var outlier = _board.Find(_board.Clock.AddDays(4).AddHours(12)).Cards.ShouldHaveSingleItem();

        (outlier.CardId, outlier.Key, outlier.LaneId, outlier.AgeDays, outlier.Blocked)
            .ShouldBe((card.Id, card.Key, card.LaneId!.Value, 4.5m, false));
        outlier.Reasons.ShouldBe(
        [
            new OutlierReason(OutlierKind.Percentile, 4.5m, 4m),
            new OutlierReason(OutlierKind.Estimate, 4.5m, 4m),
            new OutlierReason(OutlierKind.Stale, 4.5m, 3m),
        ]);
        outlier.ReasonNames.ShouldBe(["percentile", "estimate", "stale"]);
        outlier.ThresholdDays.ShouldBe(4m);
    }

    [Fact]
    public void Outliers_come_right_to_left_by_lane_then_oldest_first()
    {
        var olderReady = _board.Start("Ready");
        _board.Wait(TimeSpan.FromHours(3));
        var ready = _board.Start("Ready");
        var inProgress = _board.Start("In progress");
        var testing = _board.Start("Testing");
        var readyForTest = _board.Start("Ready for test");

        var outliers = _board.Find(_board.Clock.AddDays(7));

        Keys(outliers).ShouldBe([testing.Key, readyForTest.Key, inProgress.Key, olderReady.Key, ready.Key]);
    }

    [Fact]
    public void A_board_without_history_or_cards_has_no_outliers_and_no_cycle_times()
    {
        var outliers = _board.Find(Now.AddDays(30));

        outliers.CycleTimes.ShouldBeNull();
        outliers.PercentileTested.ShouldBeFalse();
        outliers.Cards.ShouldBeEmpty();
    }
}
