using System.Diagnostics;
using Kanban.Data;
using Kanban.Domain.Cards;
using Kanban.Domain.Duplicates;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Infrastructure.Duplicates;

/// <summary>
/// Embeds, in the background, the tickets that have no vector of the current model: those that came
/// in a board file or the demo seed, which are saved in bulk without one, and all of them when the
/// model changes. Newest first, a batch at a time, resting as long as it worked, so it takes at most
/// half of one core from the requests; until a ticket has its vector it is compared by its words
/// alone. Two instances may both embed a ticket in a race; the second save is dropped.
/// </summary>
public sealed class TicketVectorBackfill(
    IServiceScopeFactory scopes, ITicketEmbedder embedder, DuplicateIndexes indexes, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<TicketVectorBackfill> log)
    : BackgroundService
{
    private const int BatchSize = 32;
    private static readonly TimeSpan IdlePause = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (!await lifetime.WaitForStartAsync(stoppingToken) || !await Task.Run(() => embedder.Enabled, stoppingToken))
            {
                return;
            }

            while (!stoppingToken.IsCancellationRequested)
            {
                int embedded;
                try
                {
                    embedded = await EmbedBatchAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // A database that is away for a moment or a failed embedding must not stop the
                    // server (a background service's exception does): tickets stay matched by words.
                    log.LogWarning(e, "Embedding the tickets that lack a vector failed; trying again in {Pause}.", IdlePause);
                    embedded = 0;
                }

                if (embedded < BatchSize)
                {
                    // Real time, not the board's clock: this paces the machine's work, not the team's.
                    await Task.Delay(IdlePause, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Embeds one batch; returns how many tickets it embedded.</summary>
    public async Task<int> EmbedBatchAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KanbanDbContext>();
        var model = embedder.Model;
        try
        {
            var batch = await db.Cards.AsNoTracking()
                .Where(c => c.State != TicketState.Merged && !db.TicketVectors.Any(v => v.CardId == c.Id && v.Model == model))
                .OrderByDescending(c => c.CreatedAt)
                .Take(BatchSize)
                .Select(c => new { c.Id, c.BoardId, c.Title, c.Description })
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                return 0;
            }

            var ids = batch.Select(c => c.Id).ToList();
            var stale = await db.TicketVectors.Where(v => ids.Contains(v.CardId)).ToDictionaryAsync(v => v.CardId, ct);
            var made = new List<(Guid BoardId, Guid CardId, float[] Vector)>();
            foreach (var card in batch)
            {
                // Each embedding takes a core for tens of milliseconds: rest as long after it.
                var started = Stopwatch.GetTimestamp();
                var vector = await Task.Run(() => embedder.Embed(card.Title, card.Description), ct);
                if (vector is null)
                {
                    return 0;
                }

                await Task.Delay(Stopwatch.GetElapsedTime(started), ct);

                if (stale.TryGetValue(card.Id, out var old))
                {
                    old.Replace(model, vector, clock.GetUtcNow());
                }
                else
                {
                    db.TicketVectors.Add(new TicketVector(card.Id, card.BoardId, model, vector, clock.GetUtcNow()));
                }

                made.Add((card.BoardId, card.Id, vector));
            }

            using (await SqliteWriteGate.EnterAsync(db, ct))
            {
                await db.SaveChangesAsync(ct);
            }

            foreach (var board in made.GroupBy(m => m.BoardId))
            {
                await indexes.AttachAsync(board.Key, [.. board.Select(m => (m.CardId, m.Vector))], ct);
            }

            return made.Count;
        }
        catch (DbUpdateException e)
        {
            // Another instance embedded some of them first, or a ticket was deleted meanwhile: the next batch skips them.
            log.LogDebug(e, "A batch of ticket vectors was not saved; it is tried again.");
            return 0;
        }
    }
}
