using FluentValidation;
using Kanban.Domain.Cards;

namespace Kanban.Api.Features.Tickets;

/// <summary>What a submitter writes, as it arrives: the submit and edit bodies.</summary>
public interface ITicketFields
{
    string? Title { get; }
    string? Description { get; }
    IReadOnlyList<string>? DefinitionOfDone { get; }
    decimal? EstimateDays { get; }
    CardClass? Class { get; }
}

/// <summary>
/// The shape of a ticket: present and of sane size. Whether the text is good enough for the board is
/// for the quality gates to say, and a failing gate is not an error.
/// </summary>
public sealed class TicketFieldsValidator : AbstractValidator<ITicketFields>
{
    public const int MaxTitleLength = 400;
    public const int MaxDescriptionLength = 20_000;
    public const int MaxCriteria = 50;
    public const int MaxCriterionLength = 1_000;

    public TicketFieldsValidator()
    {
        RuleFor(t => t.Title).NotEmpty().MaximumLength(MaxTitleLength);
        RuleFor(t => t.Description).NotNull().MaximumLength(MaxDescriptionLength);
        RuleFor(t => t.DefinitionOfDone).NotNull().Must(d => d!.Count <= MaxCriteria)
            .WithMessage($"A definition of done holds at most {MaxCriteria} criteria.");
        RuleForEach(t => t.DefinitionOfDone).NotNull().MaximumLength(MaxCriterionLength);
        RuleFor(t => t.EstimateDays).NotNull().InclusiveBetween(0m, 365m).PrecisionScale(5, 2, ignoreTrailingZeros: true);
        RuleFor(t => t.Class).IsInEnum();
    }
}

public static class TicketFieldsExtensions
{
    /// <summary>The ticket as the gates and the board keep it: trimmed, blank criteria dropped.</summary>
    public static TicketContent ToContent(this ITicketFields fields) => new(
        fields.Title?.Trim() ?? "",
        fields.Description?.Trim() ?? "",
        [.. (fields.DefinitionOfDone ?? []).Where(d => d is not null).Select(d => d.Trim()).Where(d => d.Length > 0)],
        fields.EstimateDays ?? 0m,
        fields.Class ?? CardClass.Standard);
}
