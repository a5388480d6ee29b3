using System.Globalization;
using Kanban.Domain.Boards;
using Kanban.Domain.Metrics;
using Kanban.Domain.Outliers;

namespace Kanban.Domain.Tests.Metrics;

public sealed class CumulativeFlowTests
{
    private static readonly WorkingCalendar Utc = new(TimeZoneInfo.Utc);
    private static readonly WorkingCalendar London = new(TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));

    private static readonly FlowLane Backlog = new(Guid.NewGuid(), "Backlog", LaneKind.Backlog, null, 0);
    private static readonly FlowLane Ready = new(Guid.NewGuid(), "Ready", LaneKind.Queue, 5, 1);
    private static readonly FlowLane Doing = new(Guid.NewGuid(), "Doing", LaneKind.Active, 3, 2);
    private static readonly FlowLane Done = new(Guid.NewGuid(), "Done", LaneKind.Done, null, 3);
    private static readonly IReadOnlyList<FlowLane> Lanes = [Backlog, Ready, Doing, Done];

    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid();

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    private static DateOnly Day(string date) => DateOnly.Parse(date, CultureInfo.InvariantCulture);

    private static readonly LaneMove[] History =
    [
        new(A, Backlog.Id, At("2026-10-05T09:00:00Z")),
        new(B, Backlog.Id, At("2026-10-05T10:00:00Z")),
        new(A, Ready.Id, At("2026-10-06T09:00:00Z")),
        new(A, Doing.Id, At("2026-10-06T15:00:00Z")),
        new(C, Backlog.Id, At("2026-10-07T08:00:00Z")),
        new(B, Doing.Id, At("2026-10-07T12:00:00Z")),
        new(A, Done.Id, At("2026-10-08T00:00:00Z")), // exactly the end of Wednesday: Thursday's
        new(B, Ready.Id, At("2026-10-08T11:00:00Z")), // back from Doing
    ];

    [Fact]
    public void Each_day_counts_the_cards_in_each_lane_at_its_end_replayed_from_the_moves()
    {
        var days = CumulativeFlow.Of(Lanes, History, Day("2026-10-04"), Day("2026-10-09"), Utc);

        days.Select(d => (d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), string.Join(",", d.Counts))).ShouldBe(
        [
            ("2026-10-04", "0,0,0,0"),
            ("2026-10-05", "2,0,0,0"),
            ("2026-10-06", "1,0,1,0"),
            ("2026-10-07", "1,0,2,0"),
            ("2026-10-08", "1,1,0,1"),
            ("2026-10-09", "1,1,0,1"),
        ]);
    }

    [Fact]
    public void A_day_ends_at_midnight_of_the_board_s_time_zone()
    {
        // 23:30 UTC on Tuesday 6 October is 00:30 on Wednesday in London (summer time).
        LaneMove[] moves = [new(A, Backlog.Id, At("2026-10-05T09:00:00Z")), new(A, Doing.Id, At("2026-10-06T23:30:00Z"))];

        CumulativeFlow.Of(Lanes, moves, Day("2026-10-06"), Day("2026-10-07"), London).Select(d => d.Counts[2]).ShouldBe([0, 1]);
        CumulativeFlow.Of(Lanes, moves, Day("2026-10-06"), Day("2026-10-07"), Utc).Select(d => d.Counts[2]).ShouldBe([1, 1]);
    }

    [Fact]
    public void Work_in_progress_is_the_cards_in_queue_and_active_lanes_at_each_day_s_end()
    {
        var days = CumulativeFlow.Of(Lanes, History, Day("2026-10-05"), Day("2026-10-09"), Utc);

        CumulativeFlow.WorkInProgress(Lanes, days).Select(d => d.Count).ShouldBe([0, 1, 2, 1, 1]);
    }

    [Fact]
    public void A_move_into_a_lane_since_removed_counts_in_no_lane()
    {
        LaneMove[] moves = [new(A, Backlog.Id, At("2026-10-05T09:00:00Z")), new(A, Guid.NewGuid(), At("2026-10-06T09:00:00Z")), new(A, Done.Id, At("2026-10-07T09:00:00Z"))];

        CumulativeFlow.Of(Lanes, moves, Day("2026-10-05"), Day("2026-10-07"), Utc).Select(d => string.Join(",", d.Counts))
            .ShouldBe(["1,0,0,0", "0,0,0,0", "0,0,0,1"]);
    }

    [Fact]
    public void The_moves_may_come_in_any_order()
    {
        var inOrder = CumulativeFlow.Of(Lanes, History, Day("2026-10-04"), Day("2026-10-09"), Utc);

        CumulativeFlow.Of(Lanes, History.Reverse(), Day("2026-10-04"), Day("2026-10-09"), Utc)
            .Select(d => string.Join(",", d.Counts)).ShouldBe(inOrder.Select(d => string.Join(",", d.Counts)));
    }
}
