using Kanban.Api.Features.Boards;
using Kanban.Api.Features.Cards;
using Kanban.Api.Features.Status;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Kanban.Domain.Tickets;

namespace Kanban.Api.Realtime;

/// <summary>
/// Turns a committed board event into its hub message. Built from the event alone: nothing is read
/// back. The cards' ages are counted at <c>at</c>, as a board read then would count them, and a card
/// is flagged an outlier when <c>isOutlier</c> says so (the board as committed), and a person is named
/// as <c>nameOf</c> says (read from the users after the commit).
/// </summary>
public static class BoardMessages
{
    public static Task SendAsync(
        IBoardClient clients, Guid boardId, BoardEvent change, BoardTime at, Func<Guid, bool> isOutlier, Func<Guid?, string>? nameOf = null)
    {
        CardResponse Response(CardSnapshot card) => card.ToResponse(at) with { Outlier = isOutlier(card.Id) };
        return Message(clients, boardId, change, Response, nameOf ?? (_ => ""));
    }

    private static Task Message(
        IBoardClient clients, Guid boardId, BoardEvent change, Func<CardSnapshot, CardResponse> response, Func<Guid?, string> nameOf) => change switch
    {
        StatusNoteAdded e => clients.StatusNoteAdded(new StatusNoteAddedMessage(boardId, e.Version, new StatusNoteResponse(e.NoteId, e.Text, e.At, nameOf(e.By)))),
        // An edit of a card on the board changes what every screen shows; one in triage changes no board.
        TicketEdited { Card: { } card } e => clients.CardChanged(new CardMessage(boardId, e.Version, response(card), [])),
        TicketAccepted e => clients.TicketAccepted(new CardMessage(boardId, e.Version, response(e.Card), e.Renumbered)),
        TicketSubmitted e => clients.TicketSubmitted(Ticket(boardId, e)),
        TicketCommented e => clients.TicketCommented(Ticket(boardId, e)),
        ITicketEvent e => clients.TicketChanged(Ticket(boardId, e)),
        CardMoved e => clients.CardMoved(new CardMovedMessage(boardId, e.Version, response(e.Card), e.FromLaneId, e.Renumbered)),
        ICardOnBoardEvent e => clients.CardChanged(new CardMessage(boardId, change.Version, response(e.Card), [])),
        LaneAdded or LaneChanged or LaneRemoved => clients.LaneChanged(new BoardChangedMessage(boardId, change.Version)),
        SettingsChanged => clients.SettingsChanged(new BoardChangedMessage(boardId, change.Version)),
        MemberChanged => clients.MembersChanged(new BoardChangedMessage(boardId, change.Version)),
        LineStopped e => clients.LineStopped(new LineMessage(boardId, e.Version, LineResponse.From(e.Line))),
        LineResumed e => clients.LineResumed(new LineMessage(boardId, e.Version, LineResponse.From(e.Line))),
        _ => throw new InvalidOperationException($"No hub message for {change.GetType().Name}."),
    };

    private static TicketMessage Ticket(Guid boardId, ITicketEvent e) =>
        new(boardId, ((BoardEvent)e).Version, e.CardId, e.CardKey, e.State);
}
