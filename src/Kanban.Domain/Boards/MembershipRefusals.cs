using Kanban.Domain.Cards;
using Kanban.Domain.Problems;

namespace Kanban.Domain.Boards;

/// <summary>The refusals of what a person's role on a board lets them do, each saying who can instead.</summary>
public static class MembershipRefusals
{
    public static RuleViolation LastProductOwnerLeaving(BoardMember member) => new(
        ProblemType.LastProductOwner,
        "A board needs a product owner",
        "This is the board's only product owner; make someone else product owner first.",
        new Dictionary<string, object?> { ["userId"] = member.UserId });

    public static RuleViolation ViewerCannotEdit(Card card) => new(
        ProblemType.Forbidden,
        "Viewers cannot edit tickets",
        $"{card.Key} can be edited by a member or a product owner of its board; ask a product owner for the member role.",
        new Dictionary<string, object?> { ["ticketId"] = card.Id });

    public static RuleViolation NotYoursToEditInTriage(Card card) => new(
        ProblemType.Forbidden,
        "Only its submitter or a product owner can edit a ticket in triage",
        $"{card.Key} is waiting for triage; only its submitter or a product owner can edit it.",
        new Dictionary<string, object?> { ["ticketId"] = card.Id, ["state"] = card.State.ToString() });
}
