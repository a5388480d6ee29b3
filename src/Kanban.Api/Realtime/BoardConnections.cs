using System.Collections.Concurrent;
using Kanban.Api.Infrastructure;
using Kanban.Domain.Boards;

namespace Kanban.Api.Realtime;

/// <summary>
/// The boards this process's hub connections joined and on whose access: a change of access finds
/// the connections it ends here, since a SignalR group cannot say who is in it.
/// </summary>
public sealed class BoardConnections
{
    private readonly ConcurrentDictionary<(string ConnectionId, Guid BoardId), Joined> _joined = new();

    /// <summary>A connection on a board: as a person (with the role they joined with; Admins hold every board) or a share link.</summary>
    public sealed record Joined(string ConnectionId, Guid BoardId, Guid? UserId, bool IsAdmin, BoardRole? Role, Guid? ShareLinkId)
    {
        public bool IsEndedBy(BoardAccessNarrowed change) =>
            change.BoardId == BoardId
            && (change.ShareLinkId is { } link
                ? ShareLinkId == link
                : UserId == change.UserId && !IsAdmin && (change.Role is null || change.Role < Role));
    }

    public void Add(Joined joined) => _joined[(joined.ConnectionId, joined.BoardId)] = joined;

    /// <summary>Updates a registration that is still there; one removed meanwhile stays removed.</summary>
    public void Refresh(Joined joined)
    {
        var key = (joined.ConnectionId, joined.BoardId);
        if (_joined.TryGetValue(key, out var current))
        {
            _joined.TryUpdate(key, joined, current);
        }
    }

    public bool Contains(string connectionId, Guid boardId) => _joined.ContainsKey((connectionId, boardId));

    public void Remove(string connectionId, Guid boardId) => _joined.TryRemove((connectionId, boardId), out _);

    public void RemoveConnection(string connectionId)
    {
        foreach (var key in _joined.Keys.Where(k => k.ConnectionId == connectionId))
        {
            _joined.TryRemove(key, out _);
        }
    }

    public IReadOnlyList<Joined> EndedBy(BoardAccessNarrowed change) => [.. _joined.Values.Where(j => j.IsEndedBy(change))];
}
