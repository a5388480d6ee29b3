using System.Text.Json;
using Kanban.Api.Infrastructure;
using Kanban.Api.Infrastructure.Access;
using Kanban.Data;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Kanban.Domain.Tickets;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Features.Tickets;

/// <summary>
/// The product owner takes back their last accept, send-back or reject of a ticket, within
/// <see cref="TriageUndo.Window"/> and if nothing changed since (<see cref="TriageUndo"/> decides).
/// The decision and what followed are read from the ticket's trail. An undone accept also removes
/// the card's arrival on the board, so no metric counts a card that never really came. What the
/// product owner wrote when sending back or rejecting stays among the ticket's comments, as history.
/// </summary>
[BoardAccess(BoardRole.ProductOwner)]
public sealed record UndoTriageDecisionCommand(Guid CardId) : ICommand<TicketResponse>, ICardRequest;

public sealed class UndoTriageDecisionHandler(KanbanDbContext db, BoardChanges changes, TimeProvider clock, CurrentUser user)
    : ICommandHandler<UndoTriageDecisionCommand, TicketResponse>
{
    private static readonly string[] DecisionKinds = [.. TriageUndo.DecisionKinds.Keys];

    public async ValueTask<TicketResponse> Handle(UndoTriageDecisionCommand command, CancellationToken cancellationToken) =>
        await changes.ChangeTicketAsync(db, command.CardId, async (board, ticket) =>
        {
            var trail = db.Activity.AsNoTracking().Where(a => a.BoardId == board.Id && a.CardId == ticket.Id);
            var lastDecision = await trail.Where(a => DecisionKinds.Contains(a.Kind)).OrderByDescending(a => a.Version).FirstOrDefaultAsync(cancellationToken);
            var since = lastDecision is null
                ? []
                : await trail.Where(a => a.Version > lastDecision.Version).OrderBy(a => a.Version).ToListAsync(cancellationToken);

            var undone = board.UndoTriageDecision(ticket, lastDecision, since, clock.GetUtcNow(), user.UserId, RejectedFrom(lastDecision));
            if (undone == TriageDecision.Accepted)
            {
                db.CardTransitions.RemoveRange(await db.CardTransitions.Where(t => t.CardId == ticket.Id && t.FromLaneId == null).ToListAsync(cancellationToken));
            }
        }, cancellationToken);

    /// <summary>The state a rejection was made from, as its trail entry records it (entries written before it was recorded: triage).</summary>
    private static TicketState RejectedFrom(ActivityEntry? decision)
    {
        if (decision?.Kind != nameof(TicketRejected))
        {
            return TicketState.Triage;
        }

        using var data = JsonDocument.Parse(decision.Data);
        return data.RootElement.TryGetProperty("was", out var was) && Enum.TryParse<TicketState>(was.GetString(), out var state) ? state : TicketState.Triage;
    }
}
