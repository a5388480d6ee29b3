using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Kanban.Domain.Forecasting;
using Kanban.Domain.Outliers;
using Kanban.Domain.Status;

namespace Kanban.Api.Features.Status;

/// <summary>The board's status as /work/briefs/status-contract.md and docs/status-rules.md give it: computed, never typed in.</summary>
public sealed record StatusResponse(
    Guid BoardId,
    string BoardName,
    string BoardKey,
    string TimeZone,
    long Version,
    DateTimeOffset GeneratedAt,
    Rag Rag,
    IReadOnlyList<StatusReasonResponse> Reasons,
    StatusLineResponse Line,
    IReadOnlyList<LaneAtLimitResponse> LanesAtLimit,
    IReadOnlyList<StatusOutlierResponse> Outliers,
    IReadOnlyList<BlockedCardResponse> Blocked,
    decimal ThroughputPerWeek,
    CycleTimeSummaryResponse CycleTimeDays,
    decimal? FlowEfficiency,
    AgingResponse Aging,
    ForecastResponse Forecast,
    DateOnly? TargetDate,
    IReadOnlyList<StatusNoteResponse> Notes);

public sealed record StatusReasonResponse(string Rule, Rag Rag, string Text, IReadOnlyDictionary<string, object?> Figures)
{
    public static StatusReasonResponse From(StatusReason reason) => new(reason.Rule, reason.Rag, reason.Text, reason.Figures);
}

public sealed record StatusLineResponse(
    bool Stopped, LineStopEntryResponse? Current, decimal StoppedShareThisWeek, IReadOnlyList<StoppedWeekResponse> Weeks, IReadOnlyList<LineStopEntryResponse> History);

/// <summary><c>hours</c> is the stop's real length in hours, to now for an open one.</summary>
public sealed record LineStopEntryResponse(
    LineStopKind Kind, string Reason, DateTimeOffset StoppedAt, string? StoppedBy, DateTimeOffset? ResumedAt, string? ResumedBy, decimal Hours);

/// <summary>One week's stopped working time, in real hours on working days, and its share of the week's working time.</summary>
public sealed record StoppedWeekResponse(DateOnly WeekStart, decimal StoppedHours, decimal Share);

public sealed record LaneAtLimitResponse(Guid LaneId, string Name, int Count, int Limit, bool Over);

public sealed record StatusOutlierResponse(
    Guid CardId, string Key, string Title, Guid LaneId, string LaneName, IReadOnlyList<string> Reasons,
    decimal AgeDays, decimal ThresholdDays, IReadOnlyList<string> Words, string? Assignee);

public sealed record BlockedCardResponse(
    Guid CardId, string Key, string Title, string LaneName, string Reason, DateTimeOffset Since, decimal BlockedDays, string? Assignee);

public sealed record CycleTimeSummaryResponse(decimal? P50, decimal? P85, decimal? P95, int Count)
{
    public static CycleTimeSummaryResponse From(CycleTimes? times) => times is null
        ? new(null, null, null, 0)
        : new(OutlierBadge.Rounded(times.P50), OutlierBadge.Rounded(times.P85), OutlierBadge.Rounded(times.P95), times.Count);
}

public sealed record AgingResponse(IReadOnlyList<AgingCardResponse> Cards, IReadOnlyList<AgingLaneResponse> Lanes);

public sealed record AgingCardResponse(Guid CardId, string Key, string Title, Guid LaneId, string LaneName, decimal AgeDays);

public sealed record AgingLaneResponse(Guid LaneId, string Name);

public sealed record ForecastResponse(
    int Remaining, DateOnly? P50, DateOnly? P85, DateOnly? P95, string? Reason, int Weeks, int Trials, HowManyByResponse? HowManyBy)
{
    public static ForecastResponse From(Forecast forecast) => new(
        forecast.Remaining, forecast.P50, forecast.P85, forecast.P95, forecast.Reason, forecast.Weeks, forecast.Trials,
        forecast.HowManyBy is { } by ? new HowManyByResponse(by.Date, by.P50, by.P85, by.P95) : null);
}

public sealed record HowManyByResponse(DateOnly Date, int P50, int P85, int P95);

/// <summary><c>by</c> is the author's display name; empty for an author since deleted.</summary>
public sealed record StatusNoteResponse(Guid Id, string Text, DateTimeOffset At, string By)
{
    public static StatusNoteResponse From(StatusNote note, IReadOnlyDictionary<Guid, string> names) =>
        new(note.Id, note.Text, note.At, note.ById is { } by ? names.GetValueOrDefault(by, "") : "");
}

public sealed record CumulativeFlowResponse(DateOnly From, DateOnly To, IReadOnlyList<FlowLaneResponse> Lanes, IReadOnlyList<FlowDayResponse> Days);

public sealed record FlowLaneResponse(Guid LaneId, string Name, LaneKind Kind);

public sealed record FlowDayResponse(DateOnly Date, IReadOnlyList<int> Counts);

public sealed record CycleTimesResponse(
    DateOnly From, DateOnly To, IReadOnlyList<CycleTimeCardResponse> Cards, decimal? P50, decimal? P85, decimal? P95, decimal? FlowEfficiency);

public sealed record CycleTimeCardResponse(
    Guid CardId, string Key, string Title, CardClass Class, DateTimeOffset StartedAt, DateTimeOffset CompletedAt,
    DateOnly CompletedOn, decimal CycleTimeDays, decimal ActiveDays, decimal BlockedDays, decimal? FlowEfficiency);

public sealed record ThroughputResponse(DateOnly From, DateOnly To, IReadOnlyList<DayCountResponse> PerDay, IReadOnlyList<WeekCountResponse> PerWeek, IReadOnlyList<DayCountResponse> Wip);

public sealed record DayCountResponse(DateOnly Date, int Count);

public sealed record WeekCountResponse(DateOnly WeekStart, int Count);
