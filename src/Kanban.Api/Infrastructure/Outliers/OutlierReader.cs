using Kanban.Api.Features.Boards;
using Kanban.Data;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Kanban.Domain.Outliers;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Infrastructure.Outliers;

/// <summary>
/// A board's outliers now (rule 8), from what the rules read: its cards in active and queue lanes,
/// and the cards done within its cycle time window. Neither grows with the board's whole history.
/// </summary>
public sealed class OutlierReader(KanbanDbContext db, TimeProvider clock)
{
    /// <param name="board">The board with its lanes.</param>
    public async Task<BoardOutliers> ReadAsync(Board board, CancellationToken ct)
    {
        var tested = board.Lanes.Where(l => l.Kind is LaneKind.Active or LaneKind.Queue).Select(l => l.Id).ToList();
        // Two simple statements, each on its own index: the lanes' cards, and the done lanes' recent ones.
        var cards = await db.Cards.AsNoTracking().OnBoard(board.Id).Where(c => tested.Contains(c.LaneId!.Value)).ToListAsync(ct);
        return await FindAsync(board, cards, ct);
    }

    /// <summary>The board's outliers among <paramref name="inProgress"/>, its cards in active and queue lanes as the caller read them.</summary>
    public Task<BoardOutliers> ReadAsync(Board board, IReadOnlyCollection<Card> inProgress, CancellationToken ct) => FindAsync(board, inProgress, ct);

    /// <summary>Which of <paramref name="cards"/> (as they are now, saved or not) are outliers of the board.</summary>
    public async Task<IReadOnlySet<Guid>> OutliersAmongAsync(Board board, IReadOnlyCollection<Card> cards, CancellationToken ct)
    {
        var found = await FindAsync(board, cards, ct);
        return found.Cards.Select(c => c.CardId).ToHashSet();
    }

    private async Task<BoardOutliers> FindAsync(Board board, IReadOnlyCollection<Card> tested, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var done = board.Lanes.Where(l => l.Kind == LaneKind.Done).Select(l => l.Id).ToList();
        // A day more than the window, so a card done just inside it in any time zone is read; the rule cuts exactly.
        var doneSince = now.AddDays(-(board.Settings.CycleTimeWindowDays + 1));
        var ids = tested.Select(c => c.Id).ToList();
        var history = await db.Cards.AsNoTracking().OnBoard(board.Id)
            .Where(c => done.Contains(c.LaneId!.Value) && c.CompletedAt >= doneSince && !ids.Contains(c.Id))
            .ToListAsync(ct);
        return OutlierRules.Find(board, [.. tested, .. history], now, board.Settings.CycleTimeWindowDays);
    }
}
