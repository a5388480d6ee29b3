using Kanban.Data;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Infrastructure.Duplicates;

/// <summary>
/// Once the app serves, loads the embedding model and builds every board's index in the background,
/// so the first duplicate check finds them ready; nothing waits for this but a check of a board whose
/// index is still being built, which waits for that board alone.
/// </summary>
public sealed class DuplicateWarmup(
    IServiceScopeFactory scopes, ITicketEmbedder embedder, DuplicateIndexes indexes, IHostApplicationLifetime lifetime, ILogger<DuplicateWarmup> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await lifetime.WaitForStartAsync(stoppingToken))
        {
            return;
        }

        try
        {
            await Task.Run(() => embedder.Enabled, stoppingToken);
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<KanbanDbContext>();
            var boards = await db.Boards.AsNoTracking().Select(b => new { b.Id, b.Version, b.Settings.DuplicateWindowDays }).ToListAsync(stoppingToken);
            foreach (var board in boards)
            {
                await indexes.CurrentAsync(db, board.Id, board.Version, board.DuplicateWindowDays, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // Each board's index is built on its first check instead.
            log.LogWarning(e, "The duplicate indexes were not built at start; each is built when first used.");
        }
    }
}

public static class ApplicationStart
{
    /// <summary>Waits until the app serves (its database migrated and seeded); false when it stops first.</summary>
    public static async Task<bool> WaitForStartAsync(this IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }
}
