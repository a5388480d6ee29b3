using Kanban.Api.Infrastructure;
using Kanban.Data;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Features.Boards;

/// <summary>Reads shared by the board's use cases.</summary>
public static class BoardQueries
{
    public static IQueryable<Card> OnBoard(this IQueryable<Card> cards, Guid boardId) =>
        cards.Where(c => c.BoardId == boardId && c.State == TicketState.OnBoard);

    /// <summary>The board as its rules need it: lanes and the line's open stops, not its cards.</summary>
    public static IQueryable<Board> WithLanesAndOpenStops(this IQueryable<Board> boards) =>
        boards.Include(b => b.Lanes).Include(b => b.LineStops.Where(s => s.ResumedAt == null)).AsSingleQuery();

    public static async Task<Board> LoadBoardAsync(this KanbanDbContext db, Guid boardId, CancellationToken ct) =>
        await db.Boards.WithLanesAndOpenStops().FirstOrDefaultAsync(b => b.Id == boardId, ct)
            ?? throw new NotFoundException("Board", boardId);

    /// <summary>How many cards <paramref name="assigneeId"/> holds in the board's active lanes.</summary>
    public static Task<int> ActiveCardsOfAsync(this KanbanDbContext db, Board board, Guid? assigneeId, CancellationToken ct)
    {
        if (assigneeId is null)
        {
            return Task.FromResult(0);
        }

        var activeLanes = board.Lanes.Where(l => l.Kind == LaneKind.Active).Select(l => l.Id).ToList();
        return db.Cards.OnBoard(board.Id).CountAsync(c => c.AssigneeId == assigneeId && activeLanes.Contains(c.LaneId!.Value), ct);
    }

    public static async Task<Dictionary<Guid, int>> LaneCountsAsync(this KanbanDbContext db, Guid boardId, CancellationToken ct) =>
        await db.Cards.OnBoard(boardId)
            .GroupBy(c => c.LaneId!.Value)
            .Select(g => new { LaneId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.LaneId, x => x.Count, ct);

    /// <summary>
    /// The cards a placement in <paramref name="lane"/> needs, in rank order: all of them, except in a
    /// done lane, which only appends, so a move never loads the board's done history.
    /// </summary>
    public static async Task<List<Card>> CardsForPlacementAsync(this KanbanDbContext db, Lane lane, Guid movingCardId, CancellationToken ct)
    {
        var cards = db.Cards.Where(c => c.LaneId == lane.Id && c.Id != movingCardId && c.State == TicketState.OnBoard);
        return lane.Kind == LaneKind.Done
            ? await cards.OrderByDescending(c => c.Rank).Take(1).ToListAsync(ct)
            : await cards.OrderBy(c => c.Rank).ToListAsync(ct);
    }

    public static Task<Card?> LastCardAsync(this KanbanDbContext db, Lane lane, CancellationToken ct) =>
        db.Cards.Where(c => c.LaneId == lane.Id && c.State == TicketState.OnBoard)
            .OrderByDescending(c => c.Rank)
            .FirstOrDefaultAsync(ct);
}
