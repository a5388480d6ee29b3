using FluentValidation;
using Kanban.Api.Features.Boards;
using Kanban.Api.Infrastructure;
using Kanban.Api.Realtime;
using Kanban.Data;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Features.Cards;

public sealed record MoveCardRequest(Guid? LaneId, int? Index, long? Rank);

public sealed record MoveCardCommand(Guid CardId, Guid? LaneId, int? Index, long? Rank) : ICommand<CardResponse>;

public sealed class MoveCardValidator : AbstractValidator<MoveCardCommand>
{
    public MoveCardValidator()
    {
        RuleFor(m => m.LaneId).NotEmpty().WithMessage("Say which lane the card goes to (laneId).");
        RuleFor(m => m.Index).GreaterThanOrEqualTo(0);
        RuleFor(m => m.Rank).GreaterThanOrEqualTo(0);
    }
}

public sealed class MoveCardHandler(KanbanDbContext db, BoardNotifier notifier, TimeProvider clock) : ICommandHandler<MoveCardCommand, CardResponse>
{
    public async ValueTask<CardResponse> Handle(MoveCardCommand command, CancellationToken cancellationToken)
    {
        var (card, fromLaneId, version) = await db.SaveWithRetryAsync(async () =>
        {
            var card = await db.Cards.FirstOrDefaultAsync(c => c.Id == command.CardId && c.State == TicketState.OnBoard, cancellationToken)
                ?? throw new NotFoundException("Card", command.CardId);
            var board = await db.LoadBoardAsync(card.BoardId, cancellationToken);
            var target = board.FindLane(command.LaneId!.Value)
                ?? throw new NotFoundException("Lane on this card's board", command.LaneId.Value);
            var others = await db.CardsForPlacementAsync(target, card.Id, cancellationToken);
            var index = command.Index ?? (command.Rank is { } rank ? LaneOrder.IndexOfRank(others, rank) : null);

            var from = card.LaneId;
            if (board.MoveCard(card, target, others, index, clock.GetUtcNow(), byUserId: null) is { } transition)
            {
                db.CardTransitions.Add(transition);
            }

            return (card, from, board.Version);
        }, cancellationToken);

        var response = card.ToResponse();
        await notifier.CardMovedAsync(new CardMovedEvent(card.BoardId, version, response, fromLaneId), cancellationToken);
        return response;
    }
}
