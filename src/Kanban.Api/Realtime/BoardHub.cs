using Kanban.Api.Infrastructure;
using Kanban.Api.Infrastructure.Access;
using Kanban.Domain.Boards;
using Microsoft.AspNetCore.SignalR;

namespace Kanban.Api.Realtime;

/// <summary>
/// Pushes a board's changes to its viewers. Commands go over HTTP; the hub only pushes, to whoever
/// may read the board: its people, Admins, and its share links (wall or status).
/// </summary>
public sealed class BoardHub(BoardAccess access, CurrentUser user) : Hub
{
    public const string Path = "/hubs/board";

    public static string GroupOf(Guid boardId) => $"board:{boardId}";

    public async Task JoinBoard(Guid boardId)
    {
        user.Use(Context.User ?? new System.Security.Claims.ClaimsPrincipal());
        try
        {
            await access.RequireAsync(boardId, BoardRole.Viewer, [ShareView.Wall, ShareView.Status], Context.ConnectionAborted);
        }
        catch (Exception e) when (e is NotFoundException or ForbiddenException or UnauthorizedException)
        {
            throw new HubException(e.Message);
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(boardId), Context.ConnectionAborted);
    }

    public Task LeaveBoard(Guid boardId) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(boardId), Context.ConnectionAborted);
}
