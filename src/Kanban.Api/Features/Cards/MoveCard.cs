using FluentValidation;
using Kanban.Api.Features.Boards;
using Kanban.Api.Infrastructure.Access;
using Kanban.Api.Infrastructure.Outliers;
using Kanban.Api.Infrastructure;
using Kanban.Data;
using Kanban.Domain.Boards;
using Mediator;

namespace Kanban.Api.Features.Cards;

public sealed record MoveCardRequest(Guid? LaneId, int? Index, long? Rank);

[BoardAccess(BoardRole.Member)]
public sealed record MoveCardCommand(Guid CardId, Guid? LaneId, int? Index, long? Rank) : ICommand<CardResponse>, ICardRequest;

public sealed class MoveCardValidator : AbstractValidator<MoveCardCommand>
{
    public MoveCardValidator()
    {
        RuleFor(m => m.LaneId).NotEmpty().WithMessage("Say which lane the card goes to (laneId).");
        RuleFor(m => m.Index).GreaterThanOrEqualTo(0);
        RuleFor(m => m.Rank).GreaterThanOrEqualTo(0);
    }
}

public sealed class MoveCardHandler(KanbanDbContext db, BoardChanges changes, TimeProvider clock, CurrentUser user, OutlierReader outliers) : ICommandHandler<MoveCardCommand, CardResponse>
{
    public async ValueTask<CardResponse> Handle(MoveCardCommand command, CancellationToken cancellationToken)
    {
        return await changes.ChangeCardAsync(db, clock, outliers, command.CardId, async (board, card) =>
        {
            var target = board.FindLane(command.LaneId!.Value)
                ?? throw new NotFoundException("Lane on this card's board", command.LaneId.Value);
            var others = await db.CardsForPlacementAsync(target, card.Id, cancellationToken);
            var index = command.Index ?? (command.Rank is { } rank ? LaneOrder.IndexOfRank(others, rank) : null);
            var counts = await db.LaneCountsAsync(board.Id, cancellationToken);
            var assigneeActive = target.Kind == LaneKind.Active
                ? await db.ActiveCardsOfAsync(board, card.AssigneeId, cancellationToken)
                : 0;

            if (board.MoveCard(card, target, others, index, counts, assigneeActive, clock.GetUtcNow(), user.UserId) is { } transition)
            {
                db.CardTransitions.Add(transition);
            }
        }, cancellationToken);
    }
}
