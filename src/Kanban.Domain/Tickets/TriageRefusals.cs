using Kanban.Domain.Cards;
using Kanban.Domain.Problems;

namespace Kanban.Domain.Tickets;

/// <summary>The refusals of rules 5 and 6, each with what the product owner or submitter can do about it.</summary>
public static class TriageRefusals
{
    /// <summary>
    /// The ticket changed after the caller read it (their <paramref name="expectedUpdatedAt"/>): deciding
    /// on it, or saving a whole edit over it, would act on text they have not seen.
    /// </summary>
    public static void EnsureUnchangedSince(Card card, DateTimeOffset? expectedUpdatedAt)
    {
        // Compared to the millisecond: stores may keep less than the clock's ticks.
        if (expectedUpdatedAt is { } expected && expected.UtcTicks / TimeSpan.TicksPerMillisecond != card.UpdatedAt.UtcTicks / TimeSpan.TicksPerMillisecond)
        {
            throw new RuleViolation(
                ProblemType.ConcurrencyConflict,
                "The ticket changed since you opened it",
                $"{card.Key} was changed since you read it ({card.State}); reload it, check what changed, and try again.",
                new Dictionary<string, object?> { ["ticketId"] = card.Id, ["state"] = card.State.ToString(), ["updatedAt"] = card.UpdatedAt });
        }
    }

    public static RuleViolation GatesFailed(Card card, IReadOnlyList<GateResult> failing, string whatToDo) => new(
        ProblemType.QualityGateFailed,
        "The ticket does not pass the quality gates",
        $"{card.Key} fails {failing.Count} gate{(failing.Count == 1 ? "" : "s")}: {string.Join(" ", failing.Select(g => g.Message))} {whatToDo}",
        new Dictionary<string, object?> { ["ticketId"] = card.Id, ["gates"] = failing });

    public static RuleViolation StillLikelyDuplicate(Card card, Card? original) => new(
        ProblemType.LikelyDuplicate,
        "The ticket is a likely duplicate",
        original is null
            ? $"{card.Key} is marked as a likely duplicate. Merge it into the original, or mark it distinct, before accepting it."
            : $"{card.Key} looks like a duplicate of {original.Key} \"{original.Title}\". Merge it into {original.Key}, or mark it distinct, before accepting it.",
        new Dictionary<string, object?> { ["ticketId"] = card.Id, ["likelyDuplicateOf"] = card.LikelyDuplicateOfId, ["originalKey"] = original?.Key });

    public static RuleViolation NotInTriage(Card card, string action) => new(
        ProblemType.TicketNotInTriage,
        "The ticket is not waiting for triage",
        card.State switch
        {
            TicketState.SentBack => $"{card.Key} was sent back to its submitter; it can be {action} once it is edited and resubmitted.",
            TicketState.OnBoard => $"{card.Key} is already on the board.",
            TicketState.Rejected => $"{card.Key} was rejected.",
            TicketState.Merged => $"{card.Key} was merged into another ticket.",
            _ => $"{card.Key} cannot be {action} now.",
        },
        new Dictionary<string, object?> { ["ticketId"] = card.Id, ["state"] = card.State.ToString() });

    public static RuleViolation Closed(Card card) => new(
        ProblemType.TicketNotInTriage,
        "The ticket is closed",
        $"{card.Key} was {(card.State == TicketState.Rejected ? "rejected" : "merged into another ticket")} and can no longer be changed; submit a new ticket instead.",
        new Dictionary<string, object?> { ["ticketId"] = card.Id, ["state"] = card.State.ToString() });

    public static RuleViolation BadOriginal(Card card, string why) => new(
        ProblemType.ValidationFailed,
        "Choose another original",
        $"{card.Key} cannot be merged into that ticket: {why}",
        new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["originalId"] = [why] } });
}
