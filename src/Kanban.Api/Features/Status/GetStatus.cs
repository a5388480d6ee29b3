using Kanban.Api.Infrastructure.Access;
using Kanban.Api.Infrastructure.Status;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Kanban.Domain.Forecasting;
using Kanban.Domain.Metrics;
using Kanban.Domain.Outliers;
using Kanban.Domain.Status;
using Mediator;

namespace Kanban.Api.Features.Status;

/// <summary>The board's status (rule 9): its colour by the published rules, every reason, and the evidence beside it.</summary>
[BoardAccess(BoardRole.Viewer, ShareView.Status)]
public sealed record GetStatusQuery(Guid BoardId) : IQuery<StatusResponse>, IBoardRequest;

public sealed class GetStatusHandler(StatusReader reader, StatusCache<StatusResponse> cache, StatusComputation status)
    : IQueryHandler<GetStatusQuery, StatusResponse>
{
    public async ValueTask<StatusResponse> Handle(GetStatusQuery query, CancellationToken cancellationToken)
    {
        var version = await reader.VersionAsync(query.BoardId, cancellationToken);
        return await cache.GetOrComputeAsync(query.BoardId, version, async () =>
        {
            var computed = await status.ComputeAsync(query.BoardId, cancellationToken);
            return (computed, computed.Version);
        });
    }
}

/// <summary>Computes a board's status from what <see cref="StatusReader"/> and <see cref="OutlierReader"/> read, by the domain's rules.</summary>
public sealed class StatusComputation(StatusReader reader, DoneHistoryCache histories, Kanban.Data.KanbanDbContext db, TimeProvider clock)
{
    public const int StoppedWeeksShown = 8;
    public const int StopsShown = 10;
    public const int NotesShown = 20;

    public async Task<StatusResponse> ComputeAsync(Guid boardId, CancellationToken ct)
    {
        var board = await reader.BoardAsync(boardId, ct);
        var now = clock.GetUtcNow();
        var calendar = WorkingCalendar.Of(board);
        var today = calendar.DateOf(now);
        var settings = board.Settings;
        var lanes = board.OrderedLanes.ToList();

        var counts = await reader.LaneCountsAsync(board.Id, ct);
        var inProgress = await reader.InProgressAsync(board, ct);
        // The outliers as OutlierReader finds them: the cards in progress against the cards done within the window
        // and a day (the rules cut exactly), here from the done history kept between computations.
        var history = await histories.ReadAsync(db, board, now.AddDays(-(board.Settings.CycleTimeWindowDays + 1)), calendar, ct);
        var found = OutlierRules.Find(board, [.. inProgress, .. history.Cards], now, board.Settings.CycleTimeWindowDays);

        // Flow efficiency over the cards the cycle times are of (CycleTimes.CompletedWithin's window).
        var windowStart = now.AddDays(-board.Settings.CycleTimeWindowDays);
        var flow = history.Cards
            .Where(c => c.CompletedAt >= windowStart && c.CompletedAt <= now && history.FlowTimes.ContainsKey(c.Id))
            .Select(c => history.FlowTimes[c.Id])
            .ToList();

        var forecast = await ForecastAsync(board, calendar, now, settings.ForecastWeeks, counts.Where(c => board.FindLane(c.Key)?.Kind is not (LaneKind.Done or null)).Sum(c => c.Value), null, ct);

        var stopsSince = calendar.StartOf(Spans.WeekStart(today).AddDays(-7 * (StoppedWeeksShown - 1)));
        var stops = await reader.StopsAsync(board.Id, stopsSince, StopsShown, ct);
        var periods = stops.Select(s => new StopPeriod(s.StoppedAt, s.ResumedAt)).ToList();
        var weeks = LineStoppage.Weeks(periods, now, StoppedWeeksShown, calendar);
        var thisWeek = weeks[^1];
        var current = stops.Where(s => s.ResumedAt is null).OrderByDescending(s => s.Kind == LineStopKind.Manual).ThenBy(s => s.StoppedAt).FirstOrDefault();

        var blocked = inProgress.Where(c => c is { Blocked: true, BlockedSince: not null }).OrderBy(c => c.BlockedSince).ToList();
        var names = await reader.NamesAsync(
            [.. stops.SelectMany(s => new[] { s.StoppedBy, s.ResumedBy }), .. inProgress.Select(c => c.AssigneeId)], ct);
        string? NameOf(Guid? id) => id is { } known ? names.GetValueOrDefault(known) : null;
        string LaneName(Guid? id) => id is { } lane ? board.FindLane(lane)?.Name ?? "" : "";

        var atLimit = lanes
            .Where(l => l.WipLimit is { } limit && counts.GetValueOrDefault(l.Id) >= limit)
            .Select(l => new LaneAtLimitResponse(l.Id, l.Name, counts.GetValueOrDefault(l.Id), l.WipLimit!.Value, counts.GetValueOrDefault(l.Id) > l.WipLimit))
            .ToList();
        var cardsById = inProgress.ToDictionary(c => c.Id);

        var verdict = StatusRules.Evaluate(new StatusFacts(
            current is null ? null : new StoppedNow(current.Kind.ToString(), current.Reason, current.StoppedAt),
            thisWeek.Share,
            settings.StoppedRedPercent,
            forecast.Forecast.Remaining,
            forecast.Forecast.P85,
            forecast.Forecast.Reason,
            ForecastHasThroughput: forecast.Samples.Total > 0,
            settings.TargetDate,
            [.. found.Cards.Select(c => c.Key)],
            [.. blocked.Select(c => new BlockedCardFact(c.Key, FlowTime.BlockedFor(c.BlockedSince!.Value, now, calendar)))],
            [.. atLimit.Select(l => new LaneLoad(l.Name, l.Count, l.Limit))]));

        LineStopEntryResponse Entry(LineStop s) => new(
            s.Kind, s.Reason, s.StoppedAt, NameOf(s.StoppedBy), s.ResumedAt, NameOf(s.ResumedBy),
            Math.Round((decimal)((s.ResumedAt ?? now) - s.StoppedAt).TotalHours, 1, MidpointRounding.AwayFromZero));

        return new StatusResponse(
            board.Id,
            board.Name,
            board.Key,
            board.TimeZone,
            board.Version,
            now,
            verdict.Rag,
            [.. verdict.Reasons.Select(StatusReasonResponse.From)],
            new StatusLineResponse(
                current is not null,
                current is null ? null : Entry(current),
                Math.Round(thisWeek.Share, 4, MidpointRounding.AwayFromZero),
                [.. weeks.Select(w => new StoppedWeekResponse(w.WeekStart, Math.Round(w.StoppedHours, 1, MidpointRounding.AwayFromZero), Math.Round(w.Share, 4, MidpointRounding.AwayFromZero)))],
                [.. stops.OrderByDescending(s => s.StoppedAt).Take(StopsShown).Select(Entry)]),
            atLimit,
            [.. found.Cards.Select(o => new StatusOutlierResponse(
                o.CardId, o.Key, cardsById.GetValueOrDefault(o.CardId)?.Title ?? "", o.LaneId, LaneName(o.LaneId), o.ReasonNames,
                OutlierBadge.Rounded(o.AgeDays), OutlierBadge.Rounded(o.ThresholdDays), OutlierBadge.Lines(o), NameOf(cardsById.GetValueOrDefault(o.CardId)?.AssigneeId)))],
            [.. blocked.Select(c => new BlockedCardResponse(
                c.Id, c.Key, c.Title, LaneName(c.LaneId), c.BlockedReason ?? "", c.BlockedSince!.Value,
                OutlierBadge.Rounded(FlowTime.BlockedFor(c.BlockedSince.Value, now, calendar)), NameOf(c.AssigneeId)))],
            Math.Round(forecast.Samples.PerWeek, 1, MidpointRounding.AwayFromZero),
            CycleTimeSummaryResponse.From(found.CycleTimes),
            Rounded(FlowTime.EfficiencyOf(flow)),
            new AgingResponse(
                [.. inProgress
                    .OrderBy(c => board.FindLane(c.LaneId!.Value)?.Order).ThenBy(c => c.Rank)
                    .Select(c => new AgingCardResponse(c.Id, c.Key, c.Title, c.LaneId!.Value, LaneName(c.LaneId), OutlierBadge.Rounded(AgeOf(c, now, calendar))))],
                [.. lanes.Where(l => l.Kind is LaneKind.Queue or LaneKind.Active).Select(l => new AgingLaneResponse(l.Id, l.Name))]),
            ForecastResponse.From(forecast.Forecast),
            settings.TargetDate,
            await db.StatusNotesAsync(board.Id, NotesShown, ct));
    }

    /// <summary>The forecast of <paramref name="remaining"/> cards, seeded by the board's id and version so a refresh gives the same dates.</summary>
    public async Task<(Forecast Forecast, ThroughputSamples Samples)> ForecastAsync(
        Board board, WorkingCalendar calendar, DateTimeOffset now, int weeks, int remaining, DateOnly? by, CancellationToken ct)
    {
        var today = calendar.DateOf(now);
        var completed = await reader.CompletedAtSinceAsync(board, calendar.StartOf(today.AddDays(-7 * weeks)), ct);
        var samples = ThroughputSamples.Of(completed, now, weeks, calendar);
        var seed = ForecastSeed.Of(board.Id, board.Version);
        var forecast = MonteCarlo.WhenDone(samples, remaining, today, calendar, seed);
        if (by is { } date)
        {
            forecast = forecast with { HowManyBy = MonteCarlo.HowMany(samples, remaining, today, date, calendar, seed) };
        }

        return (forecast, samples);
    }

    /// <summary>A card's age as the outlier rules count it: from its start, or for one restored without, from when it entered its lane.</summary>
    public static decimal AgeOf(Card card, DateTimeOffset now, WorkingCalendar calendar) =>
        calendar.DaysBetween(card.StartedAt ?? card.LastMovedAt ?? card.UpdatedAt, now);

    public static decimal? Rounded(decimal? share) => share is { } s ? Math.Round(s, 3, MidpointRounding.AwayFromZero) : null;
}
