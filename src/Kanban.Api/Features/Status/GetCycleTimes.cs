using Kanban.Api.Infrastructure.Access;
using Kanban.Api.Infrastructure.Status;
using Kanban.Domain.Boards;
using Kanban.Domain.Metrics;
using Kanban.Domain.Outliers;
using Mediator;

namespace Kanban.Api.Features.Status;

/// <summary>The cards done in the range, each with its cycle time, its time in active lanes and blocked, and the range's percentiles.</summary>
[BoardAccess(BoardRole.Viewer, ShareView.Status)]
public sealed record GetCycleTimesQuery(Guid BoardId, string? From, string? To) : IQuery<CycleTimesResponse>, IBoardRequest;

public sealed class GetCycleTimesValidator : MetricsRangeValidator<GetCycleTimesQuery>
{
    public GetCycleTimesValidator()
        : base(q => q.From, q => q.To)
    {
    }
}

public sealed class GetCycleTimesHandler(StatusReader reader, TimeProvider clock) : IQueryHandler<GetCycleTimesQuery, CycleTimesResponse>
{
    public async ValueTask<CycleTimesResponse> Handle(GetCycleTimesQuery query, CancellationToken cancellationToken)
    {
        var board = await reader.BoardAsync(query.BoardId, cancellationToken);
        var calendar = WorkingCalendar.Of(board);
        var (from, to) = MetricsRange.Resolve(query.From, query.To, calendar.DateOf(clock.GetUtcNow()));
        var (start, end) = (calendar.StartOf(from), calendar.StartOf(to.AddDays(1)));
        var cards = await reader.CompletedBetweenAsync(board, start, end, cancellationToken);
        var moves = await reader.MovesOfCompletedAsync(board, start, end, cancellationToken);
        var blocks = await reader.BlocksOfCompletedAsync(board, start, end, cancellationToken);
        var times = FlowTime.Of(cards, moves, blocks, FlowLane.Of(board.Lanes), calendar)
            .OrderBy(t => t.Card.CompletedAt).ToList();
        var cycle = CycleTimes.Over([.. times.Select(t => t.CycleTimeDays)]);
        return new CycleTimesResponse(
            from,
            to,
            [.. times.Select(t => new CycleTimeCardResponse(
                t.Card.CardId, t.Card.Key, t.Card.Title, t.Card.Class, t.Card.StartedAt, t.Card.CompletedAt, calendar.DateOf(t.Card.CompletedAt),
                OutlierBadge.Rounded(t.CycleTimeDays), OutlierBadge.Rounded(t.ActiveDays), OutlierBadge.Rounded(t.BlockedDays), StatusComputation.Rounded(t.FlowEfficiency)))],
            cycle is null ? null : OutlierBadge.Rounded(cycle.P50),
            cycle is null ? null : OutlierBadge.Rounded(cycle.P85),
            cycle is null ? null : OutlierBadge.Rounded(cycle.P95),
            StatusComputation.Rounded(FlowTime.EfficiencyOf(times)));
    }
}
