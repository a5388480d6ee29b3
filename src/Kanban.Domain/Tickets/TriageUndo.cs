using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Kanban.Domain.Problems;

namespace Kanban.Domain.Tickets;

/// <summary>The product owner's decisions that can be taken back.</summary>
public enum TriageDecision
{
    Accepted,
    SentBack,
    Rejected,
}

/// <summary>
/// Undo of a triage decision: a product owner who accepted, sent back or rejected a ticket by mistake
/// may take it back, within <see cref="Window"/> of deciding, if they made the decision and nothing
/// has happened to the ticket since. It then is in triage again, as before the decision.
/// </summary>
/// <remarks>
/// The decision and what followed it are read from the ticket's own trail (<see cref="ActivityEntry"/>):
/// the trail records every change with its version, time and person, so it is the one account of
/// "what happened since". A comment is not a change of the ticket and does not stand in the way.
/// </remarks>
public static class TriageUndo
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    /// <summary>The trail kind of each decision that can be undone.</summary>
    public static readonly IReadOnlyDictionary<string, TriageDecision> DecisionKinds = new Dictionary<string, TriageDecision>(StringComparer.Ordinal)
    {
        [nameof(TicketAccepted)] = TriageDecision.Accepted,
        [nameof(TicketSentBack)] = TriageDecision.SentBack,
        [nameof(TicketRejected)] = TriageDecision.Rejected,
    };

    /// <summary>
    /// What <paramref name="caller"/> may undo at <paramref name="now"/>, or the reason they may not.
    /// </summary>
    /// <param name="lastDecision">The ticket's latest trail entry of a decision kind, if any.</param>
    /// <param name="since">The ticket's trail entries after <paramref name="lastDecision"/>, in version order.</param>
    public static TriageDecision Decide(Card card, Lane backlog, ActivityEntry? lastDecision, IReadOnlyList<ActivityEntry> since, Guid? caller, DateTimeOffset now)
    {
        if (lastDecision is null || !DecisionKinds.TryGetValue(lastDecision.Kind, out var decision))
        {
            throw Refused(card, $"{card.Key} has no triage decision to undo.", "none");
        }

        if (since.Any(e => e.Kind == nameof(TicketDecisionUndone)))
        {
            throw Refused(card, $"Deciding on {card.Key} was already undone; it is in triage again.", "already-undone");
        }

        if (caller is null || lastDecision.By != caller)
        {
            throw Refused(card, $"Only the product owner who {Done(decision)} {card.Key} can undo that; ask them, or decide on the ticket anew.", "not-yours");
        }

        if (now - lastDecision.At > Window)
        {
            throw Refused(card, $"{card.Key} was {Done(decision)} more than {Window.TotalSeconds:0} seconds ago, so it can no longer be undone. {Instead(decision)}", "too-late");
        }

        var changes = since.Where(e => e.Kind != nameof(TicketCommented)).ToList();
        if (changes.Count > 0 || !StillAsDecided(card, backlog, decision, lastDecision.At))
        {
            throw Refused(
                card,
                $"{card.Key} changed after it was {Done(decision)}{(changes.Count > 0 ? $" ({changes[^1].Summary})" : "")}, so undoing the decision would undo that too. {Instead(decision)}",
                "changed");
        }

        return decision;
    }

    /// <summary>The ticket is as the decision left it: same state and place, and not touched since (its last change is the decision's).</summary>
    private static bool StillAsDecided(Card card, Lane backlog, TriageDecision decision, DateTimeOffset decidedAt) =>
        decision switch
        {
            TriageDecision.Accepted => card.State == TicketState.OnBoard && card.LaneId == backlog.Id && !card.Blocked && card.AssigneeId is null,
            TriageDecision.SentBack => card.State == TicketState.SentBack,
            _ => card.State == TicketState.Rejected,
        }
        // Compared to the millisecond: stores may keep less than the clock's ticks.
        && card.UpdatedAt.UtcTicks / TimeSpan.TicksPerMillisecond == decidedAt.UtcTicks / TimeSpan.TicksPerMillisecond;

    private static string Done(TriageDecision decision) => decision switch
    {
        TriageDecision.Accepted => "accepted",
        TriageDecision.SentBack => "sent back",
        _ => "rejected",
    };

    private static string Instead(TriageDecision decision) => decision switch
    {
        TriageDecision.Accepted => "It stays on the board; move it where it belongs.",
        TriageDecision.SentBack => "It waits for its submitter to edit and resubmit it.",
        _ => "It stays rejected; submit a new ticket if the work is still wanted.",
    };

    private static RuleViolation Refused(Card card, string detail, string reason) => new(
        ProblemType.UndoNotPossible,
        "The decision cannot be undone",
        detail,
        new Dictionary<string, object?> { ["ticketId"] = card.Id, ["state"] = card.State.ToString(), ["reason"] = reason });
}
