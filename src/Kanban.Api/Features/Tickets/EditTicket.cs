using FluentValidation;
using Kanban.Api.Infrastructure;
using Kanban.Api.Infrastructure.Access;
using Kanban.Api.Infrastructure.Duplicates;
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

/// <summary>The edited text is compared with the board's other tickets again, and its vector replaced, in the edit's save.</summary>
public sealed class EditTicketHandler(KanbanDbContext db, BoardChanges changes, TicketDuplicates duplicates, TimeProvider clock, CurrentUser user)
    : ICommandHandler<EditTicketCommand, TicketResponse>
{
    public async ValueTask<TicketResponse> Handle(EditTicketCommand command, CancellationToken cancellationToken)
    {
        var content = command.ToContent();
        var vector = duplicates.EmbedForSave(content.Title, content.Description);
        var (board, ticket, matches) = await changes.SaveAsync(async () =>
        {
            var (board, ticket) = await db.LoadTicketAndBoardAsync(command.CardId, cancellationToken);
            var matches = await duplicates.FindAsync(board.Id, board.Version, board.Settings, content.Title, content.Description, vector, ticket.Id, cancellationToken);
            var distinctFrom = await duplicates.DistinctFromAsync(ticket.Id, cancellationToken);
            board.EditTicket(
                ticket, content, clock.GetUtcNow(), user.UserId, user.RoleOn(board.Id) ?? BoardRole.Viewer, command.ExpectedUpdatedAt, matches, distinctFrom);
            if (board.Events.Count > 0)
            {
                await duplicates.StoreVectorAsync(ticket, vector, cancellationToken);
            }

            return (board, (board, ticket, matches));
        }, cancellationToken);

        return await db.ToTicketResponseAsync(board, ticket, cancellationToken, matches);
    }
}
