namespace Kanban.Domain.Outliers;

public enum OutlierKind
{
    /// <summary>Age beyond the board's 85th percentile of cycle times.</summary>
    Percentile,

    /// <summary>Age beyond twice the card's estimate.</summary>
    Estimate,

    /// <summary>No move and no change for the board's stale period.</summary>
    Stale,
}

/// <summary>
/// One test a card failed: its figure (the card's age, or for <see cref="OutlierKind.Stale"/> the time
/// since its last move or change) and the threshold it is beyond, both in working days.
/// </summary>
public sealed record OutlierReason(OutlierKind Kind, decimal FigureDays, decimal ThresholdDays)
{
    /// <summary>The reason as the API names it in <c>reasons[]</c>.</summary>
    public string Name => Kind switch
    {
        OutlierKind.Percentile => "percentile",
        OutlierKind.Estimate => "estimate",
        OutlierKind.Stale => "stale",
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, null),
    };
}

/// <summary>
/// A card that failed at least one outlier test, with its reasons in the order percentile, estimate,
/// stale. A blocked card is tested like any other and says so in <see cref="Blocked"/>.
/// </summary>
public sealed record CardOutliers(Guid CardId, string Key, Guid LaneId, IReadOnlyList<OutlierReason> Reasons, decimal AgeDays, bool Blocked)
{
    public IReadOnlyList<string> ReasonNames => [.. Reasons.Select(r => r.Name)];

    /// <summary>The threshold of the first reason, for an answer with one threshold per card; each reason keeps its own.</summary>
    public decimal ThresholdDays => Reasons[0].ThresholdDays;
}
