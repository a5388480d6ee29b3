namespace Kanban.Domain.Cards;

/// <summary>One move of a card: the history every metric is computed from.</summary>
public sealed class CardTransition
{
    private CardTransition() { }

    public CardTransition(Guid boardId, Guid cardId, Guid? fromLaneId, Guid toLaneId, DateTimeOffset at, Guid? byUserId)
    {
        Id = Guid.CreateVersion7();
        BoardId = boardId;
        CardId = cardId;
        FromLaneId = fromLaneId;
        ToLaneId = toLaneId;
        At = at;
        ByUserId = byUserId;
    }

    public Guid Id { get; private set; }
    public Guid BoardId { get; private set; }
    public Guid CardId { get; private set; }

    /// <summary>Null for the card's arrival on the board.</summary>
    public Guid? FromLaneId { get; private set; }

    public Guid ToLaneId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? ByUserId { get; private set; }
}
