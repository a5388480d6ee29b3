using FluentValidation;
using Kanban.Api.Infrastructure;
using Kanban.Api.Infrastructure.Access;
using Kanban.Data;
using Kanban.Domain.Boards;
using Kanban.Domain.Tickets;
using Mediator;

namespace Kanban.Api.Features.Tickets;

public sealed record CommentOnTicketRequest(string? Text);

/// <summary>
/// A member writes on a ticket, in any state. The comment is the ticket's, for members; the trail
/// and the hub say only that the ticket was commented on.
/// </summary>
[BoardAccess(BoardRole.Member)]
public sealed record CommentOnTicketCommand(Guid CardId, string? Text) : ICommand<TicketCommentResponse>, ICardRequest;

public sealed class CommentOnTicketValidator : AbstractValidator<CommentOnTicketCommand>
{
    public const int MaxLength = 5_000;

    public CommentOnTicketValidator() =>
        RuleFor(c => c.Text)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage($"Write the comment (text): 1 to {MaxLength:N0} characters.")
            .Must(t => t!.Trim().Length <= MaxLength).WithMessage(c => $"The comment has {c.Text!.Trim().Length:N0} characters; shorten it to {MaxLength:N0}.")
            .When(c => c.Text is not null, ApplyConditionTo.CurrentValidator);
}

public sealed class CommentOnTicketHandler(KanbanDbContext db, BoardChanges changes, TimeProvider clock, CurrentUser user)
    : ICommandHandler<CommentOnTicketCommand, TicketCommentResponse>
{
    public async ValueTask<TicketCommentResponse> Handle(CommentOnTicketCommand command, CancellationToken cancellationToken)
    {
        var comment = await changes.SaveAsync(async () =>
        {
            var (board, ticket) = await db.LoadTicketAndBoardAsync(command.CardId, cancellationToken);
            var comment = board.CommentOnTicket(ticket, command.Text!.Trim(), clock.GetUtcNow(), user.UserId);
            db.TicketComments.Add(comment);
            return (board, comment);
        }, cancellationToken);

        var names = await db.DisplayNamesAsync([comment.ByUserId], cancellationToken);
        return new TicketCommentResponse(
            comment.Id, comment.Kind, comment.Text, comment.At, comment.ByUserId, comment.ByUserId is { } by ? names.GetValueOrDefault(by) : null);
    }
}
