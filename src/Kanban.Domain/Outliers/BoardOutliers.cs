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
    /// became or stopped being an outlier, or one gained or lost a reason or its reason's threshold moved.
    /// Figures growing with time are not a change, or every card would change every minute.
    /// </summary>
    public bool ChangedSince(BoardOutliers? previous)
    {
        var before = ReasonsByCard(previous?.Cards ?? []);
        var now = ReasonsByCard(Cards);
        return before.Count != now.Count
            || now.Any(card => !before.TryGetValue(card.Key, out var reasons) || !reasons.SetEquals(card.Value));
    }

    private static Dictionary<Guid, HashSet<(OutlierKind, decimal)>> ReasonsByCard(IEnumerable<CardOutliers> cards) =>
        cards.ToDictionary(c => c.CardId, c => c.Reasons.Select(r => (r.Kind, r.ThresholdDays)).ToHashSet());
}
