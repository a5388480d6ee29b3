using Kanban.Data;
using Kanban.Data.Leases;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Infrastructure.Leases;

/// <summary>This instance's name as a lease holder: one per process (one per test host).</summary>
public sealed class LeaseHolder
{
    public string Name { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
}

/// <summary>
/// Leases in the database, so that background work meant to run once (a job every minute, say) runs on
/// one instance at a time however many there are. A lease is held for a period and renewed by its
/// holder each time it works; an instance that stops simply lets it expire, and another takes over.
/// </summary>
public sealed class DatabaseLeases(KanbanDbContext db, LeaseHolder holder, TimeProvider clock)
{
    /// <summary>
    /// Takes or renews the lease <paramref name="name"/> for <paramref name="period"/>; false when another
    /// instance holds it and it has not expired.
    /// </summary>
    public async Task<bool> TryHoldAsync(string name, TimeSpan period, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + period;
        int updated;
        using (await SqliteWriteGate.EnterAsync(db, ct))
        {
            // One statement decides: of instances trying at once, the database lets one win.
            updated = await db.Leases
                .Where(l => l.Name == name && (l.Holder == holder.Name || l.ExpiresAt <= now))
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder.Name).SetProperty(l => l.ExpiresAt, until), ct);
        }

        if (updated == 1)
        {
            return true;
        }

        if (await db.Leases.AsNoTracking().AnyAsync(l => l.Name == name, ct))
        {
            return false;
        }

        db.Leases.Add(new Lease(name, holder.Name, until));
        try
        {
            using (await SqliteWriteGate.EnterAsync(db, ct))
            {
                await db.SaveChangesAsync(ct);
            }

            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance created it first.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Gives the lease up at once, if this instance holds it, so another need not wait for it to expire.</summary>
    public async Task ReleaseAsync(string name, CancellationToken ct)
    {
        using (await SqliteWriteGate.EnterAsync(db, ct))
        {
            await db.Leases.Where(l => l.Name == name && l.Holder == holder.Name).ExecuteDeleteAsync(ct);
        }
    }
}
