using Kanban.Api.Features.Tickets;
using Kanban.Api.Infrastructure;
using Kanban.Api.Infrastructure.Access;
using Kanban.Data;
using Kanban.Domain.Boards;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Features.Status;

/// <summary>Every note beside the board's status, newest first.</summary>
[BoardAccess(BoardRole.Viewer, ShareView.Status)]
public sealed record GetStatusNotesQuery(Guid BoardId) : IQuery<IReadOnlyList<StatusNoteResponse>>, IBoardRequest;

public sealed class GetStatusNotesHandler(KanbanDbContext db) : IQueryHandler<GetStatusNotesQuery, IReadOnlyList<StatusNoteResponse>>
{
    public async ValueTask<IReadOnlyList<StatusNoteResponse>> Handle(GetStatusNotesQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Boards.AnyAsync(b => b.Id == query.BoardId, cancellationToken))
        {
            throw new NotFoundException("Board", query.BoardId);
        }

        return await db.StatusNotesAsync(query.BoardId, null, cancellationToken);
    }
}

public static class StatusNoteQueries
{
    /// <summary>The board's notes, newest first, at most <paramref name="take"/> when given, with their authors' names.</summary>
    public static async Task<IReadOnlyList<StatusNoteResponse>> StatusNotesAsync(this KanbanDbContext db, Guid boardId, int? take, CancellationToken ct)
    {
        var notes = db.StatusNotes.AsNoTracking().Where(n => n.BoardId == boardId).OrderByDescending(n => n.At).ThenByDescending(n => n.Id);
        var read = await (take is { } t ? notes.Take(t) : notes).ToListAsync(ct);
        var names = await db.DisplayNamesAsync(read.Select(n => n.ById), ct);
        return [.. read.Select(n => StatusNoteResponse.From(n, names))];
    }
}
