using System.Globalization;
using System.Text;

namespace Kanban.Domain.Duplicates;

/// <summary>
/// The words of a ticket as duplicate detection compares them: case, accents and punctuation
/// ignored, common English words left out, and identifiers read both whole and in parts, so
/// <c>NativeAzureFsOutputStream</c>, <c>dfs.namenode.rpc-address</c> and <c>NPE_HANDLER</c> match
/// a ticket that names them and one that speaks of an "output stream".
/// </summary>
public static class TicketTerms
{
    /// <summary>The words of <paramref name="text"/>, in order, repeated as often as they occur.</summary>
    public static List<string> Of(string? text)
    {
        var terms = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return terms;
        }

        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (IsWordChar(text[i]) || IsJoiner(text, i)))
            {
                i++;
            }

            AddIdentifier(text.AsSpan(start, i - start), terms);
        }

        return terms;
    }

    private static bool IsPartChar(char c) => char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_' || char.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    // A dot, hyphen, '$' or '#' inside a name joins it (org.apache.Foo, rpc-address, Outer$Inner, Class#method).
    private static bool IsJoiner(string s, int i) =>
        s[i] is '.' or '-' or '$' or '#' && i > 0 && i + 1 < s.Length && char.IsLetterOrDigit(s[i - 1]) && char.IsLetterOrDigit(s[i + 1]);

    private static void AddIdentifier(ReadOnlySpan<char> word, List<string> terms)
    {
        var parts = new List<string>();
        var partStart = 0;
        for (var i = 0; i <= word.Length; i++)
        {
            if (i == word.Length || !IsPartChar(word[i]))
            {
                SplitCase(word[partStart..i], parts);
                partStart = i + 1;
            }
        }

        var whole = Fold(word);
        foreach (var part in parts)
        {
            AddTerm(part, terms);
        }

        // The identifier whole as well, when it is more than one part: naming the same class is strong evidence.
        if (parts.Count > 1)
        {
            var joined = whole.Replace("-", "").Replace("_", "");
            if (joined.Length > 2)
            {
                terms.Add(joined);
            }
        }
    }

    // NativeAzureFsOutputStream -> native azure fs output stream; HTTPServer2 -> http server2; IOException -> io exception.
    private static void SplitCase(ReadOnlySpan<char> part, List<string> parts)
    {
        var start = 0;
        for (var i = 1; i < part.Length; i++)
        {
            var prev = part[i - 1];
            var cur = part[i];
            // Scripts written without spaces (Chinese, Japanese): each character is a word.
            if (IsIdeographic(prev) || IsIdeographic(cur))
            {
                parts.Add(Fold(part[start..i]));
                start = i;
                continue;
            }

            var lowerToUpper = char.IsLower(prev) && char.IsUpper(cur);
            var acronymEnd = char.IsUpper(prev) && char.IsUpper(cur) && i + 1 < part.Length && char.IsLower(part[i + 1]);
            if (lowerToUpper || acronymEnd)
            {
                parts.Add(Fold(part[start..i]));
                start = i;
            }
        }

        if (start < part.Length)
        {
            parts.Add(Fold(part[start..]));
        }
    }

    private static bool IsIdeographic(char c) => c >= '\u2E80' && c <= '\u9FFF' || c >= '\uF900' && c <= '\uFAFF' || c >= '\uAC00' && c <= '\uD7AF';

    private static string Fold(ReadOnlySpan<char> s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(TextFolding.Fold(c));
            }
        }

        return sb.ToString();
    }

    private static void AddTerm(string term, List<string> terms)
    {
        if (term.Length == 0 || term.Length < 2 && !char.IsDigit(term[0]) && !IsIdeographic(term[0]) || StopWords.Contains(term))
        {
            return;
        }

        terms.Add(Stem(term));
    }

    // Plurals only: "streams" and "stream" are one word; anything cleverer is language-specific.
    private static string Stem(string term)
    {
        if (term.Length > 4 && term.EndsWith("ies", StringComparison.Ordinal))
        {
            return term[..^3] + "y";
        }

        if (term.Length > 3 && term[^1] == 's' && term[^2] is not ('s' or 'u' or 'i') && char.IsLetter(term[^2]))
        {
            return term[..^1];
        }

        return term;
    }

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he",
        "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its",
        "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once",
        "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so", "some",
        "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this",
        "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where",
        "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself", "yourselves",
        "s", "t", "don", "doesn", "isn", "wasn", "won", "can't", "cannot", "via", "etc", "eg", "ie",
    };
}
