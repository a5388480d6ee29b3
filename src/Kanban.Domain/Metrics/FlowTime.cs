using Kanban.Domain.Boards;
using Kanban.Domain.Outliers;

namespace Kanban.Domain.Metrics;

/// <summary>
/// One done card's time, in working days: its cycle time (<see cref="CycleTimes"/>: first pull out of the
/// backlog to entering the done lanes), the part of it spent in active lanes, and the part it was blocked.
/// <see cref="FlowEfficiency"/> is active over cycle time, null for a card done in no working time.
/// </summary>
public sealed record CardFlowTime(CompletedCard Card, decimal CycleTimeDays, decimal ActiveDays, decimal BlockedDays)
{
    public decimal? FlowEfficiency => CycleTimeDays > 0 ? Math.Min(1, ActiveDays / CycleTimeDays) : null;
}

public static class FlowTime
{
    /// <param name="moves">The card's moves (others are ignored), in any order.</param>
    /// <param name="blocks">The card's block periods (others are ignored).</param>
    public static CardFlowTime Of(
        CompletedCard card, IEnumerable<LaneMove> moves, IEnumerable<BlockPeriod> blocks, IReadOnlyDictionary<Guid, LaneKind> laneKinds, WorkingCalendar calendar)
    {
        var (start, end) = (card.StartedAt, card.CompletedAt);
        var own = moves.Where(m => m.CardId == card.CardId).OrderBy(m => m.At).ToList();
        var active = new List<(DateTimeOffset From, DateTimeOffset? To)>();
        for (var i = 0; i < own.Count; i++)
        {
            if (laneKinds.GetValueOrDefault(own[i].ToLaneId, LaneKind.Backlog) == LaneKind.Active)
            {
                active.Add((own[i].At, i + 1 < own.Count ? own[i + 1].At : end));
            }
        }

        var blocked = blocks.Where(b => b.CardId == card.CardId).Select(b => (b.From, b.Until));
        return new CardFlowTime(
            card,
            calendar.DaysBetween(start, end),
            Spans.WorkingDays(Spans.Merged(active, start, end, end), calendar),
            Spans.WorkingDays(Spans.Merged(blocked, start, end, end), calendar));
    }

    /// <summary>
    /// The flow times of many done cards at once, each card's moves and blocks found by its id.
    /// </summary>
    public static IReadOnlyList<CardFlowTime> Of(
        IEnumerable<CompletedCard> cards, IEnumerable<LaneMove> moves, IEnumerable<BlockPeriod> blocks, IEnumerable<FlowLane> lanes, WorkingCalendar calendar)
    {
        var kinds = lanes.ToDictionary(l => l.Id, l => l.Kind);
        var movesOf = moves.ToLookup(m => m.CardId);
        var blocksOf = blocks.ToLookup(b => b.CardId);
        return [.. cards.Select(c => Of(c, movesOf[c.CardId], blocksOf[c.CardId], kinds, calendar))];
    }

    /// <summary>
    /// The flow efficiency of a set of cards: their time in active lanes over their cycle time, both summed,
    /// so a long card weighs as much as its time. Null when they took no working time at all.
    /// </summary>
    public static decimal? EfficiencyOf(IReadOnlyCollection<CardFlowTime> cards)
    {
        var cycle = cards.Sum(c => c.CycleTimeDays);
        return cycle > 0 ? Math.Min(1, cards.Sum(c => c.ActiveDays) / cycle) : null;
    }

    /// <summary>How long a card has been blocked, in working days, from its block to <paramref name="now"/>.</summary>
    public static decimal BlockedFor(DateTimeOffset since, DateTimeOffset now, WorkingCalendar calendar) => calendar.DaysBetween(since, now);
}
