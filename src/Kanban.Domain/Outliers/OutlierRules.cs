using Kanban.Domain.Boards;
using Kanban.Domain.Cards;

namespace Kanban.Domain.Outliers;

/// <summary>
/// Rule 8: a card in an active or queue lane is an outlier when its age is beyond the board's 85th
/// percentile of cycle times (once enough cards are done), or beyond twice its estimate, or when it has
/// not moved or changed for the board's stale period. "Beyond" is strictly greater: a card exactly at
/// a threshold is not an outlier. All figures are working days of <see cref="WorkingCalendar"/>.
/// </summary>
public static class OutlierRules
{
    /// <summary>Below this many cards done in the window, the percentiles say too little to flag anyone.</summary>
    public const int DoneNeededForPercentile = 10;

    public const decimal EstimateMultiple = 2;

    /// <param name="cards">The board's cards: those in active and queue lanes are tested, those done in the window make the history.</param>
    /// <param name="calendar">The board's working days; by default <see cref="WorkingCalendar.Of"/> the board.</param>
    public static BoardOutliers Find(
        Board board,
        IEnumerable<Card> cards,
        DateTimeOffset now,
        int cycleTimeWindowDays = CycleTimes.DefaultWindowDays,
        WorkingCalendar? calendar = null)
    {
        calendar ??= WorkingCalendar.Of(board);
        var onBoard = cards.Where(c => c.State == TicketState.OnBoard).ToList();
        var history = CycleTimes.Over(CycleTimes.CompletedWithin(board, onBoard, now, calendar, cycleTimeWindowDays));
        var percentileThreshold = history is { Count: >= DoneNeededForPercentile } ? history.P85 : (decimal?)null;

        var outliers =
            from card in onBoard
            let lane = card.LaneId is { } laneId ? board.FindLane(laneId) : null
            where lane?.Kind is LaneKind.Active or LaneKind.Queue
            let tested = Test(card, lane, percentileThreshold, board.Settings.StaleDays, now, calendar)
            where tested is not null
            orderby lane.Order descending, tested.AgeDays descending, card.Number
            select tested;
        return new BoardOutliers(history, [.. outliers]);
    }

    private static CardOutliers? Test(
        Card card, Lane lane, decimal? percentileThreshold, int staleDays, DateTimeOffset now, WorkingCalendar calendar)
    {
        // A card restored without a start has been out of the backlog at least since it entered its lane.
        var age = calendar.DaysBetween(card.StartedAt ?? card.LastMovedAt ?? card.UpdatedAt, now);
        var idle = calendar.DaysBetween(LastMoveOrChange(card), now);
        var estimateThreshold = EstimateMultiple * card.EstimateDays;

        List<OutlierReason> reasons = [];
        if (percentileThreshold is { } p85 && age > p85)
        {
            reasons.Add(new OutlierReason(OutlierKind.Percentile, age, p85));
        }

        if (card.EstimateDays > 0 && age > estimateThreshold)
        {
            reasons.Add(new OutlierReason(OutlierKind.Estimate, age, estimateThreshold));
        }

        if (idle > staleDays)
        {
            reasons.Add(new OutlierReason(OutlierKind.Stale, idle, staleDays));
        }

        return reasons.Count == 0 ? null : new CardOutliers(card.Id, card.Key, lane.Id, reasons, age, card.Blocked);
    }

    /// <summary>Any change a card records counts: a move, an edit, an assignment, a block, a reorder in its lane.</summary>
    private static DateTimeOffset LastMoveOrChange(Card card) =>
        new[] { card.UpdatedAt, card.LastMovedAt ?? card.UpdatedAt, card.StartedAt ?? card.UpdatedAt }.Max();
}
