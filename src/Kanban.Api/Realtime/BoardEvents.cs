using Kanban.Api.Features.Boards;
using Kanban.Api.Features.Cards;
using Kanban.Data;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Kanban.Domain.Tickets;
using Microsoft.AspNetCore.SignalR;

namespace Kanban.Api.Realtime;

public sealed record CardMovedMessage(Guid BoardId, long Version, CardResponse Card, Guid FromLaneId);

public sealed record CardMessage(Guid BoardId, long Version, CardResponse Card);

/// <summary>
/// A ticket in triage changed. Only its id, key and state: the board's group includes viewers and
/// wall screens, who may not read triage, so members fetch the ticket itself.
/// </summary>
public sealed record TicketMessage(Guid BoardId, long Version, Guid TicketId, string Key, TicketState State);

public sealed record BoardChangedMessage(Guid BoardId, long Version);

public sealed record LineMessage(Guid BoardId, long Version, LineResponse Line);

/// <summary>
/// Sends a board's events to its group, after they are committed, each with the board's version
/// after it: a client holding version v applies v + 1 and reloads on any gap.
/// </summary>
public sealed class BoardNotifier(IHubContext<BoardHub> hub, KanbanDbContext db)
{
    public async Task PublishAsync(Board board, CancellationToken ct)
    {
        var group = hub.Clients.Group(BoardHub.GroupOf(board.Id));
        foreach (var change in board.Events)
        {
            var (name, message) = Message(board, change);
            await group.SendAsync(name, message, ct);
        }
    }

    private (string Name, object Message) Message(Board board, BoardEvent change) => change switch
    {
        TicketSubmitted e => ("TicketSubmitted", Ticket(board, e)),
        // A card already on the board that is edited changes what the board shows.
        TicketEdited e when IsOnBoard(e.CardId) => ("CardChanged", new CardMessage(board.Id, e.Version, Card(e.CardId))),
        TicketEdited or TicketSentBack or TicketRejected or TicketMerged or TicketMarkedDistinct => ("TicketChanged", Ticket(board, change)),
        TicketAccepted e => ("TicketAccepted", new CardMessage(board.Id, e.Version, Card(e.CardId))),
        CardMoved e => ("CardMoved", new CardMovedMessage(board.Id, e.Version, Card(e.CardId), e.FromLaneId)),
        CardAssigned or CardBlocked or CardUnblocked => ("CardChanged", new CardMessage(board.Id, change.Version, Card(((ICardEvent)change).CardId))),
        LaneAdded or LaneChanged or LaneRemoved => ("LaneChanged", new BoardChangedMessage(board.Id, change.Version)),
        SettingsChanged => ("SettingsChanged", new BoardChangedMessage(board.Id, change.Version)),
        LineStopped e => ("LineStopped", new LineMessage(board.Id, e.Version, LineResponse.From(board.Line))),
        LineResumed e => ("LineResumed", new LineMessage(board.Id, e.Version, LineResponse.From(board.Line))),
        _ => throw new InvalidOperationException($"No message for {change.GetType().Name}."),
    };

    // The card is the one the command just saved, still tracked.
    private CardResponse Card(Guid cardId) => db.Cards.Local.First(c => c.Id == cardId).ToResponse();

    private bool IsOnBoard(Guid cardId) => db.Cards.Local.First(c => c.Id == cardId).State == TicketState.OnBoard;

    private TicketMessage Ticket(Board board, BoardEvent change)
    {
        var ticket = db.Cards.Local.First(c => c.Id == ((ICardEvent)change).CardId);
        return new TicketMessage(board.Id, change.Version, ticket.Id, ticket.Key, ticket.State);
    }
}
