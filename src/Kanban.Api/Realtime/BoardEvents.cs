using Kanban.Api.Features.Cards;
using Microsoft.AspNetCore.SignalR;

namespace Kanban.Api.Realtime;

public sealed record CardMovedEvent(Guid BoardId, long Version, CardResponse Card, Guid? FromLaneId);

public sealed record TicketSubmittedEvent(Guid BoardId, long Version, CardResponse Card);

public sealed record LaneChangedEvent(Guid BoardId, long Version);

/// <summary>
/// Sends a board's events to its group. Called only after the change is committed, each event with
/// the board's version after it, so a client that sees a gap knows to reload.
/// </summary>
public sealed class BoardNotifier(IHubContext<BoardHub> hub)
{
    public Task CardMovedAsync(CardMovedEvent e, CancellationToken ct) => Send("CardMoved", e.BoardId, e, ct);

    public Task TicketSubmittedAsync(TicketSubmittedEvent e, CancellationToken ct) => Send("TicketSubmitted", e.BoardId, e, ct);

    public Task LaneChangedAsync(LaneChangedEvent e, CancellationToken ct) => Send("LaneChanged", e.BoardId, e, ct);

    private Task Send(string name, Guid boardId, object payload, CancellationToken ct) =>
        hub.Clients.Group(BoardHub.GroupOf(boardId)).SendAsync(name, payload, ct);
}
