using Kanban.Api.Infrastructure;
using Kanban.Data;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;

namespace Kanban.Api.Features.Tickets;

public static class TicketCommands
{
    /// <summary>The shared shape of a decision on one ticket: load it and its board, decide, save, answer with the ticket.</summary>
    public static async Task<TicketResponse> ChangeTicketAsync(
        this BoardChanges changes, KanbanDbContext db, Guid ticketId, Func<Board, Card, Task> decide, CancellationToken ct)
    {
        var (board, ticket) = await changes.SaveAsync(async () =>
        {
            var (board, ticket) = await db.LoadTicketAndBoardAsync(ticketId, ct);
            await decide(board, ticket);
            return (board, (board, ticket));
        }, ct);
        return await db.ToTicketResponseAsync(board, ticket, ct);
    }
}
