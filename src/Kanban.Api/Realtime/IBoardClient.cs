using Kanban.Api.Features.Boards;
using Kanban.Api.Features.Cards;
using Kanban.Api.Features.Outliers;
using Kanban.Api.Features.Status;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;

namespace Kanban.Api.Realtime;

/// <summary>
/// What the board hub sends: one method per event, named as the event, each with its message. This
/// interface is the hub's contract; <c>web/src/api/contract/hub.ts</c> is generated from it.
/// Every board message carries the board's version after the change: a client holding version v
/// applies v + 1, ignores what it has seen, and reloads the board on a gap.
/// </summary>
public interface IBoardClient
{
    /// <summary>A card moved or was reordered; <c>renumbered</c> lists the target lane's other cards whose rank changed.</summary>
    Task CardMoved(CardMovedMessage message);

    /// <summary>A card on the board was assigned, blocked, unblocked or edited: the card as it is now.</summary>
    Task CardChanged(CardMessage message);

    /// <summary>A new ticket in triage, off the board.</summary>
    Task TicketSubmitted(TicketMessage message);

    /// <summary>
    /// A ticket was edited in triage, sent back, rejected, merged or marked distinct, or a decision on
    /// it was undone. A card on the board whose ticket is no longer <c>OnBoard</c> (an undone accept) leaves the board.
    /// </summary>
    Task TicketChanged(TicketMessage message);

    /// <summary>Someone wrote on a ticket: members fetch it to read the comment, which this message does not carry.</summary>
    Task TicketCommented(TicketMessage message);

    /// <summary>A ticket was accepted onto the backlog: the card, and the backlog cards renumbered to make room.</summary>
    Task TicketAccepted(CardMessage message);

    /// <summary>A lane was added, changed or deleted: reload the board.</summary>
    Task LaneChanged(BoardChangedMessage message);

    /// <summary>The board's settings changed: reload the board.</summary>
    Task SettingsChanged(BoardChangedMessage message);

    /// <summary>Someone joined the board, changed role or left it: reload the board (your own role may have changed).</summary>
    Task MembersChanged(BoardChangedMessage message);

    Task LineStopped(LineMessage message);

    Task LineResumed(LineMessage message);

    /// <summary>This connection may no longer read the board (or reads it with less): it has left the board's group.</summary>
    Task AccessRevoked(AccessRevokedMessage message);

    /// <summary>
    /// The board's outliers changed (a card became one or stopped being one, or its reasons changed):
    /// all of them, as <c>GET /api/boards/{id}/outliers</c> answers. Not a change of the board:
    /// <c>version</c> is the board's version when they were computed, not a new one.
    /// </summary>
    Task OutliersChanged(OutliersChangedMessage message);

    /// <summary>A product owner added a note beside the board's status: the note, with its author's name.</summary>
    Task StatusNoteAdded(StatusNoteAddedMessage message);
}

public sealed record CardMovedMessage(Guid BoardId, long Version, CardResponse Card, Guid FromLaneId, IReadOnlyList<CardRank> Renumbered);

public sealed record CardMessage(Guid BoardId, long Version, CardResponse Card, IReadOnlyList<CardRank> Renumbered);

/// <summary>
/// A ticket in triage changed. Only its id, key and state: the board's group includes viewers and
/// wall screens, who may not read triage, so members fetch the ticket itself.
/// </summary>
public sealed record TicketMessage(Guid BoardId, long Version, Guid TicketId, string Key, TicketState State);

public sealed record BoardChangedMessage(Guid BoardId, long Version);

public sealed record LineMessage(Guid BoardId, long Version, LineResponse Line);

/// <summary><c>role</c> is what the person holds on the board now (null when they hold nothing, or for a share link).</summary>
public sealed record OutliersChangedMessage(Guid BoardId, long Version, IReadOnlyList<OutlierResponse> Outliers);

public sealed record StatusNoteAddedMessage(Guid BoardId, long Version, StatusNoteResponse Note);

public sealed record AccessRevokedMessage(Guid BoardId, string Reason, BoardRole? Role);
