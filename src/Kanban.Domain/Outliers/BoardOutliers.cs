namespace Kanban.Domain.Outliers;

/// <summary>
/// A board's outliers at one moment, ordered as the standup walks them: right to left by lane, then
/// oldest first. <see cref="CycleTimes"/> is null when no card is done in the window.
/// </summary>
public sealed record BoardOutliers(CycleTimes? CycleTimes, IReadOnlyList<CardOutliers> Cards)
{
    /// <summary>Whether the 85th percentile test ran: only once enough cards are done in the window.</summary>
    public bool PercentileTested => CycleTimes?.Count >= OutlierRules.DoneNeededForPercentile;

    /// <summary>
    /// Whether anything a badge or the standup list shows changed since <paramref name="previous"/>: a card
    /// became or stopped being an outlier, gained or lost a reason, a reason's threshold moved, or an
    /// outlier was blocked or unblocked. Figures growing with time are not a change, or every card would
    /// change every minute.
    /// </summary>
    public bool ChangedSince(BoardOutliers? previous)
    {
        var before = (previous?.Cards ?? []).ToDictionary(c => c.CardId);
        return before.Count != Cards.Count
            || Cards.Any(card => !before.TryGetValue(card.CardId, out var was) || !SameReasonsAndBlock(was, card));
    }

    private static bool SameReasonsAndBlock(CardOutliers was, CardOutliers now) =>
        was.Blocked == now.Blocked
        && was.Reasons.Select(r => (r.Kind, r.ThresholdDays)).ToHashSet().SetEquals(now.Reasons.Select(r => (r.Kind, r.ThresholdDays)));
}
