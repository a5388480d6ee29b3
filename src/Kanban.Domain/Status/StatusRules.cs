using System.Globalization;
using Kanban.Domain.Outliers;

namespace Kanban.Domain.Status;

public enum Rag
{
    Red,
    Amber,
    Green,
}

/// <summary>One rule that fired: its name, its colour, one sentence with the figures, and the figures themselves.</summary>
public sealed record StatusReason(string Rule, Rag Rag, string Text, IReadOnlyDictionary<string, object?> Figures);

/// <summary>The colour the rules give and every reason for it, red ones first; no reason means green.</summary>
public sealed record StatusVerdict(Rag Rag, IReadOnlyList<StatusReason> Reasons);

public sealed record StoppedNow(string Kind, string Reason, DateTimeOffset Since);

public sealed record BlockedCardFact(string Key, decimal BlockedDays);

public sealed record LaneLoad(string Name, int Count, int Limit)
{
    public bool Over => Count > Limit;
}

/// <summary>
/// What the status rules read, all computed from the board and its history. <see cref="ForecastP85"/> is
/// null when the forecast gave no 85% date; <see cref="ForecastReason"/> then says why.
/// </summary>
public sealed record StatusFacts(
    StoppedNow? Stopped,
    decimal StoppedShareThisWeek,
    int StoppedRedPercent,
    int Remaining,
    DateOnly? ForecastP85,
    string? ForecastReason,
    bool ForecastHasThroughput,
    DateOnly? TargetDate,
    IReadOnlyList<string> OutlierKeys,
    IReadOnlyList<BlockedCardFact> Blocked,
    IReadOnlyList<LaneLoad> Lanes);

/// <summary>
/// Rule 9, the published status rules (docs/status-rules.md). Red when the line is stopped now, or was
/// stopped more than <see cref="StatusFacts.StoppedRedPercent"/>% of this week's working time so far, or
/// the work remaining cannot be shown to be done by the target date (its 85% forecast falls after it, or
/// there is no such date while work remains). Amber when a card is an outlier, a card has been blocked
/// more than one working day, or a lane holds more cards than its limit. Green otherwise. Nothing else
/// sets the colour: no setting, route or role.
/// </summary>
public static class StatusRules
{
    public const string LineStoppedNow = "line-stopped-now";
    public const string LineStoppedThisWeek = "line-stopped-this-week";
    public const string ForecastAfterTarget = "forecast-after-target";
    public const string NoForecastForTarget = "no-forecast-for-target";
    public const string Outliers = "outliers";
    public const string BlockedOverADay = "blocked-over-a-day";
    public const string LaneOverLimit = "lane-over-limit";

    /// <summary>A card blocked longer than this many working days turns the status amber.</summary>
    public const decimal BlockedAmberDays = 1;

    public static StatusVerdict Evaluate(StatusFacts facts)
    {
        var reasons = new List<StatusReason>();
        if (facts.Stopped is { } stopped)
        {
            reasons.Add(Reason(LineStoppedNow, Rag.Red,
                $"The line is stopped now ({stopped.Kind.ToLowerInvariant()}: {stopped.Reason}) since {stopped.Since.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC.",
                ("kind", stopped.Kind), ("reason", stopped.Reason), ("since", stopped.Since.UtcDateTime.ToString("O", CultureInfo.InvariantCulture))));
        }

        var sharePercent = Math.Round(100 * facts.StoppedShareThisWeek, 1, MidpointRounding.AwayFromZero);
        if (facts.StoppedShareThisWeek * 100 > facts.StoppedRedPercent)
        {
            reasons.Add(Reason(LineStoppedThisWeek, Rag.Red,
                $"The line was stopped {Show(sharePercent)}% of this week's working time (limit {facts.StoppedRedPercent}%).",
                ("stoppedPercent", sharePercent), ("limitPercent", facts.StoppedRedPercent)));
        }

        if (facts.TargetDate is { } target && facts.Remaining > 0)
        {
            if (facts.ForecastP85 is { } p85 && p85 > target)
            {
                reasons.Add(Reason(ForecastAfterTarget, Rag.Red,
                    $"The {facts.Remaining} remaining cards are done by {Day(p85)} with 85% confidence, after the target date {Day(target)}.",
                    ("p85", Day(p85)), ("targetDate", Day(target)), ("remaining", facts.Remaining)));
            }
            else if (facts.ForecastP85 is null && facts.ForecastHasThroughput)
            {
                reasons.Add(Reason(ForecastAfterTarget, Rag.Red,
                    $"The {facts.Remaining} remaining cards are not done within the forecast's horizon with 85% confidence, so after the target date {Day(target)}.",
                    ("p85", null), ("targetDate", Day(target)), ("remaining", facts.Remaining)));
            }
            else if (facts.ForecastP85 is null)
            {
                reasons.Add(Reason(NoForecastForTarget, Rag.Red,
                    $"{facts.ForecastReason} So {facts.Remaining} remaining cards cannot be shown to be done by the target date {Day(target)}.",
                    ("p85", null), ("targetDate", Day(target)), ("remaining", facts.Remaining)));
            }
        }

        if (facts.OutlierKeys.Count > 0)
        {
            reasons.Add(Reason(Outliers, Rag.Amber,
                $"{Cards(facts.OutlierKeys.Count)} {(facts.OutlierKeys.Count == 1 ? "is an outlier" : "are outliers")}: {string.Join(", ", facts.OutlierKeys)}.",
                ("count", facts.OutlierKeys.Count), ("cards", string.Join(",", facts.OutlierKeys))));
        }

        var longBlocked = facts.Blocked.Where(b => b.BlockedDays > BlockedAmberDays).OrderByDescending(b => b.BlockedDays).ToList();
        if (longBlocked.Count > 0)
        {
            var longest = OutlierBadge.Rounded(longBlocked[0].BlockedDays);
            reasons.Add(Reason(BlockedOverADay, Rag.Amber,
                $"{Cards(longBlocked.Count)} blocked for more than a working day: {string.Join(", ", longBlocked.Select(b => $"{b.Key} ({Show(OutlierBadge.Rounded(b.BlockedDays))} days)"))}.",
                ("count", longBlocked.Count), ("longestDays", longest), ("cards", string.Join(",", longBlocked.Select(b => b.Key)))));
        }

        foreach (var lane in facts.Lanes.Where(l => l.Over))
        {
            reasons.Add(Reason(LaneOverLimit, Rag.Amber,
                $"{lane.Name} holds {lane.Count} cards, over its limit of {lane.Limit}.",
                ("lane", lane.Name), ("count", lane.Count), ("limit", lane.Limit)));
        }

        var rag = reasons.Count == 0 ? Rag.Green : reasons.Min(r => r.Rag);
        return new StatusVerdict(rag, [.. reasons.OrderBy(r => r.Rag)]);
    }

    private static StatusReason Reason(string rule, Rag rag, string text, params (string Name, object? Value)[] figures) =>
        new(rule, rag, text, figures.ToDictionary(f => f.Name, f => f.Value));

    private static string Cards(int count) => count == 1 ? "1 card" : $"{count} cards";

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Show(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
