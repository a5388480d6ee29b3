using Kanban.Domain.Boards;
using Kanban.Domain.Cards;

namespace Kanban.Domain.Outliers;

/// <summary>
/// The board's cycle times over its recent history: how many cards are done in the window and the
/// 50th, 85th and 95th percentiles (<see cref="Percentile.NearestRank"/>) of their cycle times, in working days.
/// </summary>
public sealed record CycleTimes(int Count, decimal P50, decimal P85, decimal P95)
{
    /// <summary>How far back a card's completion still counts, until the board has a setting of its own.</summary>
    public const int DefaultWindowDays = 90;

    /// <summary>
    /// A card's cycle time: from when it first left a backlog lane to when it entered a done lane.
    /// Null for a card that is not done, or that has no start on record.
    /// </summary>
    public static decimal? Of(Card card, WorkingCalendar calendar) =>
        card is { StartedAt: { } started, CompletedAt: { } completed } ? calendar.DaysBetween(started, completed) : null;

    /// <summary>
    /// The cycle times of the cards of <paramref name="board"/> in a done lane that entered it no more than
    /// <paramref name="windowDays"/> calendar days before <paramref name="now"/> (a completion exactly that long ago counts).
    /// </summary>
    public static IReadOnlyList<decimal> CompletedWithin(
        Board board, IEnumerable<Card> cards, DateTimeOffset now, WorkingCalendar calendar, int windowDays = DefaultWindowDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowDays);
        var since = now.AddDays(-windowDays);
        return
        [
            .. cards
                .Where(c => c.State == TicketState.OnBoard
                    && c.CompletedAt >= since && c.CompletedAt <= now
                    && c.LaneId is { } lane && board.FindLane(lane)?.Kind == LaneKind.Done)
                .Select(c => Of(c, calendar))
                .OfType<decimal>(),
        ];
    }

    /// <summary>Null when no card is done in the window.</summary>
    public static CycleTimes? Over(IReadOnlyCollection<decimal> cycleTimes) =>
        cycleTimes.Count == 0
            ? null
            : new CycleTimes(
                cycleTimes.Count,
                Percentile.NearestRank(cycleTimes, 50)!.Value,
                Percentile.NearestRank(cycleTimes, 85)!.Value,
                Percentile.NearestRank(cycleTimes, 95)!.Value);
}
