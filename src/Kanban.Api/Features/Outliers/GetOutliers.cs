using Kanban.Api.Infrastructure;
using Kanban.Api.Infrastructure.Access;
using Kanban.Api.Infrastructure.Outliers;
using Kanban.Data;
using Kanban.Domain.Boards;
using Kanban.Domain.Outliers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Features.Outliers;

/// <summary>The board's outliers, as the standup walks them: right to left by lane, then oldest first.</summary>
[BoardAccess(BoardRole.Viewer, ShareView.Wall, ShareView.Status)]
public sealed record GetOutliersQuery(Guid BoardId) : IQuery<IReadOnlyList<OutlierResponse>>, IBoardRequest;

/// <summary>One test a card failed, with its figure and threshold in working days, and the badge's words.</summary>
public sealed record OutlierReasonResponse(string Reason, decimal FigureDays, decimal ThresholdDays, string Words);

/// <summary>
/// An outlier card: <c>reasons</c> names the tests it failed (<c>percentile</c>, <c>estimate</c>,
/// <c>stale</c>); <c>ageDays</c> is its age in working days and <c>thresholdDays</c> the threshold of its
/// first reason; <c>details</c> gives each reason's own figure and threshold.
/// </summary>
public sealed record OutlierResponse(
    Guid CardId,
    string Key,
    Guid LaneId,
    IReadOnlyList<string> Reasons,
    decimal AgeDays,
    decimal ThresholdDays,
    bool Blocked,
    IReadOnlyList<OutlierReasonResponse> Details)
{
    public static OutlierResponse From(CardOutliers card) => new(
        card.CardId,
        card.Key,
        card.LaneId,
        card.ReasonNames,
        OutlierBadge.Rounded(card.AgeDays),
        OutlierBadge.Rounded(card.ThresholdDays),
        card.Blocked,
        [.. card.Reasons.Select(r => new OutlierReasonResponse(r.Name, OutlierBadge.Rounded(r.FigureDays), OutlierBadge.Rounded(r.ThresholdDays), OutlierBadge.Words(r)))]);
}

public sealed class GetOutliersHandler(KanbanDbContext db, OutlierReader outliers) : IQueryHandler<GetOutliersQuery, IReadOnlyList<OutlierResponse>>
{
    public async ValueTask<IReadOnlyList<OutlierResponse>> Handle(GetOutliersQuery query, CancellationToken cancellationToken)
    {
        var board = await db.Boards.AsNoTracking().Include(b => b.Lanes).FirstOrDefaultAsync(b => b.Id == query.BoardId, cancellationToken)
            ?? throw new NotFoundException("Board", query.BoardId);
        var found = await outliers.ReadAsync(board, cancellationToken);
        return [.. found.Cards.Select(OutlierResponse.From)];
    }
}
