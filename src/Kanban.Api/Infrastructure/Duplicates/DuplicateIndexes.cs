using System.Collections.Concurrent;
using Kanban.Data;
using Kanban.Domain.Cards;
using Kanban.Domain.Duplicates;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Infrastructure.Duplicates;

/// <summary>
/// Each board's <see cref="DuplicateIndex"/> in this process. The database is the truth: tickets and
/// their vectors are saved by the change that wrote them, and every change is an activity entry
/// numbered by the board's version. An index knows the version it reflects; before it answers, it
/// reads the entries after that version and reloads the tickets they name, so every instance sees
/// every instance's saves. A board's first use builds its index from the database (a warm-up at start
/// does it for every board); vectors saved later by another instance's backfill are fetched while
/// some tickets still lack one.
/// </summary>
public sealed class DuplicateIndexes(ITicketEmbedder embedder, TimeProvider clock, ILogger<DuplicateIndexes> log)
{
    private static readonly TimeSpan VectorPoll = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<Guid, BoardIndex> _boards = new();

    private sealed class BoardIndex
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public DuplicateIndex? Index { get; set; }
        public long Version { get; set; }
        public int WindowDays { get; set; }
        public int MissingVectors { get; set; }
        public DateTimeOffset VectorsSeenUntil { get; set; }
        public DateTimeOffset VectorsCheckedAt { get; set; }
    }

    /// <summary>
    /// The board's index, brought up to at least <paramref name="version"/> (the version the caller
    /// read the board at) with <paramref name="db"/>.
    /// </summary>
    public async Task<DuplicateIndex> CurrentAsync(KanbanDbContext db, Guid boardId, long version, int windowDays, CancellationToken ct)
    {
        var board = _boards.GetOrAdd(boardId, _ => new BoardIndex());
        if (board.Index is { } ready && board.Version >= version && board.WindowDays >= windowDays && !VectorsDue(board))
        {
            return ready;
        }

        await board.Gate.WaitAsync(ct);
        try
        {
            // Once started, the work is finished even if this request is given up (a form cancels its
            // check at every keystroke): the next request would only have to start it again.
            if (board.Index is null || board.WindowDays < windowDays)
            {
                await BuildAsync(db, boardId, windowDays, board, CancellationToken.None);
            }
            else if (board.Version < version)
            {
                await CatchUpAsync(db, boardId, board, CancellationToken.None);
            }

            if (VectorsDue(board))
            {
                await FetchVectorsAsync(db, boardId, board, CancellationToken.None);
            }

            return board.Index!;
        }
        finally
        {
            board.Gate.Release();
        }
    }

    /// <summary>Gives the tickets the vectors this process has just saved for them (the backfill).</summary>
    public async Task AttachAsync(Guid boardId, IReadOnlyList<(Guid CardId, float[] Vector)> vectors, CancellationToken ct)
    {
        if (!_boards.TryGetValue(boardId, out var board))
        {
            return;
        }

        await board.Gate.WaitAsync(ct);
        try
        {
            if (board.Index is not { } index)
            {
                return;
            }

            foreach (var (cardId, vector) in vectors)
            {
                var (held, hadVector) = index.Holds(cardId);
                if (held && index.AttachVector(cardId, vector) && !hadVector)
                {
                    board.MissingVectors = Math.Max(0, board.MissingVectors - 1);
                }
            }
        }
        finally
        {
            board.Gate.Release();
        }
    }

    private bool VectorsDue(BoardIndex board) =>
        embedder.Enabled && board.MissingVectors > 0 && clock.GetUtcNow() - board.VectorsCheckedAt >= VectorPoll;

    private async Task BuildAsync(KanbanDbContext db, Guid boardId, int windowDays, BoardIndex board, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        var version = await db.Boards.AsNoTracking().Where(b => b.Id == boardId).Select(b => b.Version).FirstOrDefaultAsync(ct);
        var since = DuplicateRules.ClosedSince(clock.GetUtcNow(), windowDays);
        var cards = await db.Cards.AsNoTracking()
            .Where(c => c.BoardId == boardId && c.State != TicketState.Merged)
            .Where(c => c.State != TicketState.Rejected || c.UpdatedAt >= since)
            .Where(c => c.CompletedAt == null || c.CompletedAt >= since)
            .Select(c => new { c.Id, c.Key, c.Title, c.Description, c.State, c.CreatedAt, c.UpdatedAt, c.CompletedAt })
            .ToListAsync(ct);
        var vectors = await VectorsAsync(db, boardId, null, ct);

        var index = new DuplicateIndex();
        var missing = 0;
        foreach (var card in cards)
        {
            var vector = vectors.GetValueOrDefault(card.Id);
            missing += vector is null ? 1 : 0;
            index.Upsert(new IndexedTicket(
                card.Id, card.Key, card.Title, card.Description, card.State, card.CreatedAt, DuplicateRules.ClosedAt(card.State, card.UpdatedAt, card.CompletedAt), vector));
        }

        // Entries saved while the cards were read are replayed by the next catch-up; replaying one
        // already seen only loads its ticket again.
        board.Index = index;
        board.Version = version;
        board.WindowDays = windowDays;
        board.MissingVectors = missing;
        board.VectorsSeenUntil = clock.GetUtcNow();
        board.VectorsCheckedAt = clock.GetUtcNow();
        log.LogInformation(
            "Duplicate index of board {BoardId} built: {Tickets} tickets ({Missing} without a vector) in {Elapsed} ms",
            boardId, index.Count, missing, (int)clock.GetElapsedTime(started).TotalMilliseconds);
    }

    private async Task CatchUpAsync(KanbanDbContext db, Guid boardId, BoardIndex board, CancellationToken ct)
    {
        var entries = await db.Activity.AsNoTracking()
            .Where(a => a.BoardId == boardId && a.Version > board.Version)
            .Select(a => new { a.Version, a.CardId })
            .ToListAsync(ct);
        if (entries.Count == 0)
        {
            return;
        }

        var cardIds = entries.Where(e => e.CardId is not null).Select(e => e.CardId!.Value).Distinct().ToList();
        var cards = cardIds.Count == 0 ? [] : await db.Cards.AsNoTracking().Where(c => cardIds.Contains(c.Id)).ToListAsync(ct);
        var vectors = cardIds.Count == 0 ? [] : await VectorsAsync(db, boardId, cardIds, ct);
        var index = board.Index!;
        foreach (var id in cardIds)
        {
            var card = cards.FirstOrDefault(c => c.Id == id);
            if (card is null || !DuplicateRules.IsCandidate(card))
            {
                if (index.Holds(id) is (true, false))
                {
                    board.MissingVectors--;
                }

                index.Remove(id);
                continue;
            }

            var vector = vectors.GetValueOrDefault(id);
            var (held, hadVector) = index.Holds(id);
            board.MissingVectors += (vector is null ? 1 : 0) - (held && !hadVector ? 1 : 0);
            index.Upsert(DuplicateRules.ToIndexed(card, vector));
        }

        board.MissingVectors = Math.Max(0, board.MissingVectors);
        board.Version = entries.Max(e => e.Version);
    }

    private async Task FetchVectorsAsync(KanbanDbContext db, Guid boardId, BoardIndex board, CancellationToken ct)
    {
        var now = clock.GetUtcNow();

        // A minute of slack: another instance's clock, and a save that committed after it read the time.
        var since = board.VectorsSeenUntil - TimeSpan.FromMinutes(1);
        var found = await db.TicketVectors.AsNoTracking()
            .Where(v => v.BoardId == boardId && v.EmbeddedAt >= since && v.Model == embedder.Model)
            .Select(v => new { v.CardId, v.Vector })
            .ToListAsync(ct);
        foreach (var vector in found)
        {
            var (held, hadVector) = board.Index!.Holds(vector.CardId);
            if (held && !hadVector && board.Index.AttachVector(vector.CardId, TicketVector.ToFloats(vector.Vector)))
            {
                board.MissingVectors--;
            }
        }

        board.MissingVectors = Math.Max(0, board.MissingVectors);
        board.VectorsSeenUntil = now;
        board.VectorsCheckedAt = now;
    }

    private async Task<Dictionary<Guid, float[]>> VectorsAsync(KanbanDbContext db, Guid boardId, List<Guid>? cardIds, CancellationToken ct)
    {
        if (!embedder.Enabled)
        {
            return [];
        }

        var query = db.TicketVectors.AsNoTracking().Where(v => v.BoardId == boardId && v.Model == embedder.Model);
        if (cardIds is not null)
        {
            query = query.Where(v => cardIds.Contains(v.CardId));
        }

        var rows = await query.Select(v => new { v.CardId, v.Vector }).ToListAsync(ct);
        return rows.ToDictionary(r => r.CardId, r => TicketVector.ToFloats(r.Vector));
    }
}
