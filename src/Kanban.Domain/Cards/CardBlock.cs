namespace Kanban.Domain.Cards;

/// <summary>One period a card was blocked, from its block to its unblock: what blocked time is computed from.</summary>
public sealed class CardBlock
{
    private CardBlock()
    {
        Reason = "";
    }

    internal CardBlock(Guid boardId, Guid cardId, string reason, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        BoardId = boardId;
        CardId = cardId;
        Reason = reason;
        BlockedAt = at;
    }

    /// <summary>A period as recorded elsewhere (a board file); an open one stays open.</summary>
    public static CardBlock Restore(Guid boardId, Guid cardId, string reason, DateTimeOffset blockedAt, DateTimeOffset? unblockedAt) =>
        new(boardId, cardId, reason, blockedAt) { UnblockedAt = unblockedAt };

    public Guid Id { get; private set; }
    public Guid BoardId { get; private set; }
    public Guid CardId { get; private set; }

    /// <summary>The reason the block began with; a later change of reason keeps the same period.</summary>
    public string Reason { get; private set; }

    public DateTimeOffset BlockedAt { get; private set; }

    /// <summary>Null while the card is still blocked.</summary>
    public DateTimeOffset? UnblockedAt { get; private set; }

    internal void End(DateTimeOffset at) => UnblockedAt = at;
}
