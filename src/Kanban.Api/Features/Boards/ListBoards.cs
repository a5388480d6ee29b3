using Kanban.Data;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Kanban.Api.Infrastructure.Access;

namespace Kanban.Api.Features.Boards;

[SignedIn]
public sealed record ListBoardsQuery : IQuery<IReadOnlyList<BoardSummary>>;

/// <summary>A board the caller can see, with their role on it (<c>ProductOwner</c> for an Admin).</summary>
public sealed record BoardSummary(Guid Id, string Name, string Key, long Version, int CardCount, BoardRole Role);

public sealed class ListBoardsHandler(KanbanDbContext db, CurrentUser user) : IQueryHandler<ListBoardsQuery, IReadOnlyList<BoardSummary>>
{
    public async ValueTask<IReadOnlyList<BoardSummary>> Handle(ListBoardsQuery query, CancellationToken cancellationToken)
    {
        var userId = user.RequireUserId();
        var boards = db.Boards.AsNoTracking();
        var visible = user.IsAdmin
            ? boards.Select(b => new { Board = b, Role = BoardRole.ProductOwner })
            : db.BoardMembers.Where(m => m.UserId == userId).Join(boards, m => m.BoardId, b => b.Id, (m, b) => new { Board = b, m.Role });

        return await visible
            .OrderBy(x => x.Board.Name)
            .Select(x => new BoardSummary(
                x.Board.Id,
                x.Board.Name,
                x.Board.Key,
                x.Board.Version,
                db.Cards.Count(c => c.BoardId == x.Board.Id && c.State == TicketState.OnBoard),
                x.Role))
            .ToListAsync(cancellationToken);
    }
}
