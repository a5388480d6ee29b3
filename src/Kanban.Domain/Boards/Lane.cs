namespace Kanban.Domain.Boards;

public sealed class Lane
{
    private Lane()
    {
        Name = "";
    }

    internal Lane(Guid boardId, string name, LaneKind kind, int? wipLimit, bool untested, int order)
    {
        Id = Guid.CreateVersion7();
        BoardId = boardId;
        Name = name;
        Kind = kind;
        WipLimit = wipLimit;
        Untested = untested;
        Order = order;
    }

    public Guid Id { get; private set; }
    public Guid BoardId { get; private set; }
    public string Name { get; internal set; }
    public LaneKind Kind { get; internal set; }
    public int? WipLimit { get; internal set; }
    public bool Untested { get; internal set; }
    public int Order { get; internal set; }
}
