using Kanban.Api.Infrastructure.Access;
using Kanban.Api.Features.Cards;
using Kanban.Api.Features.Lanes;
using Kanban.Api.Infrastructure;
using Kanban.Api.Infrastructure.Outliers;
using Kanban.Api.Features.Outliers;
using Kanban.Data;
using Kanban.Domain.Boards;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Features.Boards;

[BoardAccess(BoardRole.Viewer, ShareView.Wall)]
public sealed record GetBoardQuery(Guid BoardId) : IQuery<BoardResponse>, IBoardRequest;

public sealed class GetBoardHandler(KanbanDbContext db, CurrentUser user, TimeProvider clock, OutlierReader outlierReader) : IQueryHandler<GetBoardQuery, BoardResponse>
{
    /// <summary>A done lane shows its most recent cards; the rest are paged from the lane's cards.</summary>
    public const int DoneCardsShown = 20;

    public async ValueTask<BoardResponse> Handle(GetBoardQuery query, CancellationToken cancellationToken)
    {
        var board = await db.Boards.AsNoTracking().WithLanesAndOpenStops()
            .FirstOrDefaultAsync(b => b.Id == query.BoardId, cancellationToken)
            ?? throw new NotFoundException("Board", query.BoardId);
        var counts = await db.LaneCountsAsync(board.Id, cancellationToken);
        var doneLaneIds = board.Lanes.Where(l => l.Kind == LaneKind.Done).Select(l => l.Id).ToList();

        var cards = await db.Cards.AsNoTracking().OnBoard(board.Id)
            .Where(c => !doneLaneIds.Contains(c.LaneId!.Value))
            .ProjectToResponse()
            .ToListAsync(cancellationToken);
        foreach (var laneId in doneLaneIds)
        {
            cards.AddRange(await db.Cards.AsNoTracking().OnBoard(board.Id)
                .Where(c => c.LaneId == laneId)
                .OrderByDescending(c => c.Rank).ThenByDescending(c => c.Id)
                .Take(DoneCardsShown)
                .ProjectToResponse()
                .ToListAsync(cancellationToken));
        }

        var outliers = await outlierReader.ReadAsync(board, cancellationToken);
        var outlierIds = outliers.Cards.Select(o => o.CardId).ToHashSet();
        var at = BoardTime.Of(clock, board.TimeZone);
        var lanes = board.OrderedLanes.Select(l => LaneResponse.From(l, counts.GetValueOrDefault(l.Id))).ToList();
        var laneOrder = lanes.ToDictionary(l => l.Id, l => l.Order);
        return new BoardResponse(
            board.Id,
            board.Name,
            board.Key,
            board.Version,
            lanes,
            [.. cards.OrderBy(c => laneOrder[c.LaneId]).ThenBy(c => c.Rank).Select(c => c.AsOf(at) with { Outlier = outlierIds.Contains(c.Id) })],
            await LineWithNameAsync(board.Line, cancellationToken),
            user.RoleOn(board.Id),
            await db.NamedByAsync(cards, cancellationToken),
            board.TimeZone,
            [.. outliers.Cards.Select(OutlierResponse.From)],
            board.Settings.LineStopSound);
    }

    private async Task<LineResponse> LineWithNameAsync(LineState line, CancellationToken cancellationToken)
    {
        var response = LineResponse.From(line);
        if (line.StoppedBy is not { } by)
        {
            return response;
        }

        var name = await db.Users.AsNoTracking().Where(u => u.Id == by).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        return response with { StoppedByName = name };
    }
}
