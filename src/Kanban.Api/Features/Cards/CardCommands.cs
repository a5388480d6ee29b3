using Kanban.Api.Features.Boards;
using Kanban.Api.Infrastructure;
using Kanban.Api.Infrastructure.Outliers;
using Kanban.Data;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;

namespace Kanban.Api.Features.Cards;

/// <summary>The shared shape of a change to one card on the board: load it and its board, decide, save, answer the card.</summary>
public static class CardCommands
{
    public static Task<CardResponse> ChangeCardAsync(
        this BoardChanges changes, KanbanDbContext db, TimeProvider clock, OutlierReader outliers, Guid cardId, Func<Board, Card, Task> decide, CancellationToken ct) =>
        changes.SaveAsync(async () =>
        {
            var (board, card) = await db.LoadCardAndBoardAsync(cardId, ct);
            await decide(board, card);
            var outlier = (await outliers.OutliersAmongAsync(board, [card], ct)).Contains(card.Id);
            return (board, card.ToResponse(BoardTime.Of(clock, board.TimeZone)) with { Outlier = outlier });
        }, ct);
}
