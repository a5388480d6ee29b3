using FluentValidation;
using Kanban.Domain.Boards;

namespace Kanban.Api.Features.Lanes;

/// <summary>The shape of a lane, shared by adding and editing one.</summary>
public interface ILaneFields
{
    string? Name { get; }
    LaneKind? Kind { get; }
    int? WipLimit { get; }
    int? Order { get; }
}

public sealed class LaneFieldsValidator : AbstractValidator<ILaneFields>
{
    public LaneFieldsValidator()
    {
        RuleFor(l => l.Name).NotEmpty().MaximumLength(BoardLimits.LaneNameMaxLength);
        RuleFor(l => l.Kind).NotNull().IsInEnum().WithMessage("Kind is one of Backlog, Queue, Active or Done.");
        RuleFor(l => l.WipLimit).InclusiveBetween(BoardLimits.WipLimit.Min, BoardLimits.WipLimit.Max)
            .WithMessage($"A WIP limit is a whole number from {BoardLimits.WipLimit.Min} to {BoardLimits.WipLimit.Max}; leave it empty for no limit.");
        RuleFor(l => l.Order).GreaterThanOrEqualTo(0);
    }
}
