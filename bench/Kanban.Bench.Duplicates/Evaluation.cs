using System.Diagnostics;
using Kanban.Api.Infrastructure.Duplicates;
using Kanban.Domain.Cards;
using Kanban.Domain.Duplicates;

namespace Kanban.Bench.Duplicates;

/// <summary>How a query is embedded, and whether the index holds vectors at all.</summary>
internal enum QueryPath
{
    /// <summary>A submission or an edit: the text embedded with <see cref="TicketEmbedding.StoredTokens"/>, as it is stored.</summary>
    Submission,

    /// <summary>The as-you-type check: the draft embedded with <see cref="TicketEmbedding.CheckTokens"/>.</summary>
    Check,

    /// <summary>No embedding anywhere: the lexical path alone.</summary>
    WordsOnly,
}

/// <summary>One query's ranking: the candidates' dataset ids and scores, best first.</summary>
internal sealed record QueryOutcome(DatasetTicket Query, string? OriginalId, IReadOnlyList<(string Id, double Score)> Ranking, double Milliseconds)
{
    /// <summary>1 for the first candidate; null when the original is not among the candidates.</summary>
    public int? Rank
    {
        get
        {
            for (var i = 0; i < Ranking.Count; i++)
            {
                if (Ranking[i].Id == OriginalId)
                {
                    return i + 1;
                }
            }

            return null;
        }
    }

    public double OriginalScore => Ranking.FirstOrDefault(r => r.Id == OriginalId).Score;

    /// <summary>The best candidate that is not the original: the hardest negative.</summary>
    public double BestOtherScore => Ranking.FirstOrDefault(r => r.Id != OriginalId).Score;

    public (string Id, double Score)? Best => Ranking.Count > 0 ? Ranking[0] : null;
}

internal sealed record PathResult(QueryPath Path, IReadOnlyList<QueryOutcome> Duplicates, IReadOnlyList<QueryOutcome> NonDuplicates)
{
    public double RecallAt(int k) => Duplicates.Count(d => d.Rank <= k) / (double)Duplicates.Count;

    public double Mrr => Duplicates.Sum(d => d.Rank is { } rank ? 1.0 / rank : 0) / Duplicates.Count;

    public double MeanMilliseconds => Duplicates.Average(d => d.Milliseconds);

    public int Missing => Duplicates.Count(d => d.Rank is null);

    public string Line() => $"R@1={RecallAt(1):0.000} R@5={RecallAt(5):0.000} R@10={RecallAt(10):0.000} MRR={Mrr:0.000} ms/query={MeanMilliseconds:0.00}";
}

/// <summary>
/// The protocol of ../shared/data/duplicates/README.md through the product's own <see cref="DuplicateIndex"/>:
/// tickets in the order they were created; each duplicate is ranked against an index holding exactly
/// the tickets created before it (so document frequencies never see the query or the future), then
/// added to it. Its query is what a submission does: its text with its stored vector (embedded with
/// the product's embedder), at the time it was filed, every ticket a candidate however old.
/// </summary>
internal static class Evaluation
{
    /// <summary>Candidates asked for: more than the index's first pass keeps, so the ranking is whole.</summary>
    public const int Take = 100;

    /// <param name="checkCut">The word pieces the check path embeds of the query (the product's is <see cref="TicketEmbedding.CheckTokens"/>).</param>
    public static PathResult Run(Dataset data, float[][]? stored, ITicketEmbedder? embedder, QueryPath path, IReadOnlySet<int> nonDuplicates, int checkCut = TicketEmbedding.CheckTokens)
    {
        if (path != QueryPath.WordsOnly && (stored is null || embedder is null))
        {
            throw new InvalidOperationException("The embedding paths need the embedder and the stored vectors.");
        }

        var originalsOf = data.Pairs.ToLookup(p => p.DuplicateId, p => p.OriginalId, StringComparer.Ordinal);
        var index = new DuplicateIndex();
        var duplicates = new List<QueryOutcome>();
        var others = new List<QueryOutcome>();
        var order = data.ByCreation;
        for (var start = 0; start < order.Count;)
        {
            // Tickets filed at the same minute do not see each other: each sees only what came strictly before.
            var created = data.Tickets[order[start]].Created;
            var end = start;
            while (end < order.Count && data.Tickets[order[end]].Created == created)
            {
                end++;
            }

            for (var k = start; k < end; k++)
            {
                var position = order[k];
                var ticket = data.Tickets[position];
                var originals = originalsOf[ticket.Id].ToList();
                var isSample = nonDuplicates.Contains(position);
                if (originals.Count == 0 && !isSample)
                {
                    continue;
                }

                var (ranking, milliseconds) = Query(index, ticket, embedder, path, checkCut);
                foreach (var original in originals)
                {
                    duplicates.Add(new QueryOutcome(ticket, original, ranking, milliseconds));
                }

                if (isSample)
                {
                    others.Add(new QueryOutcome(ticket, null, ranking, milliseconds));
                }
            }

            for (var k = start; k < end; k++)
            {
                var position = order[k];
                var ticket = data.Tickets[position];
                index.Upsert(new IndexedTicket(
                    ticket.Key, ticket.Id, ticket.Title, ticket.Body, TicketState.Triage, ticket.Created, null,
                    path == QueryPath.WordsOnly ? null : stored![position]));
            }

            start = end;
        }

        return new PathResult(path, duplicates, others);
    }

    /// <summary>
    /// As many tickets as there are pairs, in no pair at all, spread evenly over the time from the first
    /// duplicate on: new submissions that are not (known) duplicates, for the false flags.
    /// </summary>
    public static IReadOnlySet<int> NonDuplicateSample(Dataset data)
    {
        var inPairs = data.Pairs.SelectMany(p => new[] { p.DuplicateId, p.OriginalId }).ToHashSet(StringComparer.Ordinal);
        var firstDuplicate = data.Pairs.Min(p => data.ById[p.DuplicateId].Created);
        var candidates = data.ByCreation
            .Where(i => !inPairs.Contains(data.Tickets[i].Id) && data.Tickets[i].Created >= firstDuplicate)
            .ToList();
        var count = Math.Min(data.Pairs.Count, candidates.Count);
        var sample = new HashSet<int>();
        for (var i = 0; i < count; i++)
        {
            sample.Add(candidates[(int)((i + 0.5) * candidates.Count / count)]);
        }

        return sample;
    }

    /// <summary>Loads the model and runs every code path once, so the measured queries do not pay for the JIT.</summary>
    public static void WarmUp(Dataset data, ITicketEmbedder? embedder, int checkCut = TicketEmbedding.CheckTokens)
    {
        var index = new DuplicateIndex();
        foreach (var ticket in data.Tickets.Take(50))
        {
            index.Upsert(new IndexedTicket(ticket.Key, ticket.Id, ticket.Title, ticket.Body, TicketState.Triage, ticket.Created, null, embedder?.Embed(ticket.Title, ticket.Body, TicketEmbedding.CheckTokens)));
        }

        var probe = data.Tickets[^1];
        for (var i = 0; i < 3; i++)
        {
            _ = Query(index, probe, embedder, embedder is null ? QueryPath.WordsOnly : QueryPath.Submission, checkCut);
            _ = Query(index, probe, embedder, embedder is null ? QueryPath.WordsOnly : QueryPath.Check, checkCut);
        }
    }

    private static (IReadOnlyList<(string Id, double Score)> Ranking, double Milliseconds) Query(DuplicateIndex index, DatasetTicket ticket, ITicketEmbedder? embedder, QueryPath path, int checkCut)
    {
        var started = Stopwatch.GetTimestamp();
        var vector = path switch
        {
            QueryPath.Submission => embedder!.Embed(ticket.Title, ticket.Body, TicketEmbedding.StoredTokens),
            QueryPath.Check => embedder!.Embed(ticket.Title, ticket.Body, checkCut),
            _ => null,
        };
        var found = index.Find(new DuplicateQuery(ticket.Title, ticket.Body, vector, ticket.Created, DateTimeOffset.MinValue), Take);
        var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return ([.. found.Select(m => (m.Ticket.Key, m.Score))], milliseconds);
    }
}
