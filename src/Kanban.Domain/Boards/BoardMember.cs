namespace Kanban.Domain.Boards;

/// <summary>A person on a board, with their role there. People see nothing of boards they are not on.</summary>
public sealed class BoardMember
{
    private BoardMember() { }

    public BoardMember(Guid boardId, Guid userId, BoardRole role)
    {
        BoardId = boardId;
        UserId = userId;
        Role = role;
    }

    public Guid BoardId { get; private set; }
    public Guid UserId { get; private set; }
    public BoardRole Role { get; set; }
}
