using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;

namespace Kanban.Domain.Tickets;

/// <summary>One gate's verdict on a ticket, with a message that says exactly what to fix (or what passed).</summary>
public sealed record GateResult(string Gate, bool Passed, string Message);

/// <summary>
/// Rule 5: what a ticket must have before it may enter the board. The gates run as the submitter types
/// and again when the product owner accepts, where they are binding. Every gate always answers, so a
/// form can show each one beside its field.
/// </summary>
public static class QualityGates
{
    public const string Title = "title";
    public const string Description = "description";
    public const string DefinitionOfDone = "definition-of-done";
    public const string Estimate = "estimate";
    public const string Duplicate = "duplicate";

    public const int MinTitleLength = 8;
    public const int MaxTitleLength = 120;
    public const int MinDescriptionWords = 15;
    public const int MinCriterionWords = 4;
    public const decimal MinEstimateDays = 0.5m;

    public static IReadOnlyList<string> All { get; } = [Title, Description, DefinitionOfDone, Estimate, Duplicate];

    /// <param name="likelyDuplicateOf">The key of the ticket this one likely duplicates, unless the product owner has resolved it.</param>
    public static IReadOnlyList<GateResult> Check(TicketContent ticket, BoardSettings settings, string? likelyDuplicateOf = null) =>
    [
        CheckTitle(ticket.Title),
        CheckDescription(ticket.Description),
        CheckDefinitionOfDone(ticket.DefinitionOfDone, settings.FillerWords),
        CheckEstimate(ticket.EstimateDays, settings.MaxEstimateDays),
        CheckDuplicate(likelyDuplicateOf),
    ];

    /// <summary>
    /// The gates on a draft as its submitter types. A draft that reads like another ticket still
    /// passes: it may be submitted, and the mark it then gets holds it at accept, where the product
    /// owner decides; the gate says so, naming <paramref name="readsLike"/>.
    /// </summary>
    public static IReadOnlyList<GateResult> CheckDraft(TicketContent draft, BoardSettings settings, string? readsLike) =>
        [.. Check(draft, settings).Select(g => g.Gate == Duplicate && readsLike is not null
            ? Pass(Duplicate, $"It reads like {readsLike}. If it is the same, open that one instead; submitted, it waits for the product owner to merge it or mark it distinct.")
            : g)];

    /// <summary>
    /// The gates on a stored ticket. A ticket marked as a likely duplicate fails the duplicate gate,
    /// naming its original by <paramref name="likelyOriginalKey"/>, or as "another ticket" when unknown.
    /// </summary>
    public static IReadOnlyList<GateResult> CheckStored(Card ticket, BoardSettings settings, string? likelyOriginalKey) =>
        Check(ticket.Content, settings, ticket.LikelyDuplicateOfId is null ? null : likelyOriginalKey ?? "another ticket");

    public static GateResult CheckTitle(string title)
    {
        var length = new StringInfo(title.Trim()).LengthInTextElements;
        if (length < MinTitleLength)
        {
            return Fail(Title, length == 0
                ? $"Give the ticket a title of {MinTitleLength} to {MaxTitleLength} characters that names the work."
                : $"The title has {length} character{(length == 1 ? "" : "s")}; make it at least {MinTitleLength}, so it names the work.");
        }

        if (length > MaxTitleLength)
        {
            return Fail(Title, $"The title has {length} characters; shorten it to {MaxTitleLength} and move the rest into the description.");
        }

        if (IsAllCapitals(title))
        {
            return Fail(Title, "The title is all capitals; write it in normal case.");
        }

        return Pass(Title, "The title names the work.");
    }

    public static GateResult CheckDescription(string description)
    {
        var words = TicketText.CountWords(description);
        return words >= MinDescriptionWords
            ? Pass(Description, $"The description says what needs doing ({words} words).")
            : Fail(Description, words == 0
                ? $"Describe what needs doing and why, in at least {MinDescriptionWords} words."
                : $"The description has {words} word{(words == 1 ? "" : "s")}; say what needs doing and why in at least {MinDescriptionWords}.");
    }

    public static GateResult CheckDefinitionOfDone(IReadOnlyList<string> criteria, IReadOnlyList<string> fillerWords)
    {
        // Blank criteria (an empty row of a form) are ignored, but the others keep the number the
        // submitter sees beside them.
        var written = criteria.Select((c, i) => (Number: i + 1, Text: c.Trim())).Where(c => c.Text.Length > 0).ToList();
        if (written.Count == 0)
        {
            return Fail(DefinitionOfDone, $"Add at least one acceptance criterion: something a tester can check, in {MinCriterionWords} words or more.");
        }

        var problems = new List<string>();
        var filler = FillerMatcher.For(fillerWords);
        foreach (var (number, text) in written)
        {
            var words = TicketText.CountWords(text);
            if (words < MinCriterionWords)
            {
                problems.Add($"Criterion {number} has {words} word{(words == 1 ? "" : "s")}; say in at least {MinCriterionWords} what a tester will see.");
            }

            if (filler.FindIn(text) is { Count: > 0 } found)
            {
                problems.Add($"Criterion {number} says {string.Join(", ", found.Select(f => $"\"{f}\""))}, which cannot be tested; say what a tester will observe instead.");
            }
        }

        return problems.Count == 0
            ? Pass(DefinitionOfDone, written.Count == 1 ? "The criterion can be checked." : $"All {written.Count} criteria can be checked.")
            : Fail(DefinitionOfDone, string.Join(" ", problems));
    }

    public static GateResult CheckEstimate(decimal estimateDays, decimal maxEstimateDays)
    {
        var estimate = Days(estimateDays);
        if (estimateDays <= 0)
        {
            return Fail(Estimate, $"Estimate the work in days, from {Days(MinEstimateDays)} to {Days(maxEstimateDays)}.");
        }

        if (estimateDays < MinEstimateDays)
        {
            return Fail(Estimate, $"{estimate} days is less than the minimum of {Days(MinEstimateDays)}; estimate at least {Days(MinEstimateDays)} days, or fold the work into a larger ticket.");
        }

        if (estimateDays > maxEstimateDays)
        {
            return Fail(Estimate, $"{estimate} days is more than this board's maximum of {Days(maxEstimateDays)}; split the work into tickets of {Days(maxEstimateDays)} days or less.");
        }

        if (decimal.Round(estimateDays, 2) != estimateDays)
        {
            return Fail(Estimate, $"{estimate} days is finer than a plan can be; give the estimate with at most two decimals, e.g. {Days(decimal.Round(estimateDays, 2, MidpointRounding.AwayFromZero))}.");
        }

        return Pass(Estimate, $"{estimate} day{(estimateDays == 1 ? "" : "s")} is within the board's range of {Days(MinEstimateDays)} to {Days(maxEstimateDays)}.");
    }

    public static GateResult CheckDuplicate(string? likelyDuplicateOf) => likelyDuplicateOf is null
        ? Pass(Duplicate, "No unresolved likely duplicate.")
        : Fail(Duplicate, $"This ticket looks like a duplicate of {likelyDuplicateOf}; the product owner merges it or marks it distinct.");

    /// <summary>
    /// True when no letter is lower case and capitals make most of the letters: scripts without case
    /// never are, and a Chinese or Japanese title is not shouting because it names SSO or HR.
    /// </summary>
    private static bool IsAllCapitals(string text)
    {
        var (upper, letters) = (0, 0);
        foreach (var r in text.EnumerateRunes())
        {
            if (Rune.IsLower(r))
            {
                return false;
            }

            if (Rune.IsLetter(r))
            {
                letters++;
                upper += Rune.IsUpper(r) ? 1 : 0;
            }
        }

        return upper >= 2 && upper * 2 > letters;
    }

    /// <summary>Days as written, without trailing zeros and never rounded, so 5.001 is not shown as 5.</summary>
    private static string Days(decimal days) => days.ToString("0.############################", CultureInfo.InvariantCulture);

    private static GateResult Pass(string gate, string message) => new(gate, true, message);

    private static GateResult Fail(string gate, string message) => new(gate, false, message);

    /// <summary>
    /// Finds a board's filler words and phrases in a text: case-insensitive, whole words only. In scripts
    /// written without spaces every character is a word, so a phrase next to one of them still counts.
    /// </summary>
    private sealed class FillerMatcher
    {
        /// <summary>Boards' lists seen lately; a handful of boards share a server, so this stays small.</summary>
        private const int MaxCached = 64;

        private static readonly ConcurrentDictionary<string, FillerMatcher> Cache = new(StringComparer.Ordinal);

        /// <summary>What may stand next to a phrase: no letter or digit of a longer word, but a character of a script written without spaces.</summary>
        private const string NotWordCharacter = $@"[^\p{{L}}\p{{N}}]|[{TicketText.WrittenWithoutSpacesRange}]";

        private readonly List<(string Phrase, Regex Pattern)> _patterns;

        private FillerMatcher(IEnumerable<string> fillerWords)
        {
            _patterns = [.. fillerWords
                .Select(f => f.Trim())
                .Where(f => f.Length > 0)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                // Linear in the text by construction, so it needs no match timeout: a timeout is wall-clock
                // time, and a paused or starved thread turned a check of a few words into a 500.
                .Select(f => (f, new Regex(
                    $@"(?:^|{NotWordCharacter}){string.Join(@"\s+", f.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape))}(?:$|{NotWordCharacter})",
                    RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)))];
        }

        /// <summary>The same lists are matched on every keystroke of a form, so each one is built once.</summary>
        public static FillerMatcher For(IReadOnlyList<string> fillerWords)
        {
            // Each word with its length, so no two different lists can make the same key.
            var key = string.Concat(fillerWords.Select(w => $"{w.Length}:{w}"));
            if (Cache.TryGetValue(key, out var known))
            {
                return known;
            }

            if (Cache.Count >= MaxCached)
            {
                Cache.Clear();
            }

            return Cache.GetOrAdd(key, _ => new FillerMatcher(fillerWords));
        }

        /// <summary>The phrases found; one found inside another found ("etc" in "etc.") is named once, as the longer.</summary>
        public IReadOnlyList<string> FindIn(string text)
        {
            var found = _patterns.Where(p => p.Pattern.IsMatch(text)).Select(p => p.Phrase).ToList();
            return [.. found.Where(f => !found.Any(g => g.Length > f.Length && g.Contains(f, StringComparison.OrdinalIgnoreCase)))];
        }
    }
}
