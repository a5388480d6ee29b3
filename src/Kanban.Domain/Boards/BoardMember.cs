namespace Kanban.Domain.Boards;

/// <summary>A person on a board, with their role there. People see nothing of boards they are not on.</summary>
/// <remarks>
/// A board always keeps a product owner: someone must be able to triage and resume the line. The
/// rules take how many product owners the board has now, which the caller counts in the database.
/// </remarks>
public sealed class BoardMember
{
    private BoardMember() { }

    public BoardMember(Guid boardId, Guid userId, BoardRole role)
    {
        BoardId = boardId;
        UserId = userId;
        Role = role;
    }

    /// <summary>
    /// Who is offered when a card is assigned: the people who do the work. A viewer only reads. (The
    /// assign route takes anyone, as a board file's cards keep former members as their assignees.)
    /// </summary>
    public static readonly IReadOnlyList<BoardRole> AssignableRoles = [BoardRole.Member, BoardRole.ProductOwner];

    public Guid BoardId { get; private set; }
    public Guid UserId { get; private set; }
    public BoardRole Role { get; private set; }

    /// <summary>Gives this member <paramref name="role"/>, unless that leaves the board without a product owner.</summary>
    public void ChangeRole(BoardRole role, int productOwners)
    {
        if (role != BoardRole.ProductOwner)
        {
            EnsureNotTheLastProductOwner(productOwners);
        }

        Role = role;
    }

    /// <summary>Passes when this member may be taken off the board, which keeps a product owner without them.</summary>
    public void EnsureMayLeave(int productOwners) => EnsureNotTheLastProductOwner(productOwners);

    private void EnsureNotTheLastProductOwner(int productOwners)
    {
        if (Role == BoardRole.ProductOwner && productOwners <= 1)
        {
            throw MembershipRefusals.LastProductOwnerLeaving(this);
        }
    }
}
