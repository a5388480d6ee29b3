using Kanban.Domain.Cards;

namespace Kanban.Domain.Duplicates;

/// <summary>How alike a candidate is, in the words a person reads (see <see cref="DuplicateRules.LikenessOf"/>).</summary>
public enum DuplicateLikeness
{
    /// <summary>At or above the board's threshold: the ticket is marked as a likely duplicate of it.</summary>
    Likely,

    /// <summary>Within three quarters of the threshold.</summary>
    Similar,

    Related,
}

/// <summary>Rule 7: which tickets are compared, and when a submission is a likely duplicate.</summary>
public static class DuplicateRules
{
    /// <summary>How many candidates a check, a submission or the inbox shows.</summary>
    public const int CandidatesShown = 5;

    /// <summary>How much of a candidate's description is shown beside it.</summary>
    public const int ExcerptLength = 280;

    /// <summary>The share of the threshold from which a candidate reads as similar.</summary>
    public const double SimilarShare = 0.75;

    // The share is rounded back to a decimal: 0.8 * 0.75 is 0.6000000000000001 in binary, and a score of 0.6 is similar at 0.8.
    public static DuplicateLikeness LikenessOf(double score, double threshold) =>
        score >= threshold ? DuplicateLikeness.Likely
        : score >= Math.Round(threshold * SimilarShare, 6) ? DuplicateLikeness.Similar
        : DuplicateLikeness.Related;

    /// <summary>
    /// The best candidate at or above <paramref name="threshold"/>, passing over those the product owner
    /// has said this ticket is distinct from; null when there is none.
    /// </summary>
    public static DuplicateMatch? LikelyOriginal(IReadOnlyList<DuplicateMatch> matches, double threshold, IReadOnlyCollection<Guid> distinctFrom) =>
        matches.FirstOrDefault(m => m.Score >= threshold && !distinctFrom.Contains(m.Ticket.Id));

    /// <summary>
    /// Whether a ticket is compared with new ones: open ones (in triage, sent back, on the board) and
    /// closed ones (done, rejected) are; a merged ticket is not, as its text lives on in its original.
    /// </summary>
    public static bool IsCandidate(Card card) => card.State != TicketState.Merged;

    /// <summary>When the ticket was closed: done when it entered the done lanes, rejected when it was rejected.</summary>
    public static DateTimeOffset? ClosedAt(Card card) => ClosedAt(card.State, card.UpdatedAt, card.CompletedAt);

    /// <inheritdoc cref="ClosedAt(Card)"/>
    public static DateTimeOffset? ClosedAt(TicketState state, DateTimeOffset updatedAt, DateTimeOffset? completedAt) => state switch
    {
        TicketState.Rejected => updatedAt,
        TicketState.OnBoard => completedAt,
        _ => null,
    };

    /// <summary>Closed tickets closed before this are no longer compared.</summary>
    public static DateTimeOffset ClosedSince(DateTimeOffset now, int windowDays) => now.AddDays(-windowDays);

    public static string Excerpt(string description)
    {
        var text = description.Trim();
        if (text.Length <= ExcerptLength)
        {
            return text;
        }

        // Never half of a character written as two UTF-16 units.
        var cut = char.IsHighSurrogate(text[ExcerptLength - 2]) ? ExcerptLength - 2 : ExcerptLength - 1;
        return string.Concat(text.AsSpan(0, cut).TrimEnd(), "…");
    }

    public static IndexedTicket ToIndexed(Card card, float[]? vector) =>
        new(card.Id, card.Key, card.Title, card.Description, card.State, card.CreatedAt, ClosedAt(card), vector);
}
