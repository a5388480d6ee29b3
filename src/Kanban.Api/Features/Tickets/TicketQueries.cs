using Kanban.Api.Features.Boards;
using Kanban.Api.Infrastructure;
using Kanban.Data;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Features.Tickets;

public static class TicketQueries
{
    /// <summary>A ticket in any state, tracked, and its board as the rules need it.</summary>
    public static async Task<(Board Board, Card Ticket)> LoadTicketAndBoardAsync(this KanbanDbContext db, Guid ticketId, CancellationToken ct)
    {
        var boardId = await db.Cards.Where(c => c.Id == ticketId).Select(c => (Guid?)c.BoardId).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Ticket", ticketId);
        var board = await db.LoadBoardAsync(boardId, ct);
        var ticket = await db.Cards.FirstAsync(c => c.Id == ticketId, ct);
        return (board, ticket);
    }

    /// <summary>Tickets waiting in triage or on their submitters, oldest first.</summary>
    public static IQueryable<Card> AwaitingTriage(this IQueryable<Card> cards, Guid boardId) =>
        cards.Where(c => c.BoardId == boardId && (c.State == TicketState.Triage || c.State == TicketState.SentBack))
            .OrderBy(c => c.CreatedAt)
            .ThenBy(c => c.Number);
}
