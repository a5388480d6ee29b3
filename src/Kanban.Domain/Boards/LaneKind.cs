namespace Kanban.Domain.Boards;

public enum LaneKind
{
    Backlog,
    Queue,
    Active,
    Done,
}
