using Kanban.Api.Features.Boards;
using Kanban.Api.Infrastructure;
using Kanban.Data;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Features.Cards;

/// <summary>The shared shape of a change to one card on the board: load it and its board, decide, save.</summary>
public static class CardCommands
{
    public static Task<Card> ChangeCardAsync(
        this BoardChanges changes, KanbanDbContext db, Guid cardId, Func<Board, Card, Task> decide, CancellationToken ct) =>
        changes.SaveAsync(async () =>
        {
            var card = await db.Cards.FirstOrDefaultAsync(c => c.Id == cardId && c.State == TicketState.OnBoard, ct)
                ?? throw new NotFoundException("Card", cardId);
            var board = await db.LoadBoardAsync(card.BoardId, ct);
            await decide(board, card);
            return (board, card);
        }, ct);
}
