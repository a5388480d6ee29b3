using System.Globalization;
using System.Text.Json;
using FluentValidation;
using Kanban.Api.Features.Tickets;
using Kanban.Api.Infrastructure;
using Kanban.Api.Infrastructure.Access;
using Kanban.Data;
using Kanban.Domain.Boards;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Features.Activity;

/// <summary>One entry of the trail; <c>byName</c> is the display name of <c>by</c>, null for nobody or a person since deleted.</summary>
public sealed record ActivityItem(Guid Id, long Version, DateTimeOffset At, Guid? By, string? ByName, string Kind, Guid? CardId, string Summary, JsonElement Data);

/// <summary>A page of the trail, newest first; <c>next</c> is the <c>before</c> of the following page, null at the end.</summary>
public sealed record ActivityPage(IReadOnlyList<ActivityItem> Items, string? Next);

/// <summary>
/// <c>before</c> is an ISO time (entries strictly older) or a <c>next</c> cursor, which also
/// separates entries of the same instant, such as a move and the stop it caused.
/// </summary>
[BoardAccess(BoardRole.Viewer)]
public sealed record GetActivityQuery(Guid BoardId, string? Before, int? Take) : IQuery<ActivityPage>, IBoardRequest;

public sealed class GetActivityValidator : AbstractValidator<GetActivityQuery>
{
    public const int MaxTake = 200;

    public GetActivityValidator()
    {
        RuleFor(q => q.Take).InclusiveBetween(1, MaxTake);
        RuleFor(q => q.Before).Must(b => b is null || ActivityCursor.TryParse(b, out _, out _))
            .WithMessage("Before is an ISO 8601 time, or the 'next' of a previous page.");
    }
}

public static class ActivityCursor
{
    public static string Of(DateTimeOffset at, long version) =>
        $"{at.ToString("O", CultureInfo.InvariantCulture)}_{version.ToString(CultureInfo.InvariantCulture)}";

    public static bool TryParse(string text, out DateTimeOffset at, out long? version)
    {
        version = null;
        var split = text.LastIndexOf('_');
        if (split > 0 && long.TryParse(text[(split + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var v))
        {
            version = v;
            text = text[..split];
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at);
    }
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
        if (query.Before is { } before && ActivityCursor.TryParse(before, out var at, out var version))
        {
            entries = version is { } v
                ? entries.Where(a => a.At < at || (a.At == at && a.Version < v))
                : entries.Where(a => a.At < at);
        }

        var page = await entries.OrderByDescending(a => a.At).ThenByDescending(a => a.Version)
            .Take(take + 1)
            .ToListAsync(cancellationToken);
        var names = await db.DisplayNamesAsync(page.Select(a => a.By), cancellationToken);
        var items = page.Take(take)
            .Select(a => new ActivityItem(
                a.Id, a.Version, a.At, a.By, a.By is { } by ? names.GetValueOrDefault(by) : null, a.Kind, a.CardId, a.Summary, JsonDocument.Parse(a.Data).RootElement))
            .ToList();
        return new ActivityPage(items, page.Count > take ? ActivityCursor.Of(items[^1].At, items[^1].Version) : null);
    }
}
