namespace Kanban.Domain.Cards;

/// <summary>
/// A card on the board as every screen shows it, taken when an event about it was raised. Events
/// carry it so that what is pushed after the commit is what was committed, whatever happens to the
/// card afterwards.
/// </summary>
public sealed record CardSnapshot(
    Guid Id,
    string Key,
    string Title,
    Guid LaneId,
    long Rank,
    CardClass Class,
    decimal EstimateDays,
    Guid? AssigneeId,
    bool Blocked,
    string? BlockedReason,
    DateTimeOffset? BlockedSince,
    DateTimeOffset? StartedAt,
    DateTimeOffset? LastMovedAt)
{
    public static CardSnapshot Of(Card card) => new(
        card.Id,
        card.Key,
        card.Title,
        card.LaneId ?? throw new InvalidOperationException($"{card.Key} is not on the board."),
        card.Rank,
        card.Class,
        card.EstimateDays,
        card.AssigneeId,
        card.Blocked,
        card.BlockedReason,
        card.BlockedSince,
        card.StartedAt,
        card.LastMovedAt);
}

/// <summary>A card's rank after its lane was renumbered to make room for another.</summary>
public sealed record CardRank(Guid CardId, long Rank)
{
    public static IReadOnlyList<CardRank> Of(IEnumerable<Card> cards) => [.. cards.Select(c => new CardRank(c.Id, c.Rank))];
}
