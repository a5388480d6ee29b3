using Kanban.Api.Features.Cards;
using Kanban.Data;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Features.Boards;

/// <summary>Someone a card names; <c>displayName</c> is null for an id that names no account.</summary>
public sealed record PersonResponse(Guid Id, string? DisplayName);

public static class BoardPeople
{
    /// <summary>Everyone <paramref name="cards"/> name (their assignees), so a screen shows names, not ids.</summary>
    public static async Task<IReadOnlyList<PersonResponse>> NamedByAsync(this KanbanDbContext db, IEnumerable<CardResponse> cards, CancellationToken ct)
    {
        var ids = cards.Select(c => c.AssigneeId).OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var names = await db.Users.Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName })
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return [.. ids.Select(id => new PersonResponse(id, names.GetValueOrDefault(id)))
            .OrderBy(p => p.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(p => p.Id)];
    }
}
