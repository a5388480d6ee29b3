using FluentValidation;
using Kanban.Api.Infrastructure;
using Kanban.Api.Infrastructure.Access;
using Kanban.Data;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Mediator;

namespace Kanban.Api.Features.Tickets;

public sealed record EditTicketRequest(
    string? Title, string? Description, IReadOnlyList<string>? DefinitionOfDone, decimal? EstimateDays, CardClass? Class, DateTimeOffset? ExpectedUpdatedAt);

/// <summary>
/// Changes what a ticket says and re-runs the gates. In triage only its submitter or a product owner
/// may; a ticket sent back returns to triage with the edit. On the board any member may, and the
/// gates must still pass.
/// </summary>
/// <param name="ExpectedUpdatedAt">The ticket's <c>updatedAt</c> as the editor read it; when given, an edit of a ticket changed since is refused.</param>
[BoardAccess(BoardRole.Member)]
public sealed record EditTicketCommand(
    Guid CardId, string? Title, string? Description, IReadOnlyList<string>? DefinitionOfDone, decimal? EstimateDays, CardClass? Class, DateTimeOffset? ExpectedUpdatedAt = null)
    : ICommand<TicketResponse>, ICardRequest, ITicketFields;

public sealed class EditTicketValidator : AbstractValidator<EditTicketCommand>
{
    public EditTicketValidator() => Include(new TicketFieldsValidator());
}

public sealed class EditTicketHandler(KanbanDbContext db, BoardChanges changes, TimeProvider clock, CurrentUser user)
    : ICommandHandler<EditTicketCommand, TicketResponse>
{
    public async ValueTask<TicketResponse> Handle(EditTicketCommand command, CancellationToken cancellationToken) =>
        await changes.ChangeTicketAsync(db, command.CardId, (board, ticket) =>
        {
            board.EditTicket(ticket, command.ToContent(), clock.GetUtcNow(), user.UserId, user.RoleOn(board.Id) ?? BoardRole.Viewer, command.ExpectedUpdatedAt);
            return Task.CompletedTask;
        }, cancellationToken);
}
