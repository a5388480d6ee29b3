using System.Globalization;

namespace Kanban.Domain.Outliers;

/// <summary>
/// What an outlier's badge says, in words, so the server, the screens and the tests say the same.
/// Ages and percentiles are rounded to one decimal, half away from zero, and shown without a trailing
/// ".0"; an estimate is the team's own figure (at most two decimals) and is shown as given.
/// </summary>
public static class OutlierBadge
{
    public const string BlockedWords = "Blocked";

    /// <summary>"9.5 working days in progress; 85% of cards finish within 4", and the like for each kind.</summary>
    public static string Words(OutlierReason reason) => reason.Kind switch
    {
        OutlierKind.Percentile =>
            $"{WorkingDays(reason.FigureDays)} in progress; 85% of cards finish within {Show(Rounded(reason.ThresholdDays))}",
        OutlierKind.Estimate =>
            $"{WorkingDays(reason.FigureDays)} in progress; estimated {Show(reason.ThresholdDays / OutlierRules.EstimateMultiple)}, so twice is {Show(reason.ThresholdDays)}",
        OutlierKind.Stale => $"{WorkingDays(reason.FigureDays)} without a move",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason.Kind, null),
    };

    /// <summary>One line per reason; a blocked card's first line says it is blocked.</summary>
    public static IReadOnlyList<string> Lines(CardOutliers card)
    {
        var reasons = card.Reasons.Select(Words);
        return card.Blocked ? [BlockedWords, .. reasons] : [.. reasons];
    }

    private static string WorkingDays(decimal days)
    {
        var rounded = Rounded(days);
        return $"{Show(rounded)} working day{(rounded == 1 ? "" : "s")}";
    }

    /// <summary>Days as the badge says them, to a tenth, halves away from zero: what the API shows too.</summary>
    public static decimal Rounded(decimal days) => Math.Round(days, 1, MidpointRounding.AwayFromZero);

    private static string Show(decimal days) => days.ToString("0.############################", CultureInfo.InvariantCulture);
}
