using System.Security.Claims;
using Kanban.Domain.Boards;

namespace Kanban.Api.Infrastructure.Access;

/// <summary>Who sends the current request: a signed-in person, a share link, or nobody.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    public const string AdminClaim = "kanban:admin";
    public const string ShareBoardClaim = "kanban:share-board";
    public const string ShareViewClaim = "kanban:share-view";
    public const string ShareLinkClaim = "kanban:share-link";

    private readonly Dictionary<Guid, BoardRole> _roles = [];
    private ClaimsPrincipal? _caller;

    private ClaimsPrincipal Principal => _caller ?? accessor.HttpContext?.User ?? new ClaimsPrincipal();

    /// <summary>For a hub call, whose caller is the connection's user rather than the current HTTP request's.</summary>
    public void Use(ClaimsPrincipal caller) => _caller = caller;

    public Guid? UserId =>
        Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public bool IsAdmin => UserId is not null && Principal.HasClaim(AdminClaim, "true");

    /// <summary>The board and view of the share link this request came with, if it did.</summary>
    public (Guid BoardId, ShareView View)? Share =>
        Guid.TryParse(Principal.FindFirstValue(ShareBoardClaim), out var board)
        && Enum.TryParse<ShareView>(Principal.FindFirstValue(ShareViewClaim), out var view)
            ? (board, view)
            : null;

    /// <summary>The share link this request came with, if it did.</summary>
    public Guid? ShareLinkId =>
        Share is not null && Guid.TryParse(Principal.FindFirstValue(ShareLinkClaim), out var link) ? link : null;

    public Guid RequireUserId() => UserId ?? throw (Share is null
        ? new UnauthorizedException()
        : new ForbiddenException("A share link only reads its own board's view; sign in to change anything."));

    /// <summary>The role found when this request's access to <paramref name="boardId"/> was checked.</summary>
    public BoardRole? RoleOn(Guid boardId) => IsAdmin ? BoardRole.ProductOwner : _roles.TryGetValue(boardId, out var role) ? role : null;

    internal void Remember(Guid boardId, BoardRole role) => _roles[boardId] = role;
}
