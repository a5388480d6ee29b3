using Kanban.Data;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Kanban.Domain.Duplicates;
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

/// <summary>A ticket of the board that reads like this one, best first.</summary>
/// <param name="Score">0..1: 1 is the same text. At or above the board's threshold the match is <c>likely</c>.</param>
/// <param name="Match">The score in words: <c>likely</c> (the ticket is marked as its likely duplicate), <c>similar</c> or <c>related</c>.</param>
/// <param name="Done">On the board in a done lane: closed, but recently.</param>
/// <param name="Excerpt">The start of its description, to read beside the ticket.</param>
public sealed record DuplicateCandidate(Guid TicketId, string Key, string Title, double Score, string Match, TicketState State, bool Done, string Excerpt);

/// <summary>What the gates and duplicate detection say of a ticket's text, saved or not.</summary>
/// <param name="DuplicateThreshold">The board's threshold, from which a candidate makes the ticket a likely duplicate.</param>
public sealed record TicketCheckResponse(IReadOnlyList<GateResult> Gates, IReadOnlyList<DuplicateCandidate> Duplicates, double DuplicateThreshold);

public static class TicketResponses
{
    public static IReadOnlyList<DuplicateCandidate> NoDuplicates { get; } = [];

    public static IReadOnlyList<DuplicateCandidate> ToCandidates(this IReadOnlyList<DuplicateMatch> matches, BoardSettings settings) =>
        [.. matches.Select(m => new DuplicateCandidate(
            m.Ticket.Id,
            m.Ticket.Key,
            m.Ticket.Title,
            m.Score,
            DuplicateRules.LikenessOf(m.Score, settings.DuplicateThreshold).ToString().ToLowerInvariant(),
            m.Ticket.State,
            m.Ticket.Done,
            DuplicateRules.Excerpt(m.Ticket.Description)))];

    public static TicketResponse ToTicketResponse(
        this Card card, Board board, string? submittedByName, string? likelyDuplicateOfKey = null, string? assigneeName = null, IReadOnlyList<DuplicateCandidate>? duplicates = null) => new(
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
        duplicates ?? NoDuplicates,
        card.AssigneeId,
        assigneeName,
        card.Blocked,
        card.BlockedReason,
        card.BlockedSince);

    /// <summary>The tickets as responses, with their submitters' and assignees' names, the keys of what they likely duplicate, and their candidates when given.</summary>
    public static async Task<List<TicketResponse>> ToTicketResponsesAsync(
        this KanbanDbContext db, Board board, IReadOnlyList<Card> cards, CancellationToken ct, IReadOnlyDictionary<Guid, IReadOnlyList<DuplicateMatch>>? duplicates = null)
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
            c.AssigneeId is { } assignee ? names.GetValueOrDefault(assignee) : null,
            duplicates?.GetValueOrDefault(c.Id)?.ToCandidates(board.Settings)))];
    }

    public static async Task<TicketResponse> ToTicketResponseAsync(
        this KanbanDbContext db, Board board, Card card, CancellationToken ct, IReadOnlyList<DuplicateMatch>? duplicates = null) =>
        (await db.ToTicketResponsesAsync(board, [card], ct, duplicates is null ? null : new Dictionary<Guid, IReadOnlyList<DuplicateMatch>> { [card.Id] = duplicates }))[0];

    /// <summary>People's display names by id; ids of people since deleted are missing.</summary>
    public static async Task<Dictionary<Guid, string>> DisplayNamesAsync(this KanbanDbContext db, IEnumerable<Guid?> userIds, CancellationToken ct)
    {
        var ids = userIds.OfType<Guid>().Distinct().ToList();
        return ids.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }
}
