using Kanban.Api.Infrastructure.Access;
using Kanban.Data;
using Kanban.Domain.Boards;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Features.Boards;

public sealed record AssignablePersonResponse(Guid Id, string DisplayName, BoardRole Role);

/// <summary>The people a card of the board may be given to (<see cref="BoardMember.AssignableRoles"/>), by name: the assign picker.</summary>
[BoardAccess(BoardRole.Member)]
public sealed record GetAssignablePeopleQuery(Guid BoardId) : IQuery<IReadOnlyList<AssignablePersonResponse>>, IBoardRequest;

public sealed class GetAssignablePeopleHandler(KanbanDbContext db) : IQueryHandler<GetAssignablePeopleQuery, IReadOnlyList<AssignablePersonResponse>>
{
    public async ValueTask<IReadOnlyList<AssignablePersonResponse>> Handle(GetAssignablePeopleQuery query, CancellationToken cancellationToken)
    {
        var roles = BoardMember.AssignableRoles;
        var people = await db.BoardMembers.AsNoTracking()
            .Where(m => m.BoardId == query.BoardId && roles.Contains(m.Role))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new AssignablePersonResponse(u.Id, u.DisplayName, m.Role))
            .ToListAsync(cancellationToken);
        return [.. people.OrderBy(p => p.DisplayName, StringComparer.CurrentCultureIgnoreCase).ThenBy(p => p.Id)];
    }
}
