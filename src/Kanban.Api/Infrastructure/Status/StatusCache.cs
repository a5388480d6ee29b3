using System.Collections.Concurrent;

namespace Kanban.Api.Infrastructure.Status;

public sealed class StatusCacheOptions
{
    /// <summary>How long a computed status is served again at the same board version; 0 turns the cache off.</summary>
    public double Seconds { get; set; } = 15;
}

/// <summary>
/// The computed status of each board, kept in this process for a short while: one entry per board, for the
/// board version it was computed at. A request reads the board's version from the database first, so an
/// entry for another version is never served (another instance's change included) and is replaced by the
/// new one; an entry older than <see cref="StatusCacheOptions.Seconds"/> is computed again, because the
/// figures move with the clock (ages, this week's stopped share). docs/status-rules.md, "Caching".
/// </summary>
public sealed class StatusCache<T>(TimeProvider clock, Microsoft.Extensions.Options.IOptions<StatusCacheOptions> options)
    where T : class
{
    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();

    public TimeSpan TimeToLive => TimeSpan.FromSeconds(options.Value.Seconds);

    /// <param name="version">The board's version now, read from the database.</param>
    /// <param name="compute">Computes the status and says at which version it did (the board may have changed since <paramref name="version"/> was read).</param>
    public async Task<T> GetOrComputeAsync(Guid boardId, long version, Func<Task<(T Value, long Version)>> compute)
    {
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(boardId, out var entry) && entry.Version == version && now - entry.At < TimeToLive)
        {
            return entry.Value;
        }

        _entries.TryRemove(boardId, out _);
        (var value, version) = await compute();
        if (TimeToLive > TimeSpan.Zero)
        {
            // A slower computation of an older version must not replace a newer one.
            _entries.AddOrUpdate(boardId, new Entry(version, now, value), (_, was) => was.Version > version ? was : new Entry(version, now, value));
        }

        return value;
    }

    private sealed record Entry(long Version, DateTimeOffset At, T Value);
}
