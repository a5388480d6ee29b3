using Kanban.Domain.Boards;

namespace Kanban.Api.Infrastructure.Access;

/// <summary>
/// Who may send a message. Every command and query carries exactly one of these; the access
/// behaviour refuses to run one without (and a test checks them all).
/// </summary>
public abstract class AccessAttribute : Attribute;

/// <summary>Anyone signed in.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SignedInAttribute : AccessAttribute;

/// <summary>The one global role.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AdminOnlyAttribute : AccessAttribute;

/// <summary>
/// At least <see cref="Role"/> on the message's board (Admins may do anything on any board); a share
/// link for that board may read when its view is in <see cref="ShareViews"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class BoardAccessAttribute(BoardRole role, params ShareView[] shareViews) : AccessAttribute
{
    private BoardRole? _offBoard;

    public BoardRole Role { get; } = role;
    public IReadOnlyList<ShareView> ShareViews { get; } = shareViews;

    /// <summary>
    /// For a message about one ticket (<see cref="ICardRequest"/>): the role needed while the ticket
    /// is not on the board (in triage, sent back or closed), which viewers may not read. Defaults to
    /// <see cref="Role"/>; <c>[BoardAccess(Viewer, OffBoard = Member)]</c> lets viewers read cards on the board only.
    /// </summary>
    public BoardRole OffBoard
    {
        get => _offBoard ?? Role;
        set => _offBoard = value;
    }
}

/// <summary>A message about one board.</summary>
public interface IBoardRequest
{
    Guid BoardId { get; }
}

/// <summary>A message about one card (or ticket), whose board is looked up.</summary>
public interface ICardRequest
{
    Guid CardId { get; }
}

/// <summary>A message about one share link, whose board is looked up.</summary>
public interface IShareLinkRequest
{
    Guid ShareLinkId { get; }
}
