using Kanban.Api.Infrastructure.Access;
using Kanban.Api.Infrastructure.Status;
using Kanban.Domain.Boards;
using Kanban.Domain.Metrics;
using Kanban.Domain.Outliers;
using Mediator;

namespace Kanban.Api.Features.Status;

/// <summary>The cards in each lane at the end of each day of the range, replayed from the cards' moves.</summary>
[BoardAccess(BoardRole.Viewer, ShareView.Status)]
public sealed record GetCumulativeFlowQuery(Guid BoardId, string? From, string? To) : IQuery<CumulativeFlowResponse>, IBoardRequest;

public sealed class GetCumulativeFlowValidator : MetricsRangeValidator<GetCumulativeFlowQuery>
{
    public GetCumulativeFlowValidator()
        : base(q => q.From, q => q.To)
    {
    }
}

public sealed class GetCumulativeFlowHandler(StatusReader reader, TimeProvider clock) : IQueryHandler<GetCumulativeFlowQuery, CumulativeFlowResponse>
{
    public async ValueTask<CumulativeFlowResponse> Handle(GetCumulativeFlowQuery query, CancellationToken cancellationToken)
    {
        var board = await reader.BoardAsync(query.BoardId, cancellationToken);
        var calendar = WorkingCalendar.Of(board);
        var (from, to) = MetricsRange.Resolve(query.From, query.To, calendar.DateOf(clock.GetUtcNow()));
        var lanes = FlowLane.Of(board.Lanes);
        var moves = await reader.MovesUntilAsync(board.Id, calendar.StartOf(to.AddDays(1)), cancellationToken);
        var days = CumulativeFlow.Of(lanes, moves, from, to, calendar);
        return new CumulativeFlowResponse(
            from, to, [.. lanes.Select(l => new FlowLaneResponse(l.Id, l.Name, l.Kind))], [.. days.Select(d => new FlowDayResponse(d.Date, d.Counts))]);
    }
}
