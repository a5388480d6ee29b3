using Kanban.Api.Infrastructure.Access;
using FluentValidation;
using Kanban.Api.Features.Boards;
using Kanban.Api.Infrastructure;
using Kanban.Data;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Mediator;

namespace Kanban.Api.Features.Tickets;

public sealed record SubmitTicketRequest(string? Title, string? Description, IReadOnlyList<string>? DefinitionOfDone, decimal? EstimateDays, CardClass? Class);

[BoardAccess(BoardRole.Member)]
public sealed record SubmitTicketCommand(Guid BoardId, string? Title, string? Description, IReadOnlyList<string>? DefinitionOfDone, decimal? EstimateDays, CardClass? Class)
    : ICommand<TicketResponse>, IBoardRequest;

public sealed class SubmitTicketValidator : AbstractValidator<SubmitTicketCommand>
{
    // Shape only: whether the text is good enough for the board is for the quality gates to say.
    public SubmitTicketValidator()
    {
        RuleFor(t => t.Title).NotEmpty().MaximumLength(400);
        RuleFor(t => t.Description).NotNull().MaximumLength(20_000);
        RuleFor(t => t.DefinitionOfDone).NotNull().Must(d => d!.Count <= 50).WithMessage("A definition of done holds at most 50 criteria.");
        RuleForEach(t => t.DefinitionOfDone).NotNull().MaximumLength(1_000);
        RuleFor(t => t.EstimateDays).NotNull().InclusiveBetween(0m, 365m).PrecisionScale(5, 2, ignoreTrailingZeros: true);
    }
}

public sealed class SubmitTicketHandler(KanbanDbContext db, BoardChanges changes, TimeProvider clock, CurrentUser user)
    : ICommandHandler<SubmitTicketCommand, TicketResponse>
{
    public async ValueTask<TicketResponse> Handle(SubmitTicketCommand command, CancellationToken cancellationToken)
    {
        var content = new TicketContent(
            command.Title!.Trim(),
            command.Description!.Trim(),
            [.. command.DefinitionOfDone!.Select(d => d.Trim()).Where(d => d.Length > 0)],
            command.EstimateDays!.Value,
            command.Class ?? CardClass.Standard);

        var card = await changes.SaveAsync(async () =>
        {
            var board = await db.LoadBoardAsync(command.BoardId, cancellationToken);
            var last = await db.LastCardAsync(board.BacklogLane, cancellationToken);
            var counts = await db.LaneCountsAsync(board.Id, cancellationToken);
            var card = board.SubmitTicket(content, last, counts, clock.GetUtcNow(), user.UserId, out var arrival);
            db.Cards.Add(card);
            db.CardTransitions.Add(arrival);
            return (board, card);
        }, cancellationToken);

        return card.ToTicketResponse();
    }
}
