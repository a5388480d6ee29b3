using System.Collections.Concurrent;
using Kanban.Api.Features.Boards;
using Kanban.Data;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Kanban.Domain.Metrics;
using Kanban.Domain.Outliers;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Infrastructure.Status;

/// <summary>
/// The cards a board's status reads for its history (those done since <see cref="Since"/>, as the outlier rules
/// read them), each with its flow time (cycle, active and no blocked time). <see cref="Count"/> and
/// <see cref="Latest"/> are what the database said of that set when it was read: the check that it is still the same.
/// </summary>
public sealed record DoneHistory(
    string Shape, DateTimeOffset Since, int Count, DateTimeOffset? Latest, IReadOnlyList<Card> Cards, IReadOnlyDictionary<Guid, CardFlowTime> FlowTimes)
{
    public DateTimeOffset UsedAt { get; set; }
}

/// <summary>
/// The done history of each board, kept between status computations in this process, because reading it is most
/// of a status's cost (thousands of cards and their moves) and it changes only when a card enters or leaves the
/// done lanes. Each use checks it against the database: the count and the latest completion of the board's cards
/// in its done lanes since the history's start (one statement on the (LaneId, CompletedAt) index). The same: it
/// is used, less the cards the window has since left. More cards done since, and the rest unchanged: only those
/// are read and added. Anything else (a card moved back out of done, a lane's kind or the window changed, a
/// history older than a day): it is read again in full. docs/status-rules.md, "Caching".
/// </summary>
public sealed class DoneHistoryCache(TimeProvider clock)
{
    private static readonly TimeSpan Unused = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Renewed = TimeSpan.FromDays(1);

    private readonly ConcurrentDictionary<Guid, DoneHistory> _histories = new();

    /// <summary>
    /// The cards now in a done lane of <paramref name="board"/> done at or after <paramref name="since"/> (the caller cuts
    /// them to its window) and their flow times.
    /// </summary>
    public async Task<DoneHistory> ReadAsync(KanbanDbContext db, Board board, DateTimeOffset since, WorkingCalendar calendar, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        Forget(now);
        var shape = ShapeOf(board);
        var done = board.Lanes.Where(l => l.Kind == LaneKind.Done).Select(l => l.Id).ToList();
        if (_histories.TryGetValue(board.Id, out var kept) && kept.Shape == shape && kept.Since <= since && now - kept.Since < Renewed + TimeSpan.FromDays(board.Settings.CycleTimeWindowDays + 1))
        {
            var (count, latest) = await FingerprintAsync(db, board.Id, done, kept.Since, ct);
            if (count == kept.Count && latest == kept.Latest)
            {
                kept.UsedAt = now;
                return kept;
            }

            if (kept.Latest is { } before && latest > before)
            {
                var added = await DoneAsync(db, board.Id, done, before, strictlyAfter: true, ct);
                if (kept.Count + added.Count == count)
                {
                    var flows = await FlowTimesAsync(db, board, added, calendar, ct);
                    var grown = new DoneHistory(shape, kept.Since, count, latest, [.. kept.Cards, .. added], new Dictionary<Guid, CardFlowTime>(kept.FlowTimes.Concat(flows))) { UsedAt = now };
                    _histories[board.Id] = grown;
                    return grown;
                }
            }
        }

        var cards = await DoneAsync(db, board.Id, done, since, strictlyAfter: false, ct);
        var history = new DoneHistory(
            shape, since, cards.Count, cards.Count == 0 ? null : cards.Max(c => c.CompletedAt), cards, new Dictionary<Guid, CardFlowTime>(await FlowTimesAsync(db, board, cards, calendar, ct))) { UsedAt = now };
        _histories[board.Id] = history;
        return history;
    }

    private static Task<List<Card>> DoneAsync(KanbanDbContext db, Guid boardId, List<Guid> done, DateTimeOffset since, bool strictlyAfter, CancellationToken ct)
    {
        var cards = db.Cards.AsNoTracking().OnBoard(boardId).Where(c => done.Contains(c.LaneId!.Value));
        cards = strictlyAfter ? cards.Where(c => c.CompletedAt > since) : cards.Where(c => c.CompletedAt >= since);
        return cards.ToListAsync(ct);
    }

    private static async Task<(int Count, DateTimeOffset? Latest)> FingerprintAsync(KanbanDbContext db, Guid boardId, List<Guid> done, DateTimeOffset since, CancellationToken ct)
    {
        var cards = db.Cards.OnBoard(boardId).Where(c => done.Contains(c.LaneId!.Value) && c.CompletedAt >= since);
        var count = await cards.CountAsync(ct);
        var latest = await cards.OrderByDescending(c => c.CompletedAt).Select(c => c.CompletedAt).FirstOrDefaultAsync(ct);
        return (count, latest);
    }

    private static async Task<IEnumerable<KeyValuePair<Guid, CardFlowTime>>> FlowTimesAsync(
        KanbanDbContext db, Board board, IReadOnlyList<Card> cards, WorkingCalendar calendar, CancellationToken ct)
    {
        var started = cards.Where(c => c is { StartedAt: not null, CompletedAt: not null }).ToList();
        if (started.Count == 0)
        {
            return [];
        }

        var ids = started.Select(c => c.Id).ToList();
        var earliest = started.Min(c => c.StartedAt!.Value);
        // Few cards: by their ids. Many: every move of the board since the first of them started, on (BoardId, At).
        var moves = ids.Count <= 200
            ? await db.CardTransitions.AsNoTracking().Where(t => ids.Contains(t.CardId)).Select(t => new LaneMove(t.CardId, t.ToLaneId, t.At)).ToListAsync(ct)
            : await db.CardTransitions.AsNoTracking().Where(t => t.BoardId == board.Id && t.At >= earliest).Select(t => new LaneMove(t.CardId, t.ToLaneId, t.At)).ToListAsync(ct);
        var completed = started.Select(c => new CompletedCard(c.Id, c.Key, c.Title, c.Class, c.StartedAt!.Value, c.CompletedAt!.Value));
        return FlowTime.Of(completed, moves, [], FlowLane.Of(board.Lanes), calendar).Select(f => KeyValuePair.Create(f.Card.CardId, f));
    }

    /// <summary>What the history's figures depend on besides the cards: the lanes' kinds and the window.</summary>
    private static string ShapeOf(Board board) =>
        string.Join(";", board.Lanes.OrderBy(l => l.Id).Select(l => $"{l.Id}:{l.Kind}")) + $"|{board.Settings.CycleTimeWindowDays}|{board.TimeZone}";

    private void Forget(DateTimeOffset now)
    {
        foreach (var (boardId, history) in _histories)
        {
            if (now - history.UsedAt > Unused)
            {
                _histories.TryRemove(KeyValuePair.Create(boardId, history));
            }
        }
    }
}
