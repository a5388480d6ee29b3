using Kanban.Api.Features.Cards;
using Kanban.Api.Features.Tickets;
using Kanban.Api.Infrastructure;
using Kanban.Api.Infrastructure.Outliers;
using Kanban.Data;
using Kanban.Domain.Boards;
using Kanban.Domain.Tickets;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Realtime;

/// <summary>
/// Sends committed changes to the hub, in the order they were published: each board event to the
/// board's group, and each narrowed access (a share link revoked, or a member removed or lowered,
/// read from the board's own events) to the connections it ends, which then leave the group.
/// A failed push is logged and skipped; screens that missed an event see the version gap and reload.
/// </summary>
/// <remarks>
/// Each send has a time limit, so that one screen on a stalled network cannot hold up every other
/// board's pushes behind it.
/// </remarks>
public sealed class BoardPublisher(
    ChangeFeed feed,
    IHubContext<BoardHub, IBoardClient> hub,
    BoardConnections connections,
    TimeProvider clock,
    OutlierWatch outliers,
    AccessNotices notices,
    IServiceScopeFactory scopes,
    ILogger<BoardPublisher> logger) : BackgroundService
{
    public static readonly TimeSpan SendLimit = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var change in feed.Reader.ReadAllAsync(stoppingToken))
            {
                switch (change)
                {
                    case BoardEventsCommitted events:
                        await PushEventsAsync(events);
                        outliers.BoardChanged(events.BoardId);
                        break;
                    case BoardAccessNarrowed narrowed:
                        await EndAccessAsync(narrowed);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task PushEventsAsync(BoardEventsCommitted committed)
    {
        // Someone removed or given less ends their connections before the change is pushed, so the
        // news of it reaches them as AccessRevoked, not as a board they may no longer load.
        foreach (var narrowed in committed.Events.OfType<MemberChanged>().Where(m => m.To is null || m.To < m.From))
        {
            await EndAccessAsync(BoardAccessNarrowed.Person(committed.BoardId, narrowed.UserId, narrowed.To));
        }

        var group = hub.Clients.Group(BoardHub.GroupOf(committed.BoardId));
        var at = BoardTime.Of(clock, committed.TimeZone);
        var outlierIds = await OutliersAsync(committed);
        var names = await NamesAsync(committed);
        foreach (var change in committed.Events)
        {
            try
            {
                await BoardMessages.SendAsync(group, committed.BoardId, change, at, outlierIds.Contains, id => id is { } known ? names.GetValueOrDefault(known, "") : "").WaitAsync(SendLimit);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Could not push {Event} (version {Version}) of board {BoardId}; its screens reload at the next version",
                    change.GetType().Name, change.Version, committed.BoardId);
            }
        }
    }

    // The pushed cards say whether they are outliers, as a board read now would.
    private async Task<IReadOnlySet<Guid>> OutliersAsync(BoardEventsCommitted committed)
    {
        if (!committed.Events.Any(e => e is ICardOnBoardEvent or TicketAccepted or CardMoved or TicketEdited { Card: not null }))
        {
            return new HashSet<Guid>();
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KanbanDbContext>();
            var board = await db.Boards.AsNoTracking().Include(b => b.Lanes).FirstOrDefaultAsync(b => b.Id == committed.BoardId);
            return board is null
                ? new HashSet<Guid>()
                : (await scope.ServiceProvider.GetRequiredService<OutlierReader>().ReadAsync(board, default)).Cards.Select(c => c.CardId).ToHashSet();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not read the outliers of board {BoardId} for its push", committed.BoardId);
            return new HashSet<Guid>();
        }
    }

    // A status note is pushed with its author's name, as the notes route gives it.
    private async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(BoardEventsCommitted committed)
    {
        var authors = committed.Events.OfType<StatusNoteAdded>().Select(e => e.By).ToList();
        if (authors.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<KanbanDbContext>().DisplayNamesAsync(authors, default);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not read the names of board {BoardId}'s note authors for its push", committed.BoardId);
            return new Dictionary<Guid, string>();
        }
    }

    private async Task EndAccessAsync(BoardAccessNarrowed narrowed)
    {
        foreach (var joined in connections.EndedBy(narrowed))
        {
            try
            {
                connections.Remove(joined.ConnectionId, joined.BoardId);
                await hub.Groups.RemoveFromGroupAsync(joined.ConnectionId, BoardHub.GroupOf(joined.BoardId)).WaitAsync(SendLimit);
                await hub.Clients.Client(joined.ConnectionId).AccessRevoked(new AccessRevokedMessage(narrowed.BoardId, narrowed.Reason, narrowed.Role)).WaitAsync(SendLimit);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Could not tell connection {ConnectionId} that its access to board {BoardId} ended", joined.ConnectionId, joined.BoardId);
            }
        }

        // This instance's connections first; then the others', which each instance ends itself.
        if (!narrowed.FromAnotherInstance)
        {
            await notices.ShareAsync(narrowed);
        }
    }
}
