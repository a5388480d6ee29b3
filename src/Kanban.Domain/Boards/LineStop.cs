namespace Kanban.Domain.Boards;

public enum LineStopKind
{
    Auto,
    Manual,
}

/// <summary>One stop of the line, from the andon cord or from untested work piling up, and its resume.</summary>
public sealed class LineStop
{
    private LineStop()
    {
        Reason = "";
    }

    internal LineStop(Guid boardId, LineStopKind kind, string reason, DateTimeOffset at, Guid? by)
    {
        Id = Guid.CreateVersion7();
        BoardId = boardId;
        Kind = kind;
        Reason = reason;
        StoppedAt = at;
        StoppedBy = by;
    }

    /// <summary>Restores a stop as recorded elsewhere (a board file); an open stop stays open. Rules are not re-applied.</summary>
    public static LineStop Restore(
        Guid boardId,
        LineStopKind kind,
        string reason,
        DateTimeOffset stoppedAt,
        Guid? stoppedBy,
        DateTimeOffset? resumedAt,
        Guid? resumedBy,
        string? resumeNote) =>
        new(boardId, kind, reason, stoppedAt, stoppedBy)
        {
            ResumedAt = resumedAt,
            ResumedBy = resumedBy,
            ResumeNote = resumeNote,
        };

    public Guid Id { get; private set; }
    public Guid BoardId { get; private set; }
    public LineStopKind Kind { get; private set; }
    public string Reason { get; private set; }
    public DateTimeOffset StoppedAt { get; private set; }
    public Guid? StoppedBy { get; private set; }
    public DateTimeOffset? ResumedAt { get; private set; }
    public Guid? ResumedBy { get; private set; }
    public string? ResumeNote { get; private set; }

    public TimeSpan? Lasted => ResumedAt - StoppedAt;

    internal void Resume(DateTimeOffset at, Guid? by, string note)
    {
        ResumedAt = at;
        ResumedBy = by;
        ResumeNote = note;
    }
}
