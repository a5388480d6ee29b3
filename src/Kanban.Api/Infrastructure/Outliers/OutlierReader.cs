using Kanban.Api.Features.Boards;
using Kanban.Data;
using Kanban.Domain.Boards;
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
        var now = clock.GetUtcNow();
        var tested = board.Lanes.Where(l => l.Kind is LaneKind.Active or LaneKind.Queue).Select(l => l.Id).ToList();
        var done = board.Lanes.Where(l => l.Kind == LaneKind.Done).Select(l => l.Id).ToList();
        // A day more than the window, so a card done just inside it in any time zone is read; the rule cuts exactly.
        var doneSince = now.AddDays(-(board.Settings.CycleTimeWindowDays + 1));
        // Two simple statements, each on its own index: the lanes' cards, and the done lanes' recent ones.
        var cards = await db.Cards.AsNoTracking().OnBoard(board.Id).Where(c => tested.Contains(c.LaneId!.Value)).ToListAsync(ct);
        cards.AddRange(await db.Cards.AsNoTracking().OnBoard(board.Id)
            .Where(c => done.Contains(c.LaneId!.Value) && c.CompletedAt >= doneSince)
            .ToListAsync(ct));
        return OutlierRules.Find(board, cards, now, board.Settings.CycleTimeWindowDays);
    }
}
