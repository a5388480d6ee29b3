using Kanban.Api.Infrastructure.Access;
using System.Text.Json;
using FluentValidation;
using Kanban.Api.Infrastructure;
using Kanban.Data;
using Kanban.Domain.Boards;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Features.Activity;

public sealed record ActivityItem(Guid Id, long Version, DateTimeOffset At, Guid? By, string Kind, Guid? CardId, string Summary, JsonElement Data);

/// <summary>A page of the trail, newest first; <c>next</c> is the <c>before</c> of the following page, null at the end.</summary>
public sealed record ActivityPage(IReadOnlyList<ActivityItem> Items, DateTimeOffset? Next);

[BoardAccess(BoardRole.Viewer)]
public sealed record GetActivityQuery(Guid BoardId, DateTimeOffset? Before, int? Take) : IQuery<ActivityPage>, IBoardRequest;

public sealed class GetActivityValidator : AbstractValidator<GetActivityQuery>
{
    public const int MaxTake = 200;

    public GetActivityValidator() => RuleFor(q => q.Take).InclusiveBetween(1, MaxTake);
}

public sealed class GetActivityHandler(KanbanDbContext db) : IQueryHandler<GetActivityQuery, ActivityPage>
{
    public const int DefaultTake = 50;

    public async ValueTask<ActivityPage> Handle(GetActivityQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Boards.AnyAsync(b => b.Id == query.BoardId, cancellationToken))
        {
            throw new NotFoundException("Board", query.BoardId);
        }

        var take = query.Take ?? DefaultTake;
        var entries = db.Activity.AsNoTracking().Where(a => a.BoardId == query.BoardId);
        if (query.Before is { } before)
        {
            entries = entries.Where(a => a.At < before);
        }

        var page = await entries.OrderByDescending(a => a.At).ThenByDescending(a => a.Version)
            .Take(take + 1)
            .ToListAsync(cancellationToken);
        var items = page.Take(take)
            .Select(a => new ActivityItem(a.Id, a.Version, a.At, a.By, a.Kind, a.CardId, a.Summary, JsonDocument.Parse(a.Data).RootElement))
            .ToList();
        return new ActivityPage(items, page.Count > take ? items[^1].At : null);
    }
}
