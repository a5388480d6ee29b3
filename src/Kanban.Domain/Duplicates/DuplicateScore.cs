namespace Kanban.Domain.Duplicates;

/// <summary>
/// How a candidate's words and meaning make one score (docs/duplicates.md has the figures behind the
/// weights). The words decide most: identifiers and error names are what duplicates share. The sentence
/// embedding adds what rewording hides. A recent ticket is a likelier original than an old one, as
/// duplicates are mostly filed soon after what they repeat; the boost bends the score towards 1 rather
/// than multiplying it, so an exact copy scores 1 at any age and the order of equally old tickets stays.
/// </summary>
public static class DuplicateScore
{
    /// <summary>The weight of the embedding's cosine beside the words' cosine (1).</summary>
    public const double EmbeddingWeight = 0.3;

    /// <summary>How much a ticket filed today is favoured: its score is raised to 1 / (1 + this).</summary>
    public const double RecencyBoost = 0.5;

    /// <summary>The boost falls by e every this many days of the candidate's age.</summary>
    public const double RecencyDays = 180;

    /// <summary>A words' cosine this close to 1 is the same text.</summary>
    public const double SameWords = 0.9999;

    /// <param name="words">Cosine of the two tickets' weighted words, 0..1.</param>
    /// <param name="meaning">Cosine of their embeddings, when both have one.</param>
    /// <param name="ageDays">How long before the query the candidate was filed.</param>
    public static double Of(double words, double? meaning, double ageDays)
    {
        // The same words are the same ticket, whatever part of the text each embedding covered
        // (the check embeds a shorter cut of a draft than a save does).
        var similarity = meaning is { } cosine && words < SameWords
            ? (words + EmbeddingWeight * Math.Max(0, cosine)) / (1 + EmbeddingWeight)
            : words;
        similarity = Math.Clamp(similarity, 0, 1);
        var boost = RecencyBoost * Math.Exp(-Math.Max(0, ageDays) / RecencyDays);
        return Math.Pow(similarity, 1 / (1 + boost));
    }
}
