using System.Globalization;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Kanban.Domain.Metrics;
using Kanban.Domain.Outliers;

namespace Kanban.Domain.Tests.Metrics;

public sealed class FlowTimeTests
{
    private static readonly WorkingCalendar Utc = new(TimeZoneInfo.Utc);

    private static readonly FlowLane Backlog = new(Guid.NewGuid(), "Backlog", LaneKind.Backlog, null, 0);
    private static readonly FlowLane Ready = new(Guid.NewGuid(), "Ready", LaneKind.Queue, 5, 1);
    private static readonly FlowLane Doing = new(Guid.NewGuid(), "Doing", LaneKind.Active, 3, 2);
    private static readonly FlowLane Done = new(Guid.NewGuid(), "Done", LaneKind.Done, null, 3);
    private static readonly FlowLane[] Lanes = [Backlog, Ready, Doing, Done];

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    private static readonly Guid Id = Guid.NewGuid();

    /// <summary>Started Monday 5 October 00:00, done Friday 9 at 00:00: four working days, two of them in Doing.</summary>
    private static readonly CompletedCard Card = new(Id, "K-1", "A card", CardClass.Standard, At("2026-10-05T00:00:00Z"), At("2026-10-09T00:00:00Z"));

    private static readonly LaneMove[] Moves =
    [
        new(Id, Backlog.Id, At("2026-10-01T09:00:00Z")),
        new(Id, Ready.Id, At("2026-10-05T00:00:00Z")),
        new(Id, Doing.Id, At("2026-10-06T00:00:00Z")),
        new(Id, Ready.Id, At("2026-10-07T00:00:00Z")),
        new(Id, Doing.Id, At("2026-10-08T00:00:00Z")),
        new(Id, Done.Id, At("2026-10-09T00:00:00Z")),
    ];

    [Fact]
    public void Flow_efficiency_is_the_working_time_in_active_lanes_over_the_cycle_time()
    {
        var time = FlowTime.Of([Card], Moves, [], Lanes, Utc).ShouldHaveSingleItem();

        (time.CycleTimeDays, time.ActiveDays, time.FlowEfficiency).ShouldBe((4m, 2m, 0.5m));
    }

    [Fact]
    public void Time_in_an_active_lane_over_a_weekend_counts_its_working_days_only()
    {
        var card = Card with { StartedAt = At("2026-10-08T12:00:00Z"), CompletedAt = At("2026-10-13T12:00:00Z") };
        LaneMove[] moves = [new(Id, Doing.Id, At("2026-10-08T12:00:00Z")), new(Id, Ready.Id, At("2026-10-09T12:00:00Z")), new(Id, Doing.Id, At("2026-10-12T00:00:00Z")), new(Id, Done.Id, At("2026-10-13T12:00:00Z"))];

        var time = FlowTime.Of([card], moves, [], Lanes, Utc).ShouldHaveSingleItem();

        (time.CycleTimeDays, time.ActiveDays).ShouldBe((3m, 2.5m), "Thursday noon to Tuesday noon; in Doing Thursday noon to Friday noon and from Monday");
    }

    [Fact]
    public void Blocked_time_is_cut_to_the_cycle_and_overlapping_blocks_count_once()
    {
        BlockPeriod[] blocks =
        [
            new(Id, At("2026-10-04T00:00:00Z"), At("2026-10-05T12:00:00Z")), // from before the start: half a day of it counts
            new(Id, At("2026-10-06T12:00:00Z"), At("2026-10-07T12:00:00Z")),
            new(Id, At("2026-10-07T00:00:00Z"), At("2026-10-08T00:00:00Z")), // overlaps the one before by half a day
            new(Guid.NewGuid(), At("2026-10-05T00:00:00Z"), null), // another card's
        ];

        FlowTime.Of([Card], Moves, blocks, Lanes, Utc).ShouldHaveSingleItem().BlockedDays.ShouldBe(2m);
    }

    [Fact]
    public void A_block_still_open_when_the_card_was_done_counts_until_done()
    {
        FlowTime.Of([Card], Moves, [new BlockPeriod(Id, At("2026-10-08T00:00:00Z"), null)], Lanes, Utc).ShouldHaveSingleItem().BlockedDays.ShouldBe(1m);
    }

    [Fact]
    public void A_card_done_in_no_working_time_has_no_flow_efficiency_and_adds_nothing_to_the_board_s()
    {
        var weekend = Card with { StartedAt = At("2026-10-10T09:00:00Z"), CompletedAt = At("2026-10-10T17:00:00Z") };
        var times = FlowTime.Of([Card, weekend], [.. Moves, new(weekend.CardId, Doing.Id, At("2026-10-10T09:00:00Z"))], [], Lanes, Utc);

        times.Count.ShouldBe(2);
        FlowTime.Of([weekend with { CardId = Guid.NewGuid() }], [], [], Lanes, Utc).ShouldHaveSingleItem().FlowEfficiency.ShouldBeNull();
        FlowTime.EfficiencyOf(times).ShouldBe(0.5m);
        FlowTime.EfficiencyOf([]).ShouldBeNull();
    }

    [Fact]
    public void The_board_s_flow_efficiency_weighs_each_card_by_its_time()
    {
        var other = Guid.NewGuid();
        var quick = new CompletedCard(other, "K-2", "Quick", CardClass.Standard, At("2026-10-12T00:00:00Z"), At("2026-10-13T00:00:00Z"));
        LaneMove[] moves = [.. Moves, new(other, Doing.Id, At("2026-10-12T00:00:00Z")), new(other, Done.Id, At("2026-10-13T00:00:00Z"))];

        FlowTime.EfficiencyOf(FlowTime.Of([Card, quick], moves, [], Lanes, Utc)).ShouldBe(0.6m, "3 active days of 5, not the mean of 0.5 and 1");
    }
}
