using Kanban.Data;
using Kanban.Data.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Infrastructure.Access;

/// <summary>
/// Limits password attempts per address and per account, so neither one machine nor a spread of
/// machines can guess a password quickly. The attempts are counted in the database, in windows of a
/// minute, so behind a load balancer every instance counts the same ones.
/// </summary>
public sealed class SignInThrottle(KanbanDbContext db, TimeProvider clock)
{
    public const int PerAccountPerMinute = 10;
    public const int PerAddressPerMinute = 30;

    private const int MaxRaces = 3;

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>True if this attempt may go ahead; both limits are charged.</summary>
    public async Task<bool> TryAttemptAsync(string? address, string email, CancellationToken ct)
    {
        var byAddress = await CountAsync($"address:{address ?? "unknown"}", ct);
        var byAccount = await CountAsync($"account:{email.Trim().ToUpperInvariant()}", ct);
        return byAddress <= PerAddressPerMinute && byAccount <= PerAccountPerMinute;
    }

    /// <summary>Counts one attempt for <paramref name="key"/> in the current window and answers the window's count.</summary>
    private async Task<int> CountAsync(string key, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var now = clock.GetUtcNow();
            var windowStart = now - Window;
            // One statement each, so two instances counting at once both count.
            if (await db.SignInWindows.Where(w => w.Key == key && w.StartedAt > windowStart)
                    .ExecuteUpdateAsync(w => w.SetProperty(x => x.Attempts, x => x.Attempts + 1), ct) == 1)
            {
                return await db.SignInWindows.Where(w => w.Key == key).Select(w => w.Attempts).FirstAsync(ct);
            }

            // No window, or an old one: begin a new one.
            if (await db.SignInWindows.Where(w => w.Key == key && w.StartedAt <= windowStart)
                    .ExecuteUpdateAsync(w => w.SetProperty(x => x.StartedAt, now).SetProperty(x => x.Attempts, 1), ct) == 1)
            {
                return 1;
            }

            var window = db.SignInWindows.Add(new SignInWindow(key, now, 1));
            try
            {
                await db.SaveChangesAsync(ct);
                await ForgetOldWindowsAsync(now, ct);
                return 1;
            }
            catch (DbUpdateException)
            {
                // Another instance began the window at the same moment: count in it.
                window.State = EntityState.Detached;
                if (attempt >= MaxRaces)
                {
                    // Lost every race: this key is being tried very fast, which is what the limit is for.
                    return int.MaxValue;
                }
            }
        }
    }

    /// <summary>
    /// A key's row lives while its window does: each new window clears those that ended long ago, so
    /// addresses and e-mails tried once (or sprayed) do not pile up.
    /// </summary>
    private Task<int> ForgetOldWindowsAsync(DateTimeOffset now, CancellationToken ct)
    {
        var longAgo = now - (10 * Window);
        return db.SignInWindows.Where(w => w.StartedAt < longAgo).ExecuteDeleteAsync(ct);
    }
}
