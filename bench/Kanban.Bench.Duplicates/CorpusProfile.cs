using Kanban.Domain.Duplicates;

namespace Kanban.Bench.Duplicates;

/// <summary>
/// What a corpus of tickets costs the index's search: how many distinct words a ticket has, and how
/// many tickets share them. A query visits one posting per ticket for each of its words, so
/// <see cref="PostingsPerQueryShare"/> (postings a ticket's own text would visit, as a share of the
/// tickets) is what makes a search of N tickets slow or fast. Used to check the synthetic board
/// against a real one (<c>profile DIR</c>).
/// </summary>
internal sealed record CorpusProfile(int Tickets, double DistinctTermsPerTicket, double TopTermShare, double Top10TermShare, double PostingsPerQueryShare)
{
    public static CorpusProfile Of(IEnumerable<(string Title, string Description)> tickets)
    {
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var termsOf = new List<string[]>();
        foreach (var (title, description) in tickets)
        {
            var terms = TicketTerms.Of(title).Concat(TicketTerms.Of(description)).Distinct(StringComparer.Ordinal).ToArray();
            termsOf.Add(terms);
            foreach (var term in terms)
            {
                documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
            }
        }

        var n = (double)termsOf.Count;
        var top = documentFrequency.Values.OrderDescending().Take(10).ToList();
        return new CorpusProfile(
            termsOf.Count,
            termsOf.Average(t => t.Length),
            top.Count > 0 ? top[0] / n : 0,
            top.Count > 0 ? top.Average() / n : 0,
            termsOf.Average(t => t.Sum(term => (double)documentFrequency[term])) / n);
    }

    public string Line() =>
        $"{Tickets} tickets, {DistinctTermsPerTicket:0.0} distinct words a ticket; the commonest word in {TopTermShare:P0} of tickets, the ten commonest in {Top10TermShare:P0} on average; a ticket's own words reach {PostingsPerQueryShare:0.00} postings per ticket indexed";
}
