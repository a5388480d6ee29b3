using System.Collections.Concurrent;

namespace Kanban.Api.Infrastructure;

/// <summary>
/// Takes turns at a contended board within this instance. A change that lost the board's version
/// check waits for the board's turn before deciding again, and so does any change that finds the turn
/// taken, so requests arriving together on one board are saved one after another instead of
/// colliding until one runs out of attempts. Other instances are still held apart by the version
/// check alone.
/// </summary>
public sealed class BoardTurns
{
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _turns = new();

    /// <summary>Whether a change of the board is taking its turn now.</summary>
    public bool IsTaken(Guid boardId) => _turns.TryGetValue(boardId, out var turn) && turn.CurrentCount == 0;

    /// <summary>How long a change waits for the board's turn before it goes on without it.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Waits for the board's turn; dispose the result to pass it on. Null when the turn did not come
    /// within <see cref="MaxWait"/>: the change then goes on by the version check alone.
    /// </summary>
    public async Task<IDisposable?> TakeAsync(Guid boardId, CancellationToken ct)
    {
        var turn = _turns.GetOrAdd(boardId, _ => new SemaphoreSlim(1, 1));
        return await turn.WaitAsync(MaxWait, ct) ? new Turn(turn) : null;
    }

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                turn.Release();
            }
        }
    }
}
