namespace Kanban.Domain.Boards;

/// <summary>A person's role on one board, weakest first: each role can do what the ones before it can.</summary>
public enum BoardRole
{
    Viewer,
    Member,
    ProductOwner,
}
