using Kanban.Data;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Realtime;

/// <summary>Pushes a board's changes to its viewers. Commands go over HTTP; the hub only pushes.</summary>
public sealed class BoardHub(KanbanDbContext db) : Hub
{
    public const string Path = "/hubs/board";

    public static string GroupOf(Guid boardId) => $"board:{boardId}";

    public async Task JoinBoard(Guid boardId)
    {
        if (!await db.Boards.AnyAsync(b => b.Id == boardId, Context.ConnectionAborted))
        {
            throw new HubException($"Board {boardId} does not exist, or is not yours to see.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(boardId), Context.ConnectionAborted);
    }

    public Task LeaveBoard(Guid boardId) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(boardId), Context.ConnectionAborted);
}
