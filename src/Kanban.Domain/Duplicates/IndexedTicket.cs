using Kanban.Domain.Cards;

namespace Kanban.Domain.Duplicates;

/// <summary>
/// A ticket as duplicate detection holds it: what it says, when it was filed, and whether (and since
/// when) it is closed. <see cref="Vector"/> is its sentence embedding when it has one.
/// </summary>
public sealed record IndexedTicket(
    Guid Id,
    string Key,
    string Title,
    string Description,
    TicketState State,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ClosedAt,
    float[]? Vector = null)
{
    /// <summary>On the board in a done lane.</summary>
    public bool Done => State == TicketState.OnBoard && ClosedAt is not null;
}

/// <summary>What is being checked: a draft or a saved ticket's text, with its embedding when there is one.</summary>
/// <param name="ClosedSince">Closed tickets closed before this are not candidates (the board's window).</param>
/// <param name="Now">The moment candidates' ages are counted from: now for a draft, its filing for a saved ticket.</param>
/// <param name="Exclude">The ticket itself, when it is already saved.</param>
public sealed record DuplicateQuery(
    string Title,
    string Description,
    float[]? Vector,
    DateTimeOffset Now,
    DateTimeOffset ClosedSince,
    Guid? Exclude = null);

/// <summary>A candidate with its score, 0..1, where 1 is the same text.</summary>
public sealed record DuplicateMatch(IndexedTicket Ticket, double Score);
