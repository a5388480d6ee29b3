using Kanban.Api.Infrastructure;
using Kanban.Api.Infrastructure.Access;
using Kanban.Data;
using Kanban.Domain.Boards;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Features.Tickets;

/// <summary>The triage inbox: every ticket waiting for the product owner or for its submitter, oldest first.</summary>
[BoardAccess(BoardRole.Member)]
public sealed record GetTriageQuery(Guid BoardId) : IQuery<IReadOnlyList<TicketResponse>>, IBoardRequest;

public sealed class GetTriageHandler(KanbanDbContext db) : IQueryHandler<GetTriageQuery, IReadOnlyList<TicketResponse>>
{
    public async ValueTask<IReadOnlyList<TicketResponse>> Handle(GetTriageQuery query, CancellationToken cancellationToken)
    {
        var board = await db.Boards.AsNoTracking().FirstOrDefaultAsync(b => b.Id == query.BoardId, cancellationToken)
            ?? throw new NotFoundException("Board", query.BoardId);
        var tickets = await db.Cards.AsNoTracking().AwaitingTriage(board.Id).ToListAsync(cancellationToken);
        return await db.ToTicketResponsesAsync(board, tickets, cancellationToken);
    }
}
