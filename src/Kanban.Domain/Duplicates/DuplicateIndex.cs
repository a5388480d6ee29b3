using System.Buffers;
using System.Runtime.InteropServices;

namespace Kanban.Domain.Duplicates;

/// <summary>
/// One board's tickets as duplicate detection searches them (rule 7). Words are weighted by TF-IDF
/// (log term frequency, smoothed inverse document frequency, the title counted twice) in an inverted
/// index, so a search touches only the tickets that share a word with the query; the best
/// <see cref="CandidatesPerQuery"/> by their words' cosine are then scored with their embeddings and
/// age (<see cref="DuplicateScore"/>). Safe for concurrent searches and changes; a change replaces a
/// ticket whole.
/// </summary>
public sealed class DuplicateIndex
{
    /// <summary>How many tickets, best by their words, are scored in full.</summary>
    public const int CandidatesPerQuery = 100;

    private const int TitleWeight = 2;

    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private readonly List<List<Posting>> _postings = [];
    private readonly List<int> _documentFrequency = [];
    private readonly List<Entry?> _entries = [];
    private readonly Dictionary<Guid, int> _slots = [];

    // What a search reads of every ticket it touches, by slot, side by side in memory: a search
    // walks hundreds of thousands of postings, and a pointer to chase for each would cost more than
    // the sums.
    private readonly List<bool> _alive = [];
    private readonly List<float> _norms = [];
    private readonly List<long> _closedAtTicks = [];
    private int _countAtNorms;

    private readonly record struct Posting(int Slot, float Weight);

    private sealed class Entry(IndexedTicket ticket, int[] terms, float[] weights, Half[]? vector)
    {
        public IndexedTicket Ticket { get; } = ticket;
        public int[] Terms { get; } = terms;
        public float[] Weights { get; } = weights;
        public Half[]? Vector { get; } = vector;
    }

    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _slots.Count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>Whether the ticket is held, and with an embedding.</summary>
    public (bool Held, bool HasVector) Holds(Guid ticketId)
    {
        _lock.EnterReadLock();
        try
        {
            return _slots.TryGetValue(ticketId, out var slot) ? (true, _entries[slot]!.Vector is not null) : (false, false);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Gives a held ticket the embedding it did not have; false when the ticket is not held.</summary>
    public bool AttachVector(Guid ticketId, float[] vector)
    {
        _lock.EnterWriteLock();
        try
        {
            if (!_slots.TryGetValue(ticketId, out var slot))
            {
                return false;
            }

            var entry = _entries[slot]!;
            _entries[slot] = new Entry(entry.Ticket, entry.Terms, entry.Weights, ToHalf(vector));
            return true;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>The held ticket's embedding; null when it has none or is not held.</summary>
    public float[]? VectorOf(Guid ticketId)
    {
        _lock.EnterReadLock();
        try
        {
            return _slots.TryGetValue(ticketId, out var slot) && _entries[slot]!.Vector is { } vector ? ToFloats(vector) : null;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Adds the ticket, or replaces what the index holds of it.</summary>
    public void Upsert(IndexedTicket ticket)
    {
        var bag = Bag(ticket.Title, ticket.Description);
        var vector = ticket.Vector is { } v ? ToHalf(v) : null;
        _lock.EnterWriteLock();
        try
        {
            RemoveLocked(ticket.Id);
            var terms = new int[bag.Count];
            var weights = new float[bag.Count];
            var slot = _entries.Count;
            var i = 0;
            foreach (var (term, frequency) in bag)
            {
                if (!_termIds.TryGetValue(term, out var termId))
                {
                    termId = _termIds.Count;
                    _termIds.Add(term, termId);
                    _postings.Add([]);
                    _documentFrequency.Add(0);
                }

                var weight = 1 + MathF.Log(frequency);
                terms[i] = termId;
                weights[i] = weight;
                i++;
                _postings[termId].Add(new Posting(slot, weight));
                _documentFrequency[termId]++;
            }

            // Only the start of the description is kept, to show beside a match: the words are in the postings.
            var entry = new Entry(ticket with { Description = DuplicateRules.Excerpt(ticket.Description), Vector = null }, terms, weights, vector);
            _entries.Add(entry);
            _slots[ticket.Id] = slot;
            _alive.Add(true);
            _norms.Add(NormOf(entry));
            _closedAtTicks.Add(ticket.ClosedAt?.UtcTicks ?? long.MaxValue);
            RefreshNormsIfStale();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public void Remove(Guid ticketId)
    {
        _lock.EnterWriteLock();
        try
        {
            RemoveLocked(ticketId);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>The best <paramref name="take"/> candidates for <paramref name="query"/>, best first.</summary>
    public IReadOnlyList<DuplicateMatch> Find(DuplicateQuery query, int take)
    {
        var bag = Bag(query.Title, query.Description);
        var queryVector = query.Vector;
        _lock.EnterReadLock();
        float[]? scores = null;
        int[]? touched = null;
        try
        {
            scores = ArrayPool<float>.Shared.Rent(Math.Max(1, _entries.Count));
            Array.Clear(scores, 0, _entries.Count);
            touched = ArrayPool<int>.Shared.Rent(Math.Max(1, _entries.Count));

            var queryTerms = new List<(int TermId, float Weight)>(bag.Count);
            var queryNorm = 0f;
            foreach (var (term, frequency) in bag)
            {
                var weight = 1 + MathF.Log(frequency);
                if (_termIds.TryGetValue(term, out var termId) && _documentFrequency[termId] > 0)
                {
                    var idf = Idf(termId);
                    queryNorm += weight * weight * idf * idf;
                    queryTerms.Add((termId, weight));
                }
                else
                {
                    // A word no ticket has still makes the query less like every ticket.
                    var idf = UnseenIdf;
                    queryNorm += weight * weight * idf * idf;
                }
            }

            if (queryTerms.Count == 0)
            {
                return [];
            }

            var alive = CollectionsMarshal.AsSpan(_alive);
            var count = 0;
            foreach (var (termId, weight) in queryTerms)
            {
                var idf = Idf(termId);
                var factor = weight * idf * idf;
                foreach (var posting in CollectionsMarshal.AsSpan(_postings[termId]))
                {
                    if (!alive[posting.Slot])
                    {
                        continue;
                    }

                    ref var score = ref scores[posting.Slot];
                    if (score == 0)
                    {
                        touched[count++] = posting.Slot;
                    }

                    score += factor * posting.Weight;
                }
            }

            queryNorm = MathF.Sqrt(queryNorm);
            var excluded = query.Exclude is { } id && _slots.TryGetValue(id, out var own) ? own : -1;
            var closedSince = query.ClosedSince.UtcTicks;
            var norms = CollectionsMarshal.AsSpan(_norms);
            var closedAt = CollectionsMarshal.AsSpan(_closedAtTicks);

            // The best by the words' cosine (the query's norm is the same for all, so it is left out here).
            var best = new PriorityQueue<int, float>(CandidatesPerQuery + 1);
            foreach (var slot in touched.AsSpan(0, count))
            {
                if (slot == excluded || closedAt[slot] < closedSince)
                {
                    continue;
                }

                var cosine = scores[slot] / norms[slot];
                if (best.Count < CandidatesPerQuery)
                {
                    best.Enqueue(slot, cosine);
                }
                else if (best.TryPeek(out _, out var worst) && cosine > worst)
                {
                    best.EnqueueDequeue(slot, cosine);
                }
            }

            var matches = new List<DuplicateMatch>(best.Count);
            while (best.TryDequeue(out var slot, out _))
            {
                var entry = _entries[slot]!;
                var words = Math.Min(1, scores[slot] / (queryNorm * NormOf(entry)));
                double? meaning = queryVector is not null && entry.Vector is not null ? Dot(queryVector, entry.Vector) : null;
                var ageDays = (query.Now - entry.Ticket.CreatedAt).TotalDays;
                matches.Add(new DuplicateMatch(entry.Ticket, Math.Round(DuplicateScore.Of(words, meaning, ageDays), 3)));
            }

            return [.. matches
                .OrderByDescending(m => m.Score)
                .ThenByDescending(m => m.Ticket.CreatedAt)
                .Take(take)];
        }
        finally
        {
            if (scores is not null)
            {
                ArrayPool<float>.Shared.Return(scores);
            }

            if (touched is not null)
            {
                ArrayPool<int>.Shared.Return(touched);
            }

            _lock.ExitReadLock();
        }
    }

    private static Dictionary<string, int> Bag(string title, string description)
    {
        var bag = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in TicketTerms.Of(title))
        {
            bag[term] = bag.GetValueOrDefault(term) + TitleWeight;
        }

        foreach (var term in TicketTerms.Of(description))
        {
            bag[term] = bag.GetValueOrDefault(term) + 1;
        }

        return bag;
    }

    private float Idf(int termId) => MathF.Log((_slots.Count + 1f) / (_documentFrequency[termId] + 1f)) + 1f;

    private float UnseenIdf => MathF.Log(_slots.Count + 1f) + 1f;

    private float NormOf(Entry entry)
    {
        var sum = 0f;
        for (var i = 0; i < entry.Terms.Length; i++)
        {
            var x = entry.Weights[i] * Idf(entry.Terms[i]);
            sum += x * x;
        }

        return sum > 0 ? MathF.Sqrt(sum) : 1f;
    }

    // Each ticket's norm depends on every word's document frequency, so the norms the first pass
    // ranks by drift as tickets come and go; the candidates are always scored with exact norms, and
    // all norms are refreshed whenever the index has grown or shrunk by a tenth.
    private void RefreshNormsIfStale()
    {
        if (Math.Abs(_slots.Count - _countAtNorms) * 10 <= _countAtNorms + 10)
        {
            return;
        }

        for (var slot = 0; slot < _entries.Count; slot++)
        {
            if (_entries[slot] is { } entry)
            {
                _norms[slot] = NormOf(entry);
            }
        }

        _countAtNorms = _slots.Count;
    }

    private void RemoveLocked(Guid ticketId)
    {
        if (!_slots.Remove(ticketId, out var slot))
        {
            return;
        }

        foreach (var termId in _entries[slot]!.Terms)
        {
            _documentFrequency[termId]--;
        }

        _entries[slot] = null;
        _alive[slot] = false;
        if (_entries.Count - _slots.Count > Math.Max(1000, _slots.Count))
        {
            Compact();
        }
    }

    // Removed tickets leave holes in the postings; once they outnumber the live ones, the lists are rebuilt.
    private void Compact()
    {
        var live = _entries.Where(e => e is not null).Select(e => e!).ToList();
        _entries.Clear();
        _slots.Clear();
        _alive.Clear();
        _norms.Clear();
        _closedAtTicks.Clear();
        foreach (var postings in _postings)
        {
            postings.Clear();
        }

        foreach (var entry in live)
        {
            var slot = _entries.Count;
            _entries.Add(entry);
            _slots[entry.Ticket.Id] = slot;
            _alive.Add(true);
            _norms.Add(NormOf(entry));
            _closedAtTicks.Add(entry.Ticket.ClosedAt?.UtcTicks ?? long.MaxValue);
            for (var i = 0; i < entry.Terms.Length; i++)
            {
                _postings[entry.Terms[i]].Add(new Posting(slot, entry.Weights[i]));
            }
        }
    }

    private static Half[] ToHalf(float[] vector)
    {
        var halves = new Half[vector.Length];
        for (var i = 0; i < vector.Length; i++)
        {
            halves[i] = (Half)vector[i];
        }

        return halves;
    }

    private static float[] ToFloats(Half[] vector)
    {
        var floats = new float[vector.Length];
        for (var i = 0; i < vector.Length; i++)
        {
            floats[i] = (float)vector[i];
        }

        return floats;
    }

    private static double Dot(float[] query, Half[] vector)
    {
        var length = Math.Min(query.Length, vector.Length);
        var sum = 0f;
        for (var i = 0; i < length; i++)
        {
            sum += query[i] * (float)vector[i];
        }

        return sum;
    }
}
