using Kanban.Api.Infrastructure;
using Kanban.Data;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Features.Boards;

/// <summary>
/// Reads shared by the board's use cases. Those that every change runs are compiled queries (no trip
/// through EF's translation cache) of one simple statement each: SQLite spends more time preparing a
/// statement than running it, so the board, its lanes and its stops read one by one take less time
/// than one statement that joins them.
/// </summary>
public static class BoardQueries
{
    public static IQueryable<Card> OnBoard(this IQueryable<Card> cards, Guid boardId) =>
        cards.Where(c => c.BoardId == boardId && c.State == TicketState.OnBoard);

    /// <summary>The board as its rules need it: lanes and the line's open stops, not its cards.</summary>
    public static IQueryable<Board> WithLanesAndOpenStops(this IQueryable<Board> boards) =>
        boards.Include(b => b.Lanes).Include(b => b.LineStops.Where(s => s.ResumedAt == null)).AsSingleQuery();

    /// <summary>The board, tracked, as its rules need it: lanes and the line's open stops, not its cards.</summary>
    public static async Task<Board> LoadBoardAsync(this KanbanDbContext db, Guid boardId, CancellationToken ct)
    {
        var board = await BoardById(db, boardId, ct) ?? throw new NotFoundException("Board", boardId);
        await db.LoadLanesAndOpenStopsAsync(boardId, ct);
        return board;
    }

    /// <summary>
    /// A card on the board and its board as <see cref="LoadBoardAsync"/> loads it. The card and the
    /// board row come from one statement, so they agree.
    /// </summary>
    public static async Task<(Board Board, Card Card)> LoadCardAndBoardAsync(this KanbanDbContext db, Guid cardId, CancellationToken ct)
    {
        var found = await CardAndBoard(db, cardId, ct) ?? throw new NotFoundException("Card", cardId);
        await db.LoadLanesAndOpenStopsAsync(found.Board.Id, ct);
        return (found.Board, found.Card);
    }

    /// <summary>
    /// Read after the board row, so a change to them since then has also raised the board's version,
    /// and the save fails. The change tracker puts them into the board's Lanes and LineStops.
    /// </summary>
    private static async Task LoadLanesAndOpenStopsAsync(this KanbanDbContext db, Guid boardId, CancellationToken ct)
    {
        await LanesOf(db, boardId).ToListAsync(ct);
        await OpenStopsOf(db, boardId).ToListAsync(ct);
    }

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
        await LaneCounts(db, boardId).ToDictionaryAsync(l => l.LaneId, l => l.Count, cancellationToken: ct);

    /// <summary>
    /// The cards a placement in <paramref name="lane"/> needs, in rank order: all of them, except in a
    /// done lane, which only appends, so a move never loads the board's done history.
    /// </summary>
    public static async Task<List<Card>> CardsForPlacementAsync(this KanbanDbContext db, Lane lane, Guid movingCardId, CancellationToken ct)
    {
        var cards = lane.Kind == LaneKind.Done ? LastCardOfLane(db, lane.Id, movingCardId) : CardsOfLane(db, lane.Id, movingCardId);
        return await cards.ToListAsync(ct);
    }

    public static Task<Card?> LastCardAsync(this KanbanDbContext db, Lane lane, CancellationToken ct) =>
        db.Cards.Where(c => c.LaneId == lane.Id && c.State == TicketState.OnBoard)
            .OrderByDescending(c => c.Rank)
            .FirstOrDefaultAsync(ct);

    private static readonly Func<KanbanDbContext, Guid, CancellationToken, Task<Board?>> BoardById =
        EF.CompileAsyncQuery((KanbanDbContext db, Guid boardId, CancellationToken ct) => db.Boards.FirstOrDefault(b => b.Id == boardId));

    private static readonly Func<KanbanDbContext, Guid, CancellationToken, Task<CardOnBoard?>> CardAndBoard =
        EF.CompileAsyncQuery((KanbanDbContext db, Guid cardId, CancellationToken ct) =>
            db.Cards.Where(c => c.Id == cardId && c.State == TicketState.OnBoard)
                .Join(db.Boards, c => c.BoardId, b => b.Id, (c, b) => new CardOnBoard(c, b))
                .FirstOrDefault());

    private static readonly Func<KanbanDbContext, Guid, IAsyncEnumerable<Lane>> LanesOf =
        EF.CompileAsyncQuery((KanbanDbContext db, Guid boardId) => db.Lanes.Where(l => l.BoardId == boardId));

    private static readonly Func<KanbanDbContext, Guid, IAsyncEnumerable<LineStop>> OpenStopsOf =
        EF.CompileAsyncQuery((KanbanDbContext db, Guid boardId) => db.LineStops.Where(s => s.BoardId == boardId && s.ResumedAt == null));

    private static readonly Func<KanbanDbContext, Guid, IAsyncEnumerable<LaneCount>> LaneCounts =
        EF.CompileAsyncQuery((KanbanDbContext db, Guid boardId) =>
            db.Cards.Where(c => c.BoardId == boardId && c.State == TicketState.OnBoard)
                .GroupBy(c => c.LaneId!.Value)
                .Select(g => new LaneCount(g.Key, g.Count())));

    private static readonly Func<KanbanDbContext, Guid, Guid, IAsyncEnumerable<Card>> CardsOfLane =
        EF.CompileAsyncQuery<KanbanDbContext, Guid, Guid, Card>((db, laneId, movingCardId) =>
            db.Cards.Where(c => c.LaneId == laneId && c.Id != movingCardId && c.State == TicketState.OnBoard).OrderBy(c => c.Rank));

    private static readonly Func<KanbanDbContext, Guid, Guid, IAsyncEnumerable<Card>> LastCardOfLane =
        EF.CompileAsyncQuery<KanbanDbContext, Guid, Guid, Card>((db, laneId, movingCardId) =>
            db.Cards.Where(c => c.LaneId == laneId && c.Id != movingCardId && c.State == TicketState.OnBoard).OrderByDescending(c => c.Rank).Take(1));

    private sealed record CardOnBoard(Card Card, Board Board);

    private sealed record LaneCount(Guid LaneId, int Count);
}
