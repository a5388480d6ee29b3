using System.Text.Json;
using Kanban.Data;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Kanban.Domain.Duplicates;
using Kanban.Domain.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Infrastructure.Duplicates;

/// <summary>The board's tickets most like a text or a saved ticket, from its index brought up to date first.</summary>
public sealed class TicketDuplicates(KanbanDbContext db, DuplicateIndexes indexes, ITicketEmbedder embedder, TimeProvider clock)
{
    /// <summary>The text's embedding for a save: what is stored with the ticket, and what it is compared by.</summary>
    public float[]? EmbedForSave(string title, string description) => embedder.Embed(title, description);

    /// <summary>The text's embedding for a check as the user types: shorter, so it answers fast.</summary>
    public float[]? EmbedForCheck(string title, string description) =>
        string.IsNullOrWhiteSpace(title) && string.IsNullOrWhiteSpace(description) ? null : embedder.Embed(title, description, TicketEmbedding.CheckTokens);

    /// <summary>
    /// Stores <paramref name="vector"/> as the ticket's, replacing one it had, in the caller's save.
    /// When embeddings are off, a vector the ticket had is dropped, as it no longer says what the text
    /// says; the backfill embeds the ticket again once they are on.
    /// </summary>
    public async Task StoreVectorAsync(Card card, float[]? vector, CancellationToken ct)
    {
        var stored = await db.TicketVectors.FindAsync([card.Id], ct);
        if (vector is null)
        {
            if (stored is not null)
            {
                db.TicketVectors.Remove(stored);
            }
        }
        else if (stored is null)
        {
            db.TicketVectors.Add(new TicketVector(card.Id, card.BoardId, embedder.Model, vector, clock.GetUtcNow()));
        }
        else
        {
            stored.Replace(embedder.Model, vector, clock.GetUtcNow());
        }
    }

    /// <param name="version">The board's version as the caller read it: the index reflects at least that.</param>
    public async Task<IReadOnlyList<DuplicateMatch>> FindAsync(
        Guid boardId, long version, BoardSettings settings, string title, string description, float[]? vector, Guid? exclude, CancellationToken ct)
    {
        var index = await indexes.CurrentAsync(db, boardId, version, settings.DuplicateWindowDays, ct);
        return index.Find(Query(settings, title, description, vector, exclude), DuplicateRules.CandidatesShown);
    }

    /// <summary>The tickets the product owner has said this one is not a duplicate of, from its trail.</summary>
    public async Task<IReadOnlyCollection<Guid>> DistinctFromAsync(Guid cardId, CancellationToken ct)
    {
        var entries = await db.Activity.AsNoTracking()
            .Where(a => a.CardId == cardId && a.Kind == nameof(TicketMarkedDistinct))
            .Select(a => a.Data)
            .ToListAsync(ct);
        return [.. entries.Select(WasLikelyDuplicateOf).OfType<Guid>()];

        static Guid? WasLikelyDuplicateOf(string data)
        {
            using var json = JsonDocument.Parse(data);
            return json.RootElement.TryGetProperty("wasLikelyDuplicateOfId", out var id) && id.TryGetGuid(out var original) ? original : null;
        }
    }

    /// <summary>Each saved ticket's candidates, by its own text and stored vector.</summary>
    public async Task<Dictionary<Guid, IReadOnlyList<DuplicateMatch>>> ForTicketsAsync(Board board, IReadOnlyList<Card> cards, CancellationToken ct)
    {
        var found = new Dictionary<Guid, IReadOnlyList<DuplicateMatch>>();
        var open = cards.Where(DuplicateRules.IsCandidate).ToList();
        if (open.Count == 0)
        {
            return found;
        }

        var index = await indexes.CurrentAsync(db, board.Id, board.Version, board.Settings.DuplicateWindowDays, ct);
        foreach (var card in open)
        {
            // Ages are counted from when the ticket was filed, as when it was submitted: a ticket
            // waiting in triage keeps the candidates, and the scores, it was flagged by.
            found[card.Id] = index.Find(
                Query(board.Settings, card.Title, card.Description, index.VectorOf(card.Id), card.Id, card.CreatedAt), DuplicateRules.CandidatesShown);
        }

        return found;
    }

    private DuplicateQuery Query(BoardSettings settings, string title, string description, float[]? vector, Guid? exclude, DateTimeOffset? filedAt = null)
    {
        var now = clock.GetUtcNow();
        return new DuplicateQuery(title, description, vector, filedAt ?? now, DuplicateRules.ClosedSince(now, settings.DuplicateWindowDays), exclude);
    }
}
