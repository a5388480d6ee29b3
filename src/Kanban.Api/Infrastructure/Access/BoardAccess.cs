using Kanban.Data;
using Kanban.Domain.Boards;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Infrastructure.Access;

/// <summary>Decides whether the current request may reach a board, for HTTP and the hub alike.</summary>
public sealed class BoardAccess(KanbanDbContext db, CurrentUser user)
{
    /// <summary>
    /// Passes, or throws: 401 for nobody, 404 for a board that does not exist or is not theirs
    /// (whatever their role elsewhere), 403 for a role too weak or a share link used beyond its view.
    /// </summary>
    public async Task RequireAsync(Guid boardId, BoardRole minimum, IReadOnlyList<ShareView> shareViews, CancellationToken ct)
    {
        if (user.Share is { } share)
        {
            if (share.BoardId != boardId)
            {
                throw new NotFoundException("Board", boardId);
            }

            if (!shareViews.Contains(share.View))
            {
                throw new ForbiddenException($"This share link opens the {share.View.ToString().ToLowerInvariant()} view only, and never changes anything.");
            }

            return;
        }

        var userId = user.RequireUserId();
        if (user.IsAdmin)
        {
            return;
        }

        var role = await db.BoardMembers.Where(m => m.BoardId == boardId && m.UserId == userId)
            .Select(m => (BoardRole?)m.Role)
            .FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Board", boardId);
        if (role < minimum)
        {
            throw new ForbiddenException($"This needs the {Describe(minimum)} role on this board; you are a {Describe(role)}.");
        }

        user.Remember(boardId, role);
    }

    public static string Describe(BoardRole role) => role switch
    {
        BoardRole.ProductOwner => "product owner",
        BoardRole.Member => "member",
        _ => "viewer",
    };
}
