using FluentValidation;
using Kanban.Api.Features.Boards;
using Kanban.Api.Infrastructure;
using Kanban.Api.Infrastructure.Access;
using Kanban.Data;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Kanban.Domain.Tickets;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Features.Tickets;

/// <summary>The product owner's decisions on a ticket in triage: each one saved and pushed like any change to the board.</summary>
/// <param name="ExpectedUpdatedAt">The ticket's <c>updatedAt</c> as the product owner read it; when given, a ticket changed since is not accepted.</param>
public sealed record AcceptTicketRequest(int? Index, long? Rank, DateTimeOffset? ExpectedUpdatedAt = null);

[BoardAccess(BoardRole.ProductOwner)]
public sealed record AcceptTicketCommand(Guid CardId, int? Index, long? Rank, DateTimeOffset? ExpectedUpdatedAt = null) : ICommand<TicketResponse>, ICardRequest;

public sealed class AcceptTicketValidator : AbstractValidator<AcceptTicketCommand>
{
    public AcceptTicketValidator()
    {
        RuleFor(a => a.Index).GreaterThanOrEqualTo(0);
        RuleFor(a => a.Rank).GreaterThanOrEqualTo(0);
    }
}

public sealed class AcceptTicketHandler(KanbanDbContext db, BoardChanges changes, TimeProvider clock, CurrentUser user)
    : ICommandHandler<AcceptTicketCommand, TicketResponse>
{
    public async ValueTask<TicketResponse> Handle(AcceptTicketCommand command, CancellationToken cancellationToken) =>
        await changes.ChangeTicketAsync(db, command.CardId, async (board, ticket) =>
        {
            TriageRefusals.EnsureUnchangedSince(ticket, command.ExpectedUpdatedAt);
            var backlog = await db.CardsForPlacementAsync(board.BacklogLane, ticket.Id, cancellationToken);
            var index = command.Index ?? (command.Rank is { } rank ? LaneOrder.IndexOfRank(backlog, rank) : null);
            var likelyOriginal = ticket.LikelyDuplicateOfId is { } originalId
                ? await db.Cards.AsNoTracking().FirstOrDefaultAsync(c => c.Id == originalId, cancellationToken)
                : null;
            var counts = await db.LaneCountsAsync(board.Id, cancellationToken);
            db.CardTransitions.Add(board.AcceptTicket(ticket, likelyOriginal, backlog, index, counts, clock.GetUtcNow(), user.UserId));
        }, cancellationToken);
}

public sealed record SendBackTicketRequest(string? Comment);

[BoardAccess(BoardRole.ProductOwner)]
public sealed record SendBackTicketCommand(Guid CardId, string? Comment) : ICommand<TicketResponse>, ICardRequest;

public sealed class SendBackTicketValidator : AbstractValidator<SendBackTicketCommand>
{
    public SendBackTicketValidator() =>
        RuleFor(c => c.Comment).NotEmpty().WithMessage("Say what the submitter should change (comment).").MaximumLength(2_000);
}

public sealed class SendBackTicketHandler(KanbanDbContext db, BoardChanges changes, TimeProvider clock, CurrentUser user)
    : ICommandHandler<SendBackTicketCommand, TicketResponse>
{
    public async ValueTask<TicketResponse> Handle(SendBackTicketCommand command, CancellationToken cancellationToken) =>
        await changes.ChangeTicketAsync(db, command.CardId, (board, ticket) =>
        {
            db.TicketComments.Add(board.SendBackTicket(ticket, command.Comment!.Trim(), clock.GetUtcNow(), user.UserId));
            return Task.CompletedTask;
        }, cancellationToken);
}

public sealed record RejectTicketRequest(string? Reason);

[BoardAccess(BoardRole.ProductOwner)]
public sealed record RejectTicketCommand(Guid CardId, string? Reason) : ICommand<TicketResponse>, ICardRequest;

public sealed class RejectTicketValidator : AbstractValidator<RejectTicketCommand>
{
    public RejectTicketValidator() =>
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the ticket is rejected (reason), so the submitter knows.").MaximumLength(2_000);
}

public sealed class RejectTicketHandler(KanbanDbContext db, BoardChanges changes, TimeProvider clock, CurrentUser user)
    : ICommandHandler<RejectTicketCommand, TicketResponse>
{
    public async ValueTask<TicketResponse> Handle(RejectTicketCommand command, CancellationToken cancellationToken) =>
        await changes.ChangeTicketAsync(db, command.CardId, (board, ticket) =>
        {
            db.TicketComments.Add(board.RejectTicket(ticket, command.Reason!.Trim(), clock.GetUtcNow(), user.UserId));
            return Task.CompletedTask;
        }, cancellationToken);
}

public sealed record MergeTicketRequest(Guid? OriginalId);

[BoardAccess(BoardRole.ProductOwner)]
public sealed record MergeTicketCommand(Guid CardId, Guid? OriginalId) : ICommand<TicketResponse>, ICardRequest;

public sealed class MergeTicketValidator : AbstractValidator<MergeTicketCommand>
{
    public MergeTicketValidator() =>
        RuleFor(c => c.OriginalId).NotEmpty().WithMessage("Say which ticket this one duplicates (originalId).");
}

public sealed class MergeTicketHandler(KanbanDbContext db, BoardChanges changes, TimeProvider clock, CurrentUser user)
    : ICommandHandler<MergeTicketCommand, TicketResponse>
{
    public async ValueTask<TicketResponse> Handle(MergeTicketCommand command, CancellationToken cancellationToken) =>
        await changes.ChangeTicketAsync(db, command.CardId, async (board, ticket) =>
        {
            var original = await db.Cards.FirstOrDefaultAsync(c => c.Id == command.OriginalId!.Value && c.BoardId == board.Id, cancellationToken)
                ?? throw new NotFoundException("Original ticket on this board", command.OriginalId!.Value);
            db.TicketComments.Add(board.MergeTicket(ticket, original, clock.GetUtcNow(), user.UserId));
        }, cancellationToken);
}

[BoardAccess(BoardRole.ProductOwner)]
public sealed record MarkTicketDistinctCommand(Guid CardId) : ICommand<TicketResponse>, ICardRequest;

public sealed class MarkTicketDistinctHandler(KanbanDbContext db, BoardChanges changes, TimeProvider clock, CurrentUser user)
    : ICommandHandler<MarkTicketDistinctCommand, TicketResponse>
{
    public async ValueTask<TicketResponse> Handle(MarkTicketDistinctCommand command, CancellationToken cancellationToken) =>
        await changes.ChangeTicketAsync(db, command.CardId, (board, ticket) =>
        {
            board.MarkTicketDistinct(ticket, clock.GetUtcNow(), user.UserId);
            return Task.CompletedTask;
        }, cancellationToken);
}
