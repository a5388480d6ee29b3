using Kanban.Api.Infrastructure;
using Kanban.Api.Infrastructure.Access;
using Kanban.Api.Infrastructure.Duplicates;
using Kanban.Data;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Features.Tickets;

/// <summary>The triage inbox: every ticket waiting for the product owner or for its submitter, oldest first.</summary>
[BoardAccess(BoardRole.Member)]
public sealed record GetTriageQuery(Guid BoardId) : IQuery<IReadOnlyList<TicketResponse>>, IBoardRequest;

/// <summary>How many tickets wait on the product owner and on their submitters: what a board's "Triage (N)" needs, without the tickets.</summary>
public sealed record TriageCountResponse(int Waiting, int SentBack);

[BoardAccess(BoardRole.Member)]
public sealed record GetTriageCountQuery(Guid BoardId) : IQuery<TriageCountResponse>, IBoardRequest;

public sealed class GetTriageCountHandler(KanbanDbContext db) : IQueryHandler<GetTriageCountQuery, TriageCountResponse>
{
    public async ValueTask<TriageCountResponse> Handle(GetTriageCountQuery query, CancellationToken cancellationToken)
    {
        var counts = await db.Cards.AsNoTracking().AwaitingTriage(query.BoardId)
            .GroupBy(c => c.State)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return new TriageCountResponse(
            counts.Where(c => c.State == TicketState.Triage).Sum(c => c.Count),
            counts.Where(c => c.State == TicketState.SentBack).Sum(c => c.Count));
    }
}

/// <summary>Each ticket with its likeliest duplicates beside it, by its stored text and vector.</summary>
public sealed class GetTriageHandler(KanbanDbContext db, TicketDuplicates duplicates) : IQueryHandler<GetTriageQuery, IReadOnlyList<TicketResponse>>
{
    public async ValueTask<IReadOnlyList<TicketResponse>> Handle(GetTriageQuery query, CancellationToken cancellationToken)
    {
        var board = await db.Boards.AsNoTracking().FirstOrDefaultAsync(b => b.Id == query.BoardId, cancellationToken)
            ?? throw new NotFoundException("Board", query.BoardId);
        var tickets = await db.Cards.AsNoTracking().AwaitingTriage(board.Id).ToListAsync(cancellationToken);
        return await db.ToTicketResponsesAsync(board, tickets, cancellationToken, await duplicates.ForTicketsAsync(board, tickets, cancellationToken));
    }
}
