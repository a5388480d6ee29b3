using Kanban.Domain.Boards;
using Kanban.Domain.Cards;

namespace Kanban.Domain.Tickets;

// The activity trail is open to viewers, triage is not: these events name the ticket, never its text
// or what the product owner wrote on it (that is kept in the ticket's comments, for members).

/// <param name="LikelyDuplicateOfKey">The ticket it reads like, when duplicate detection marked it so.</param>
public sealed record TicketSubmitted(DateTimeOffset At, Guid? By, Guid CardId, string CardKey, Guid? LikelyDuplicateOfId = null, string? LikelyDuplicateOfKey = null)
    : BoardEvent(At, By), ITicketEvent
{
    public TicketState State => TicketState.Triage;

    public override string Summary => LikelyDuplicateOfKey is { } original
        ? $"{CardKey} submitted for triage, marked as a likely duplicate of {original}"
        : $"{CardKey} submitted for triage";
}

/// <param name="Card">The card as edited when it is on the board (every screen shows it), else null.</param>
/// <param name="LikelyDuplicateOfId">The ticket it reads like after the edit, while it awaits triage.</param>
public sealed record TicketEdited(
    DateTimeOffset At, Guid? By, Guid CardId, string CardKey, bool Resubmitted, TicketState State, CardSnapshot? Card, Guid? LikelyDuplicateOfId = null)
    : BoardEvent(At, By), ITicketEvent
{
    public override string Summary => Resubmitted ? $"{CardKey} edited and resubmitted for triage" : $"{CardKey} edited";
}

/// <param name="Renumbered">The backlog's other cards whose rank changed to make room (usually none).</param>
public sealed record TicketAccepted(DateTimeOffset At, Guid? By, Guid CardId, string CardKey, Guid LaneId, string LaneName, CardSnapshot Card, IReadOnlyList<CardRank> Renumbered)
    : BoardEvent(At, By), ICardOnBoardEvent
{
    public override string Summary => $"{CardKey} accepted into {LaneName}";
}

public sealed record TicketSentBack(DateTimeOffset At, Guid? By, Guid CardId, string CardKey)
    : BoardEvent(At, By), ITicketEvent
{
    public TicketState State => TicketState.SentBack;

    public override string Summary => $"{CardKey} sent back to its submitter with a comment";
}

/// <param name="Was">The state the ticket was rejected from (in triage, or sent back to its submitter), which an undo returns it to.</param>
public sealed record TicketRejected(DateTimeOffset At, Guid? By, Guid CardId, string CardKey, TicketState Was = TicketState.Triage)
    : BoardEvent(At, By), ITicketEvent
{
    public TicketState State => TicketState.Rejected;

    public override string Summary => $"{CardKey} rejected";
}

public sealed record TicketMerged(DateTimeOffset At, Guid? By, Guid CardId, string CardKey, Guid OriginalId, string OriginalKey)
    : BoardEvent(At, By), ITicketEvent
{
    public TicketState State => TicketState.Merged;

    public override string Summary => $"{CardKey} merged into {OriginalKey} as a duplicate";
}

public sealed record TicketMarkedDistinct(DateTimeOffset At, Guid? By, Guid CardId, string CardKey, Guid? WasLikelyDuplicateOfId, TicketState State)
    : BoardEvent(At, By), ITicketEvent
{
    public override string Summary => $"{CardKey} marked distinct: not a duplicate";
}

/// <summary>A member wrote on a ticket. The trail and the hub name the ticket only: what was written is for members, on the ticket.</summary>
public sealed record TicketCommented(DateTimeOffset At, Guid? By, Guid CardId, string CardKey, Guid CommentId, TicketState State)
    : BoardEvent(At, By), ITicketEvent
{
    public override string Summary => $"Comment added to {CardKey}";
}

/// <summary>
/// The product owner took back their last triage decision on a ticket, which is as it was before it:
/// in triage, or sent back to its submitter for a rejection of a ticket that was sent back.
/// </summary>
/// <param name="FromLaneId">For an undone accept, the lane the card left (the backlog); else null.</param>
public sealed record TicketDecisionUndone(DateTimeOffset At, Guid? By, Guid CardId, string CardKey, TriageDecision Undone, Guid? FromLaneId, TicketState State = TicketState.Triage)
    : BoardEvent(At, By), ITicketEvent
{
    public override string Summary => Undone switch
    {
        TriageDecision.Accepted => $"{CardKey} taken off the board: accept undone, back in triage",
        TriageDecision.SentBack => $"{CardKey} send-back undone, back in triage",
        _ when State == TicketState.SentBack => $"{CardKey} rejection undone, sent back to its submitter again",
        _ => $"{CardKey} rejection undone, back in triage",
    };
}
