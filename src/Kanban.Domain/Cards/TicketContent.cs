namespace Kanban.Domain.Cards;

/// <summary>What a submitter writes: the text the quality gates will judge.</summary>
public sealed record TicketContent(
    string Title,
    string Description,
    IReadOnlyList<string> DefinitionOfDone,
    decimal EstimateDays,
    CardClass Class);
