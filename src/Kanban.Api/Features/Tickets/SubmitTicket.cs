using FluentValidation;
using Kanban.Api.Features.Boards;
using Kanban.Api.Infrastructure;
using Kanban.Api.Infrastructure.Access;
using Kanban.Data;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Mediator;

namespace Kanban.Api.Features.Tickets;

public sealed record SubmitTicketRequest(string? Title, string? Description, IReadOnlyList<string>? DefinitionOfDone, decimal? EstimateDays, CardClass? Class);

/// <summary>Rule 6: anyone on the team submits; the ticket lands in the triage inbox, not on the board.</summary>
[BoardAccess(BoardRole.Member)]
public sealed record SubmitTicketCommand(Guid BoardId, string? Title, string? Description, IReadOnlyList<string>? DefinitionOfDone, decimal? EstimateDays, CardClass? Class)
    : ICommand<TicketResponse>, IBoardRequest, ITicketFields;

public sealed class SubmitTicketValidator : AbstractValidator<SubmitTicketCommand>
{
    public SubmitTicketValidator() => Include(new TicketFieldsValidator());
}

public sealed class SubmitTicketHandler(KanbanDbContext db, BoardChanges changes, TimeProvider clock, CurrentUser user)
    : ICommandHandler<SubmitTicketCommand, TicketResponse>
{
    public async ValueTask<TicketResponse> Handle(SubmitTicketCommand command, CancellationToken cancellationToken)
    {
        var (board, ticket) = await changes.SaveAsync(async () =>
        {
            var board = await db.LoadBoardAsync(command.BoardId, cancellationToken);
            var ticket = board.SubmitTicket(command.ToContent(), clock.GetUtcNow(), user.UserId);
            db.Cards.Add(ticket);
            return (board, (board, ticket));
        }, cancellationToken);

        return await db.ToTicketResponseAsync(board, ticket, cancellationToken);
    }
}
