using Kanban.Api.Infrastructure;
using Kanban.Api.Infrastructure.Access;
using Kanban.Data;
using Kanban.Domain.Boards;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Realtime;

/// <summary>
/// Pushes a board's changes to its viewers. Commands go over HTTP; the hub only pushes, to whoever
/// may read the board: its people, Admins, and its share links (wall or status).
/// </summary>
public sealed class BoardHub(BoardAccess access, CurrentUser user, BoardConnections connections, KanbanDbContext db, BackplaneHealth backplane) : Hub<IBoardClient>
{
    public const string Path = "/hubs/board";

    private static readonly ShareView[] Views = [ShareView.Wall, ShareView.Status];

    public static string GroupOf(Guid boardId) => $"board:{boardId}";

    public async Task JoinBoard(Guid boardId)
    {
        user.Use(Context.User ?? new System.Security.Claims.ClaimsPrincipal());
        await RequireAccessAsync(boardId);
        var joined = new BoardConnections.Joined(Context.ConnectionId, boardId, user.UserId, user.IsAdmin, user.RoleOn(boardId), user.ShareLinkId);
        connections.Add(joined);

        // A narrowing of access that lands between the first check and the registration finds
        // nothing to end: checking again after registering closes that gap, and records the role
        // as it is now.
        try
        {
            await RequireAccessAsync(boardId);
            connections.Refresh(joined with { Role = user.RoleOn(boardId) });
        }
        catch (HubException)
        {
            connections.Remove(Context.ConnectionId, boardId);
            throw;
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(boardId), Context.ConnectionAborted);
        if (!connections.Contains(Context.ConnectionId, boardId))
        {
            // Ended while joining: the publisher removed the registration before the group held it.
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(boardId), Context.ConnectionAborted);
            throw new HubException("Your access to this board ended while joining it.");
        }
    }

    public async Task LeaveBoard(Guid boardId)
    {
        connections.Remove(Context.ConnectionId, boardId);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(boardId), Context.ConnectionAborted);
    }

    public override Task OnConnectedAsync()
    {
        backplane.Admit(Context);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        backplane.Forget(Context.ConnectionId);
        connections.RemoveConnection(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    private async Task RequireAccessAsync(Guid boardId)
    {
        try
        {
            await access.RequireAsync(boardId, BoardRole.Viewer, Views, Context.ConnectionAborted);
        }
        catch (Exception e) when (e is NotFoundException or ForbiddenException or UnauthorizedException)
        {
            throw new HubException(e.Message);
        }

        // A connection keeps the share link it was opened with; the link may have been revoked since.
        if (user.ShareLinkId is { } link
            && !await db.ShareLinks.AnyAsync(l => l.Id == link && l.RevokedAt == null, Context.ConnectionAborted))
        {
            throw new HubException("This share link was revoked.");
        }
    }
}
