namespace Kanban.Domain.Cards;

/// <summary>What a submitter writes: the text the quality gates will judge.</summary>
public sealed record TicketContent(
    string Title,
    string Description,
    IReadOnlyList<string> DefinitionOfDone,
    decimal EstimateDays,
    CardClass Class)
{
    /// <summary>The same text, criteria, estimate and class (a record's own equality compares the criteria list by reference).</summary>
    public bool SameAs(TicketContent other) =>
        Title == other.Title
        && Description == other.Description
        && DefinitionOfDone.SequenceEqual(other.DefinitionOfDone)
        && EstimateDays == other.EstimateDays
        && Class == other.Class;
}
