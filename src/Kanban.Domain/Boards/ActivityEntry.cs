namespace Kanban.Domain.Boards;

/// <summary>One line of a board's audit trail: who changed what, when. Written once, never changed.</summary>
public sealed class ActivityEntry
{
    private ActivityEntry()
    {
        Kind = Summary = Data = "";
    }

    /// <param name="data">The event's own fields as JSON, for clients that want the figures.</param>
    public ActivityEntry(Guid boardId, BoardEvent change, string data)
    {
        Id = Guid.CreateVersion7();
        BoardId = boardId;
        Version = change.Version;
        At = change.At;
        By = change.By;
        Kind = change.GetType().Name;
        CardId = (change as ICardEvent)?.CardId;
        Summary = change.Summary;
        Data = data;
    }

    /// <summary>
    /// An entry of history recorded elsewhere (a board file), with its original time and person. Its
    /// <paramref name="version"/> is given by the importer, which numbers the file's history in order.
    /// </summary>
    public static ActivityEntry Restore(Guid boardId, long version, DateTimeOffset at, Guid? by, string kind, Guid? cardId, string summary, string data) => new()
    {
        Id = Guid.CreateVersion7(),
        BoardId = boardId,
        Version = version,
        At = at,
        By = by,
        Kind = kind,
        CardId = cardId,
        Summary = summary,
        Data = data,
    };

    public Guid Id { get; private set; }
    public Guid BoardId { get; private set; }
    public long Version { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? By { get; private set; }
    public string Kind { get; private set; }
    public Guid? CardId { get; private set; }
    public string Summary { get; private set; }
    public string Data { get; private set; }
}
