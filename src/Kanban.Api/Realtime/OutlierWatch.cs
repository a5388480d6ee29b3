using System.Collections.Concurrent;
using System.Threading.Channels;
using Kanban.Api.Features.Outliers;
using Kanban.Api.Infrastructure.Leases;
using Kanban.Api.Infrastructure.Outliers;
using Kanban.Data;
using Kanban.Domain.Boards;
using Kanban.Domain.Outliers;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Realtime;

/// <summary>
/// Keeps every screen's outliers current (rule 8) without touching the boards: it only reads, so it
/// never bumps a board's version or conflicts with anyone's move. A board is checked again as soon as
/// a change of it is pushed, and every board once a minute, because age alone makes a card an
/// outlier; the minute's round runs on one instance at a time, the holder of a lease in the database.
/// <c>OutliersChanged</c> is pushed only when a board's outliers or one of their reasons changed.
/// </summary>
public sealed class OutlierWatch(
    IServiceScopeFactory scopes,
    IHubContext<BoardHub, IBoardClient> hub,
    IConfiguration configuration,
    ILogger<OutlierWatch> log) : BackgroundService
{
    public const string LeaseName = "outlier-watch";

    private const int BoardsBetweenRenewals = 50;

    private readonly Channel<Guid> _changed = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<Guid, BoardOutliers> _last = new();

    // The change checks and the minute's round take turns, so an older read never replaces a newer one.
    private readonly SemaphoreSlim _checking = new(1, 1);

    /// <summary>How often every board is checked (<c>Kanban:Outliers:CheckEverySeconds</c>, default 60).</summary>
    private TimeSpan Round => TimeSpan.FromSeconds(Math.Max(0.05, configuration.GetValue("Kanban:Outliers:CheckEverySeconds", 60.0)));

    /// <summary>A change of the board was pushed: check its outliers soon.</summary>
    public void BoardChanged(Guid boardId) => _changed.Writer.TryWrite(boardId);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(CheckChangedBoardsAsync(stoppingToken), CheckEveryBoardAsync(stoppingToken));

    private async Task CheckChangedBoardsAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var boardId in _changed.Reader.ReadAllAsync(ct))
            {
                await CheckAsync([boardId], stillHolding: null, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task CheckEveryBoardAsync(CancellationToken ct)
    {
        // Real time, not the boards' clock: this paces the machine's work.
        using var timer = new PeriodicTimer(Round);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var leases = scope.ServiceProvider.GetRequiredService<DatabaseLeases>();
                    // Held for a few rounds, so a holder that stops hands over within them.
                    if (!await leases.TryHoldAsync(LeaseName, Round * 3, ct))
                    {
                        continue;
                    }

                    var db = scope.ServiceProvider.GetRequiredService<KanbanDbContext>();
                    var boards = await db.Boards.AsNoTracking().Select(b => b.Id).ToListAsync(ct);
                    foreach (var chunk in boards.Chunk(BoardsBetweenRenewals))
                    {
                        // A long round renews the lease as it goes, and stops if another instance took it meanwhile.
                        if (chunk[0] != boards[0] && !await leases.TryHoldAsync(LeaseName, Round * 3, ct))
                        {
                            break;
                        }

                        await CheckAsync(chunk, () => leases.TryHoldAsync(LeaseName, Round * 3, ct), ct);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    log.LogWarning(e, "The outliers' round failed; it runs again in {Round}.", Round);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            await ReleaseLeaseAsync();
        }
    }

    // An instance that stops hands the round over at once instead of after the lease expires.
    private async Task ReleaseLeaseAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseLeases>().ReleaseAsync(LeaseName, CancellationToken.None);
        }
        catch (Exception e)
        {
            log.LogDebug(e, "The outliers' lease was not released; it expires by itself.");
        }
    }

    /// <param name="stillHolding">
    /// For the round: asked again just before a push, so a holder whose lease lapsed during its round
    /// (and that another instance has taken) does not push what the new holder pushes too.
    /// </param>
    private async Task CheckAsync(IReadOnlyList<Guid> boardIds, Func<Task<bool>>? stillHolding, CancellationToken ct)
    {
        foreach (var boardId in boardIds)
        {
            await _checking.WaitAsync(ct);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<KanbanDbContext>();
                var board = await db.Boards.AsNoTracking().Include(b => b.Lanes).FirstOrDefaultAsync(b => b.Id == boardId, ct);
                if (board is null)
                {
                    _last.TryRemove(boardId, out _);
                    continue;
                }

                var now = await scope.ServiceProvider.GetRequiredService<OutlierReader>().ReadAsync(board, ct);
                if (now.ChangedSince(_last.GetValueOrDefault(boardId)))
                {
                    if (stillHolding is not null && !await stillHolding())
                    {
                        return;
                    }

                    await hub.Clients.Group(BoardHub.GroupOf(boardId))
                        .OutliersChanged(new OutliersChangedMessage(boardId, board.Version, [.. now.Cards.Select(OutlierResponse.From)]))
                        .WaitAsync(BoardPublisher.SendLimit, ct);
                }

                // Kept only once sent, so a push that failed is tried again at the next check.
                _last[boardId] = now;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                log.LogWarning(e, "Could not check the outliers of board {BoardId}", boardId);
            }
            finally
            {
                _checking.Release();
            }
        }
    }
}
