using Kanban.Data;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Infrastructure;

/// <summary>
/// A change that bumps the board's version loses to a concurrent one on save. It is read and
/// decided again from fresh data a few times before the client gets <c>concurrency-conflict</c>.
/// </summary>
public static class BoardConcurrency
{
    public const int MaxAttempts = 5;

    public static async Task<T> SaveWithRetryAsync<T>(this KanbanDbContext db, Func<Task<T>> decide, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await decide();
            try
            {
                await db.SaveChangesAsync(ct);
                return result;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), ct);
            }
        }
    }
}
