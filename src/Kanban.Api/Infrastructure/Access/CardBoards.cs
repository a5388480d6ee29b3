using System.Collections.Concurrent;
using Kanban.Data;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Infrastructure.Access;

/// <summary>
/// Which board a card (or ticket) belongs to, for the access check of every card route. A card never
/// changes board and is never deleted, so what was read once stays true in every process; the
/// remembered ids are bounded and start over when full.
/// </summary>
public sealed class CardBoards(int maxRemembered = CardBoards.MaxRemembered)
{
    public const int MaxRemembered = 200_000;

    private readonly ConcurrentDictionary<Guid, Guid> _boardOfCard = new();

    public async Task<Guid> BoardOfAsync(KanbanDbContext db, Guid cardId, CancellationToken ct)
    {
        if (_boardOfCard.TryGetValue(cardId, out var known))
        {
            return known;
        }

        var boardId = await BoardOf(db, cardId, ct) ?? throw new NotFoundException("Card", cardId);
        if (_boardOfCard.Count >= maxRemembered)
        {
            _boardOfCard.Clear();
        }

        _boardOfCard[cardId] = boardId;
        return boardId;
    }

    private static readonly Func<KanbanDbContext, Guid, CancellationToken, Task<Guid?>> BoardOf =
        EF.CompileAsyncQuery((KanbanDbContext db, Guid cardId, CancellationToken ct) =>
            db.Cards.Where(c => c.Id == cardId).Select(c => (Guid?)c.BoardId).FirstOrDefault());
}
