using Kanban.Domain.Cards;

namespace Kanban.Domain.Boards;

/// <summary>
/// Gap-based ranks: a card placed between two others takes the midpoint, so a move writes one row.
/// Only when two neighbours leave no room is the lane renumbered.
/// </summary>
public static class LaneOrder
{
    public const long Gap = 1024;

    /// <summary>
    /// Gives <paramref name="card"/> a rank that puts it at <paramref name="index"/> among
    /// <paramref name="others"/> (the lane's other cards, in rank order). Returns the cards whose
    /// rank changed besides it (empty unless the lane had to be renumbered).
    /// </summary>
    public static IReadOnlyList<Card> Place(Card card, IReadOnlyList<Card> others, int? index)
    {
        var at = Math.Clamp(index ?? others.Count, 0, others.Count);
        var before = at > 0 ? others[at - 1].Rank : 0;
        var after = at < others.Count ? others[at].Rank : before + (2 * Gap);

        if (after - before >= 2)
        {
            card.Rank = before + ((after - before) / 2);
            return [];
        }

        var renumbered = new List<Card>(others.Count);
        for (var i = 0; i < others.Count; i++)
        {
            var position = i < at ? i : i + 1;
            var rank = (position + 1) * Gap;
            if (others[i].Rank != rank)
            {
                others[i].Rank = rank;
                renumbered.Add(others[i]);
            }
        }

        card.Rank = (at + 1) * Gap;
        return renumbered;
    }

    /// <summary>
    /// Whether <paramref name="card"/> already stands at <paramref name="index"/> (the end when null)
    /// among <paramref name="others"/>. A card sharing its rank with another (a board file may give
    /// two the same) stands nowhere for sure, so placing it is always a change.
    /// </summary>
    public static bool IsAt(Card card, IReadOnlyList<Card> others, int? index) =>
        others.All(c => c.Rank != card.Rank)
        && Math.Clamp(index ?? others.Count, 0, others.Count) == others.Count(c => c.Rank < card.Rank);

    /// <summary>The index a rank asks for: before the first card whose rank is at least it.</summary>
    public static int IndexOfRank(IReadOnlyList<Card> others, long rank)
    {
        var index = 0;
        while (index < others.Count && others[index].Rank < rank)
        {
            index++;
        }

        return index;
    }
}
