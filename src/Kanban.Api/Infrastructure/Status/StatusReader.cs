using Kanban.Api.Features.Boards;
using Kanban.Api.Features.Tickets;
using Kanban.Data;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Kanban.Domain.Metrics;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Infrastructure.Status;

/// <summary>
/// What the status and the metrics read, each a simple statement on an index, read with AsNoTracking:
/// nothing here loads the board's history into the change tracker. The cards done read on the
/// done lanes' (LaneId, CompletedAt) index; the moves of given cards on (CardId, At); the board's moves
/// on (BoardId, At); the stops on (BoardId, StoppedAt).
/// </summary>
public sealed class StatusReader(KanbanDbContext db)
{
    /// <summary>The board with its lanes, untracked; its version is what the status is computed at.</summary>
    public async Task<Board> BoardAsync(Guid boardId, CancellationToken ct) =>
        await db.Boards.AsNoTracking().Include(b => b.Lanes).FirstOrDefaultAsync(b => b.Id == boardId, ct)
        ?? throw new NotFoundException("Board", boardId);

    /// <summary>Only the board's version: what a cached status is checked against.</summary>
    public async Task<long> VersionAsync(Guid boardId, CancellationToken ct) =>
        await db.Boards.Where(b => b.Id == boardId).Select(b => (long?)b.Version).FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException("Board", boardId);

    public Task<Dictionary<Guid, int>> LaneCountsAsync(Guid boardId, CancellationToken ct) => db.LaneCountsAsync(boardId, ct);

    /// <summary>The cards in the board's queue and active lanes: the work in progress.</summary>
    public Task<List<Card>> InProgressAsync(Board board, CancellationToken ct)
    {
        var lanes = LanesOf(board, LaneKind.Queue, LaneKind.Active);
        return db.Cards.AsNoTracking().OnBoard(board.Id).Where(c => lanes.Contains(c.LaneId!.Value)).ToListAsync(ct);
    }

    /// <summary>When each card now in a done lane was done, for those done at or after <paramref name="since"/>.</summary>
    public Task<List<DateTimeOffset>> CompletedAtSinceAsync(Board board, DateTimeOffset since, CancellationToken ct)
    {
        var done = LanesOf(board, LaneKind.Done);
        return DoneBetween(board, done, since, null).Select(c => c.CompletedAt!.Value).ToListAsync(ct);
    }

    /// <summary>The cards now in a done lane that were done in [<paramref name="from"/>, <paramref name="to"/>) and have a start.</summary>
    public Task<List<CompletedCard>> CompletedBetweenAsync(Board board, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var done = LanesOf(board, LaneKind.Done);
        return DoneBetween(board, done, from, to)
            .Where(c => c.StartedAt != null)
            .Select(c => new CompletedCard(c.Id, c.Key, c.Title, c.Class, c.StartedAt!.Value, c.CompletedAt!.Value))
            .ToListAsync(ct);
    }

    /// <summary>The moves of the cards done in [<paramref name="from"/>, <paramref name="to"/>), as <see cref="CompletedBetweenAsync"/> reads them.</summary>
    public Task<List<LaneMove>> MovesOfCompletedAsync(Board board, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var done = LanesOf(board, LaneKind.Done);
        var cards = DoneBetween(board, done, from, to).Select(c => c.Id);
        return db.CardTransitions.AsNoTracking()
            .Where(t => cards.Contains(t.CardId))
            .Select(t => new LaneMove(t.CardId, t.ToLaneId, t.At))
            .ToListAsync(ct);
    }

    /// <summary>The block periods of the cards done in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public Task<List<BlockPeriod>> BlocksOfCompletedAsync(Board board, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var done = LanesOf(board, LaneKind.Done);
        var cards = DoneBetween(board, done, from, to).Select(c => c.Id);
        return db.CardBlocks.AsNoTracking()
            .Where(b => cards.Contains(b.CardId))
            .Select(b => new BlockPeriod(b.CardId, b.BlockedAt, b.UnblockedAt))
            .ToListAsync(ct);
    }

    /// <summary>
    /// The cards on the board not in a done lane (the backlog's included); of <paramref name="cardClass"/> only when given,
    /// and among <paramref name="ids"/> only when given.
    /// </summary>
    public Task<int> RemainingAsync(Board board, CardClass? cardClass, IReadOnlyList<Guid>? ids, CancellationToken ct)
    {
        var open = LanesOf(board, LaneKind.Backlog, LaneKind.Queue, LaneKind.Active);
        var cards = db.Cards.AsNoTracking().OnBoard(board.Id).Where(c => open.Contains(c.LaneId!.Value));
        if (cardClass is { } only)
        {
            cards = cards.Where(c => c.Class == only);
        }

        if (ids is not null)
        {
            var listed = ids.Distinct().ToList();
            cards = cards.Where(c => listed.Contains(c.Id));
        }

        return cards.CountAsync(ct);
    }

    /// <summary>Every move before <paramref name="until"/> of the cards on the board now: what the cumulative flow replays.</summary>
    public Task<List<LaneMove>> MovesUntilAsync(Guid boardId, DateTimeOffset until, CancellationToken ct) =>
        db.CardTransitions.AsNoTracking()
            .Where(t => t.BoardId == boardId && t.At < until && db.Cards.Any(c => c.Id == t.CardId && c.State == TicketState.OnBoard))
            .Select(t => new LaneMove(t.CardId, t.ToLaneId, t.At))
            .ToListAsync(ct);

    /// <summary>The stops still open or ended at or after <paramref name="since"/>, and the last <paramref name="last"/> stops whenever they were.</summary>
    public async Task<List<LineStop>> StopsAsync(Guid boardId, DateTimeOffset since, int last, CancellationToken ct)
    {
        var recent = await db.LineStops.AsNoTracking()
            .Where(s => s.BoardId == boardId && (s.ResumedAt == null || s.ResumedAt >= since || s.StoppedAt >= since))
            .ToListAsync(ct);
        var latest = await db.LineStops.AsNoTracking()
            .Where(s => s.BoardId == boardId)
            .OrderByDescending(s => s.StoppedAt)
            .Take(last)
            .ToListAsync(ct);
        return [.. recent.UnionBy(latest, s => s.Id)];
    }

    public Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid?> userIds, CancellationToken ct) =>
        db.DisplayNamesAsync(userIds, ct);

    private IQueryable<Card> DoneBetween(Board board, List<Guid> doneLanes, DateTimeOffset from, DateTimeOffset? to)
    {
        var done = db.Cards.AsNoTracking()
            .Where(c => doneLanes.Contains(c.LaneId!.Value) && c.CompletedAt >= from && c.BoardId == board.Id && c.State == TicketState.OnBoard);
        return to is { } end ? done.Where(c => c.CompletedAt < end) : done;
    }

    private static List<Guid> LanesOf(Board board, params LaneKind[] kinds) =>
        [.. board.Lanes.Where(l => kinds.Contains(l.Kind)).Select(l => l.Id)];
}
