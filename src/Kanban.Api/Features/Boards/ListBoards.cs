using Kanban.Data;
using Kanban.Domain.Cards;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Features.Boards;

public sealed record ListBoardsQuery : IQuery<IReadOnlyList<BoardSummary>>;

public sealed record BoardSummary(Guid Id, string Name, string Key, long Version, int CardCount);

public sealed class ListBoardsHandler(KanbanDbContext db) : IQueryHandler<ListBoardsQuery, IReadOnlyList<BoardSummary>>
{
    public async ValueTask<IReadOnlyList<BoardSummary>> Handle(ListBoardsQuery query, CancellationToken cancellationToken) =>
        await db.Boards.AsNoTracking()
            .OrderBy(b => b.Name)
            .Select(b => new BoardSummary(
                b.Id,
                b.Name,
                b.Key,
                b.Version,
                db.Cards.Count(c => c.BoardId == b.Id && c.State == TicketState.OnBoard)))
            .ToListAsync(cancellationToken);
}
