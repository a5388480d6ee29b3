using System.Text;

namespace Kanban.Bench.Duplicates;

/// <summary>A synthetic ticket: its text, when it was filed, and a 384-float unit vector.</summary>
internal sealed record SyntheticTicket(string Title, string Description, DateTimeOffset CreatedAt, float[] Vector);

/// <summary>
/// Tickets that cost what real ones cost to index and search: made-up words drawn from a Zipf
/// distribution (a few words are in most tickets, most words in few), English stop words between them
/// (dropped by the tokeniser, as in real text; <see cref="RankOffset"/>), and identifiers as bug reports have them: camelCase
/// class names, exception names, dotted packages and configuration keys. Titles of 5–12 words,
/// descriptions of 30–150. Deterministic for a seed. The vectors are random unit vectors: the index's
/// cost does not depend on their values.
/// </summary>
internal sealed class SyntheticText
{
    public const int Dimensions = 384;

    /// <summary>The Zipf exponent of the words: about 1 in natural language.</summary>
    public const double ZipfExponent = 1.0;

    public const int VocabularySize = 30_000;

    /// <summary>
    /// Zipf–Mandelbrot's offset (a word of rank r is drawn with weight 1 / (r + offset)^s): it flattens
    /// the head, where real text has the words the tokeniser drops. Chosen so the corpus's profile is
    /// like the Hadoop set's (`profile DIR`), a little heavier: the ten commonest words in 31 % of
    /// tickets (Hadoop 30 %), 3.5 postings visited per ticket indexed for a ticket's own words (2.9).
    /// </summary>
    public const double RankOffset = 50;

    private static readonly string[] StopWords =
    [
        "the", "a", "to", "of", "and", "in", "is", "it", "that", "this", "for", "on", "with", "when", "not", "be",
        "as", "we", "are", "at", "but", "from", "if", "or", "an", "by", "was", "there", "which", "should", "can", "after",
    ];

    private static readonly string[] Syllables =
    [
        "ka", "ter", "mon", "lo", "ra", "vin", "sel", "tor", "mi", "dex", "por", "lan", "ni", "ste", "gro", "bal",
        "fen", "ru", "cap", "zo", "tri", "mer", "pa", "quo", "li", "sam", "dor", "ve", "chu", "nas", "ple", "ox",
    ];

    private readonly Random _random;
    private readonly string[] _words;
    private readonly double[] _wordCumulative;
    private readonly string[] _identifiers;
    private readonly double[] _identifierCumulative;
    private readonly DateTimeOffset _now;

    public SyntheticText(int seed, DateTimeOffset now)
    {
        _random = new Random(seed);
        _now = now;
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < VocabularySize)
        {
            var word = new StringBuilder();
            var syllables = 2 + _random.Next(3);
            for (var i = 0; i < syllables; i++)
            {
                word.Append(Syllables[_random.Next(Syllables.Length)]);
            }

            words.Add(word.ToString());
        }

        _words = [.. words];
        _wordCumulative = Cumulative(_words.Length);

        var identifiers = new List<string>();
        for (var i = 0; i < 3_000; i++)
        {
            identifiers.Add(string.Concat(Enumerable.Range(0, 2 + _random.Next(3)).Select(_ => Capitalised(Word()))));
        }

        for (var i = 0; i < 500; i++)
        {
            identifiers.Add(Capitalised(Word()) + Capitalised(Word()) + "Exception");
        }

        for (var i = 0; i < 1_000; i++)
        {
            identifiers.Add($"org.kanban.{Word()}.{Word()}");
        }

        for (var i = 0; i < 1_000; i++)
        {
            identifiers.Add($"{Word()}.{Word()}.{Word()}-{Word()}");
        }

        _identifiers = [.. identifiers.OrderBy(_ => _random.Next())];
        _identifierCumulative = Cumulative(_identifiers.Length);
    }

    /// <summary>A ticket filed in the last year.</summary>
    public SyntheticTicket Ticket() =>
        new(Sentence(5 + _random.Next(8), punctuate: false), Sentence(30 + _random.Next(121), punctuate: true), _now.AddMinutes(-_random.Next(365 * 24 * 60)), UnitVector());

    public float[] UnitVector()
    {
        var vector = new float[Dimensions];
        var norm = 0.0;
        for (var d = 0; d < Dimensions; d++)
        {
            // Box–Muller: a Gaussian in every direction, so the normalised vector is uniform on the sphere.
            var x = Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
            vector[d] = (float)x;
            norm += x * x;
        }

        var scale = 1 / Math.Sqrt(norm);
        for (var d = 0; d < Dimensions; d++)
        {
            vector[d] = (float)(vector[d] * scale);
        }

        return vector;
    }

    private string Sentence(int length, bool punctuate)
    {
        var text = new StringBuilder(length * 8);
        for (var i = 0; i < length; i++)
        {
            if (i > 0)
            {
                text.Append(punctuate && _random.Next(12) == 0 ? ". " : " ");
            }

            var draw = _random.NextDouble();
            text.Append(draw switch
            {
                < 0.35 => StopWords[_random.Next(StopWords.Length)],
                < 0.41 => _identifiers[Draw(_identifierCumulative)],
                _ => Word(),
            });
        }

        if (punctuate)
        {
            text.Append('.');
        }

        return text.ToString();
    }

    private string Word() => _words[Draw(_wordCumulative)];

    private int Draw(double[] cumulative)
    {
        var index = Array.BinarySearch(cumulative, _random.NextDouble() * cumulative[^1]);
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }

    private static double[] Cumulative(int count)
    {
        var cumulative = new double[count];
        var sum = 0.0;
        for (var rank = 1; rank <= count; rank++)
        {
            sum += 1 / Math.Pow(rank + RankOffset, ZipfExponent);
            cumulative[rank - 1] = sum;
        }

        return cumulative;
    }

    private static string Capitalised(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
