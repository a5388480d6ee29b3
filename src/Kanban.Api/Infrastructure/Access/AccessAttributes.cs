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
    public BoardRole Role { get; } = role;
    public IReadOnlyList<ShareView> ShareViews { get; } = shareViews;
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
