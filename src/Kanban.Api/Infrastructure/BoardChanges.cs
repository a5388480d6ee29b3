using System.Text.Json;
using System.Text.Json.Serialization;
using Kanban.Data;
using Kanban.Domain.Boards;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Infrastructure;

/// <summary>
/// The one way a board is changed: load what the rule needs and decide (<c>decide</c>), record each
/// event in the activity trail, save once with the board's version as the concurrency check, and
/// publish the committed events to the <see cref="ChangeFeed"/>, which pushes them outside the
/// request. A save that loses to a concurrent
/// change is decided again from fresh data, in the board's turn (<see cref="BoardTurns"/>), a few
/// times before the client gets <c>concurrency-conflict</c>. A decision that changed nothing (the domain raised no event) writes,
/// records and pushes nothing, and the board keeps its version.
/// </summary>
public sealed class BoardChanges(KanbanDbContext db, ChangeFeed feed, BoardTurns turns)
{
    public const int MaxAttempts = 6;

    /// <summary>How an event is written into its trail entry's data.</summary>
    public static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<T> SaveAsync<T>(Func<Task<(Board Board, T Result)>> decide, CancellationToken ct)
    {
        // Kept open until the context is returned, instead of opened again for every statement.
        await db.Database.OpenConnectionAsync(ct);
        IDisposable? turn = null;
        var waitedForTurn = false;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var (board, result) = await decide();
                if (board.Events.Count == 0 && !db.ChangeTracker.HasChanges())
                {
                    return result;
                }

                if (!waitedForTurn && turns.IsTaken(board.Id))
                {
                    // Others are saving this board one by one: this decision would only lose to them.
                    db.ChangeTracker.Clear();
                    (turn, waitedForTurn) = (await TakeTurnAsync(board.Id, ct), true);
                    attempt--;
                    continue;
                }

                foreach (var change in board.Events)
                {
                    db.Activity.Add(new ActivityEntry(board.Id, change, JsonSerializer.Serialize(change, change.GetType(), EventJson)));
                }

                try
                {
                    using (await SqliteWriteGate.EnterAsync(db, ct))
                    {
                        await db.SaveChangesAsync(ct);
                    }
                }
                catch (DbUpdateException lost) when (attempt < MaxAttempts
                    && (lost is DbUpdateConcurrencyException || UniqueValueConflicts.IsLostRaceForNumber(lost)))
                {
                    db.ChangeTracker.Clear();
                    if (!waitedForTurn)
                    {
                        (turn, waitedForTurn) = (await TakeTurnAsync(board.Id, ct), true);
                    }
                    else
                    {
                        // It lost in its turn, to another instance or to a change that decided just
                        // before the turn was taken: give that one a moment.
                        await Task.Delay(Random.Shared.Next(1, 4 * attempt), ct);
                    }

                    continue;
                }

                if (board.Events.Count > 0)
                {
                    feed.Publish(new BoardEventsCommitted(board.Id, [.. board.Events], board.TimeZone));
                }

                return result;
            }
        }
        finally
        {
            turn?.Dispose();
        }
    }

    // The connection goes back to the pool while waiting, so a queue on one board cannot take every
    // connection from the others.
    private async Task<IDisposable?> TakeTurnAsync(Guid boardId, CancellationToken ct)
    {
        await db.Database.CloseConnectionAsync();
        var turn = await turns.TakeAsync(boardId, ct);
        await db.Database.OpenConnectionAsync(ct);
        return turn;
    }
}
