using Kanban.Domain.Boards;
using Kanban.Domain.Outliers;
using static Kanban.Domain.Tests.TestBoards;

namespace Kanban.Domain.Tests.Outliers;

public sealed class CycleTimeTests
{
    private readonly OutlierBoard _board = new();

    private WorkingCalendar Calendar => WorkingCalendar.Of(_board.Board);

    [Fact]
    public void A_cards_cycle_time_runs_from_leaving_the_backlog_to_entering_done_in_working_days()
    {
        var card = _board.Start("Backlog");
        _board.Wait(TimeSpan.FromHours(3));
        _board.Move(card, "Ready");
        _board.WaitDays(1);
        _board.Move(card, "In progress");
        _board.Wait(TimeSpan.FromDays(1.5));
        _board.Move(card, "Done");

        CycleTime(card).ShouldBe(2.5m);
    }

    [Fact]
    public void The_weekend_is_not_part_of_a_cycle_time()
    {
        _board.WaitDays(4); // Friday 09:00
        var card = _board.Start();
        _board.WaitDays(3);
        _board.Move(card, "Done");

        CycleTime(card).ShouldBe(1m);
    }

    [Fact]
    public void A_card_not_done_has_no_cycle_time()
    {
        var card = _board.Start();
        _board.WaitDays(1);
        _board.Move(card, "Done");
        _board.Move(card, "Testing");

        CycleTime(card).ShouldBeNull();
    }

    [Fact]
    public void The_history_is_the_cards_done_within_the_window_a_completion_exactly_that_long_ago_included()
    {
        var first = _board.Start();
        _board.WaitDays(1);
        _board.Move(first, "Done");
        var firstDone = _board.Clock;
        _board.WaitDays(1);
        var second = _board.Start();
        _board.WaitDays(2);
        _board.Move(second, "Done");
        _board.Start(); // in progress, not done

        Window(firstDone.AddDays(90)).ShouldBe([1m, 2m], ignoreOrder: true);
        Window(firstDone.AddDays(90).AddSeconds(1)).ShouldBe([2m]);
        Window(firstDone.AddDays(30), windowDays: 30).ShouldBe([1m, 2m], ignoreOrder: true);
        Window(firstDone.AddDays(31), windowDays: 30).ShouldBe([2m]);
    }

    [Fact]
    public void A_completion_after_now_is_not_history_yet()
    {
        var card = _board.Start();
        _board.WaitDays(1);
        _board.Move(card, "Done");

        Window(_board.Clock.AddSeconds(-1)).ShouldBeEmpty();
        Window(_board.Clock).ShouldBe([1m]);
    }

    [Fact]
    public void Cycle_times_count_in_the_boards_time_zone()
    {
        // Monday 09:00 to Friday 20:00 UTC is Monday 18:00 to Saturday 05:00 in Tokyo: the hours after
        // Friday's end in Tokyo are weekend there.
        var tokyo = new OutlierBoard(Board.Create("Demo board", "DEMO", Now, timeZone: "Asia/Tokyo"));
        var utc = new OutlierBoard();
        foreach (var board in new[] { tokyo, utc })
        {
            var card = board.Start();
            board.Wait(TimeSpan.FromDays(4) + TimeSpan.FromHours(11));
            board.Move(card, "Done");
        }

        CycleTimes.CompletedWithin(tokyo.Board, tokyo.Harness.Tickets, tokyo.Clock, WorkingCalendar.Of(tokyo.Board))
            .ShouldBe([0.25m + 4]);
        CycleTimes.CompletedWithin(utc.Board, utc.Harness.Tickets, utc.Clock, WorkingCalendar.Of(utc.Board))
            .ShouldBe([(15m / 24) + 3 + (20m / 24)]);
    }

    private decimal? CycleTime(Kanban.Domain.Cards.Card card) => CycleTimes.Of(card, Calendar);

    private IReadOnlyList<decimal> Window(DateTimeOffset now, int windowDays = CycleTimes.DefaultWindowDays) =>
        CycleTimes.CompletedWithin(_board.Board, _board.Harness.Tickets, now, Calendar, windowDays);
}
