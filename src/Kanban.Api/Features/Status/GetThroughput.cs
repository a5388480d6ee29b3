using Kanban.Api.Infrastructure.Access;
using Kanban.Api.Infrastructure.Status;
using Kanban.Domain.Boards;
using Kanban.Domain.Metrics;
using Kanban.Domain.Outliers;
using Mediator;

namespace Kanban.Api.Features.Status;

/// <summary>Cards done per day and per ISO week of the range, and the work in progress at the end of each day.</summary>
[BoardAccess(BoardRole.Viewer, ShareView.Status)]
public sealed record GetThroughputQuery(Guid BoardId, string? From, string? To) : IQuery<ThroughputResponse>, IBoardRequest;

public sealed class GetThroughputValidator : MetricsRangeValidator<GetThroughputQuery>
{
    public GetThroughputValidator()
        : base(q => q.From, q => q.To)
    {
    }
}

public sealed class GetThroughputHandler(StatusReader reader, TimeProvider clock) : IQueryHandler<GetThroughputQuery, ThroughputResponse>
{
    public async ValueTask<ThroughputResponse> Handle(GetThroughputQuery query, CancellationToken cancellationToken)
    {
        var board = await reader.BoardAsync(query.BoardId, cancellationToken);
        var calendar = WorkingCalendar.Of(board);
        var (from, to) = MetricsRange.Resolve(query.From, query.To, calendar.DateOf(clock.GetUtcNow()));
        var end = calendar.StartOf(to.AddDays(1));
        var completed = await reader.CompletedAtSinceAsync(board, calendar.StartOf(from), cancellationToken);
        var perDay = Throughput.PerDay(completed.Where(at => at < end), from, to, calendar);
        var lanes = FlowLane.Of(board.Lanes);
        var wip = CumulativeFlow.WorkInProgress(lanes, CumulativeFlow.Of(lanes, await reader.MovesUntilAsync(board.Id, end, cancellationToken), from, to, calendar));
        return new ThroughputResponse(
            from,
            to,
            [.. perDay.Select(d => new DayCountResponse(d.Date, d.Count))],
            [.. Throughput.PerWeek(perDay).Select(w => new WeekCountResponse(w.WeekStart, w.Count))],
            [.. wip.Select(d => new DayCountResponse(d.Date, d.Count))]);
    }
}
