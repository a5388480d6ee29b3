namespace Kanban.Domain.Tickets;

public enum TicketCommentKind
{
    /// <summary>The product owner's note to the submitter when sending a ticket back.</summary>
    SentBack,

    /// <summary>The product owner's reason for rejecting a ticket.</summary>
    Rejected,

    /// <summary>The text of a duplicate, kept on the original it was merged into.</summary>
    MergedDuplicate,

    /// <summary>What a member wrote on a ticket, in any state: the ticket's conversation.</summary>
    Comment,
}

/// <summary>Something written on a ticket: by the product owner in triage, or by any member as a comment; written once, never changed.</summary>
public sealed class TicketComment
{
    private TicketComment()
    {
        Text = "";
    }

    public TicketComment(Guid boardId, Guid cardId, TicketCommentKind kind, string text, DateTimeOffset at, Guid? byUserId)
    {
        Id = Guid.CreateVersion7();
        BoardId = boardId;
        CardId = cardId;
        Kind = kind;
        Text = text;
        At = at;
        ByUserId = byUserId;
    }

    public Guid Id { get; private set; }
    public Guid BoardId { get; private set; }
    public Guid CardId { get; private set; }
    public TicketCommentKind Kind { get; private set; }
    public string Text { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? ByUserId { get; private set; }
}
