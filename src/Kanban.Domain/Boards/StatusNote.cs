namespace Kanban.Domain.Boards;

/// <summary>
/// A product owner's dated note beside the board's status (rule 9): shown next to the colour, never
/// instead of it. Kept with who wrote it and when; written once, never changed.
/// </summary>
public sealed class StatusNote
{
    private StatusNote()
    {
        Text = "";
    }

    internal StatusNote(Guid boardId, string text, DateTimeOffset at, Guid? by)
    {
        Id = Guid.CreateVersion7();
        BoardId = boardId;
        Text = text;
        At = at;
        ById = by;
    }

    public Guid Id { get; private set; }
    public Guid BoardId { get; private set; }
    public string Text { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? ById { get; private set; }
}
