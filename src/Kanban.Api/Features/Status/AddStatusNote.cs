using FluentValidation;
using Kanban.Api.Features.Boards;
using Kanban.Api.Features.Tickets;
using Kanban.Api.Infrastructure;
using Kanban.Api.Infrastructure.Access;
using Kanban.Data;
using Kanban.Domain.Boards;
using Mediator;

namespace Kanban.Api.Features.Status;

public sealed record AddStatusNoteRequest(string? Text);

/// <summary>A product owner's dated note beside the status: kept with who and when, it changes no figure and no colour.</summary>
[BoardAccess(BoardRole.ProductOwner)]
public sealed record AddStatusNoteCommand(Guid BoardId, string? Text) : ICommand<StatusNoteResponse>, IBoardRequest;

public sealed class AddStatusNoteValidator : AbstractValidator<AddStatusNoteCommand>
{
    public AddStatusNoteValidator() =>
        RuleFor(c => c.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Write the note (text).")
            .MaximumLength(BoardLimits.StatusNoteMaxLength);
}

public sealed class AddStatusNoteHandler(KanbanDbContext db, BoardChanges changes, TimeProvider clock, CurrentUser user)
    : ICommandHandler<AddStatusNoteCommand, StatusNoteResponse>
{
    public async ValueTask<StatusNoteResponse> Handle(AddStatusNoteCommand command, CancellationToken cancellationToken)
    {
        var note = await changes.SaveAsync(async () =>
        {
            var board = await db.LoadBoardAsync(command.BoardId, cancellationToken);
            var added = board.AddStatusNote(command.Text!.Trim(), clock.GetUtcNow(), user.UserId);
            db.StatusNotes.Add(added);
            return (board, added);
        }, cancellationToken);
        var names = await db.DisplayNamesAsync([note.ById], cancellationToken);
        return StatusNoteResponse.From(note, names);
    }
}
