using Kanban.Data;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Kanban.Domain.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Features.Tickets;

/// <summary>A ticket from submission on, with its gates as they stand now, and once on the board who holds it and whether it is blocked.</summary>
public record TicketResponse(
    Guid Id,
    string Key,
    Guid BoardId,
    string Title,
    string Description,
    IReadOnlyList<string> DefinitionOfDone,
    decimal EstimateDays,
    CardClass Class,
    TicketState State,
    Guid? LaneId,
    long Rank,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    Guid? SubmittedBy,
    string? SubmittedByName,
    Guid? LikelyDuplicateOf,
    Guid? DuplicateOf,
    IReadOnlyList<GateResult> Gates,
    IReadOnlyList<DuplicateCandidate> Duplicates,
    Guid? AssigneeId,
    string? AssigneeName,
    bool Blocked,
    string? BlockedReason,
    DateTimeOffset? BlockedSince);

/// <summary>A ticket that reads like another one; duplicate detection fills these in.</summary>
public sealed record DuplicateCandidate(Guid TicketId, string Key, string Title, double Score);

/// <summary>What the gates and duplicate detection say of a ticket's text, saved or not.</summary>
public sealed record TicketCheckResponse(IReadOnlyList<GateResult> Gates, IReadOnlyList<DuplicateCandidate> Duplicates);

public static class TicketResponses
{
    /// <summary>Duplicate detection is its own feature; until it lands no ticket has candidates.</summary>
    public static IReadOnlyList<DuplicateCandidate> NoDuplicates { get; } = [];

    public static TicketResponse ToTicketResponse(this Card card, Board board, string? submittedByName, string? likelyDuplicateOfKey = null, string? assigneeName = null) => new(
        card.Id,
        card.Key,
        card.BoardId,
        card.Title,
        card.Description,
        card.DefinitionOfDone,
        card.EstimateDays,
        card.Class,
        card.State,
        card.LaneId,
        card.Rank,
        card.CreatedAt,
        card.UpdatedAt,
        card.SubmittedBy,
        submittedByName,
        card.LikelyDuplicateOfId,
        card.DuplicateOfId,
        QualityGates.CheckStored(card, board.Settings, likelyDuplicateOfKey),
        NoDuplicates,
        card.AssigneeId,
        assigneeName,
        card.Blocked,
        card.BlockedReason,
        card.BlockedSince);

    /// <summary>The tickets as responses, with their submitters' and assignees' names and the keys of what they likely duplicate.</summary>
    public static async Task<List<TicketResponse>> ToTicketResponsesAsync(this KanbanDbContext db, Board board, IReadOnlyList<Card> cards, CancellationToken ct)
    {
        var names = await db.DisplayNamesAsync(cards.Select(c => c.SubmittedBy).Concat(cards.Select(c => c.AssigneeId)), ct);
        var originalIds = cards.Where(c => c.LikelyDuplicateOfId is not null).Select(c => c.LikelyDuplicateOfId!.Value).Distinct().ToList();
        var originalKeys = originalIds.Count == 0
            ? []
            : await db.Cards.AsNoTracking().Where(c => originalIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Key, ct);
        return [.. cards.Select(c => c.ToTicketResponse(
            board,
            c.SubmittedBy is { } by ? names.GetValueOrDefault(by) : null,
            c.LikelyDuplicateOfId is { } original ? originalKeys.GetValueOrDefault(original) : null,
            c.AssigneeId is { } assignee ? names.GetValueOrDefault(assignee) : null))];
    }

    public static async Task<TicketResponse> ToTicketResponseAsync(this KanbanDbContext db, Board board, Card card, CancellationToken ct) =>
        (await db.ToTicketResponsesAsync(board, [card], ct))[0];

    /// <summary>People's display names by id; ids of people since deleted are missing.</summary>
    public static async Task<Dictionary<Guid, string>> DisplayNamesAsync(this KanbanDbContext db, IEnumerable<Guid?> userIds, CancellationToken ct)
    {
        var ids = userIds.OfType<Guid>().Distinct().ToList();
        return ids.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }
}
