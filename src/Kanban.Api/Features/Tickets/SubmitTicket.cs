using FluentValidation;
using Kanban.Api.Features.Boards;
using Kanban.Api.Infrastructure;
using Kanban.Api.Infrastructure.Access;
using Kanban.Api.Infrastructure.Duplicates;
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

/// <summary>
/// Compares the ticket with the board's index as it stands at the board's version, so a save that
/// loses to a concurrent one (another submission) is decided again against that one too; the
/// ticket's vector is saved with it.
/// </summary>
public sealed class SubmitTicketHandler(KanbanDbContext db, BoardChanges changes, TicketDuplicates duplicates, TimeProvider clock, CurrentUser user)
    : ICommandHandler<SubmitTicketCommand, TicketResponse>
{
    public async ValueTask<TicketResponse> Handle(SubmitTicketCommand command, CancellationToken cancellationToken)
    {
        var content = command.ToContent();
        var vector = duplicates.EmbedForSave(content.Title, content.Description);
        var (board, ticket, matches) = await changes.SaveAsync(async () =>
        {
            var board = await db.LoadBoardAsync(command.BoardId, cancellationToken);
            var matches = await duplicates.FindAsync(board.Id, board.Version, board.Settings, content.Title, content.Description, vector, null, cancellationToken);
            var ticket = board.SubmitTicket(content, clock.GetUtcNow(), user.UserId, matches);
            db.Cards.Add(ticket);
            await duplicates.StoreVectorAsync(ticket, vector, cancellationToken);
            return (board, (board, ticket, matches));
        }, cancellationToken);

        return await db.ToTicketResponseAsync(board, ticket, cancellationToken, matches);
    }
}
