using Kanban.Api.Features.Boards;
using Kanban.Api.Infrastructure;
using Kanban.Api.Realtime;
using Kanban.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Features.Lanes;

public sealed record DeleteLaneCommand(Guid BoardId, Guid LaneId) : ICommand;

public sealed class DeleteLaneHandler(KanbanDbContext db, BoardNotifier notifier) : ICommandHandler<DeleteLaneCommand>
{
    public async ValueTask<Unit> Handle(DeleteLaneCommand command, CancellationToken cancellationToken)
    {
        var version = await db.SaveWithRetryAsync(async () =>
        {
            var board = await db.LoadBoardAsync(command.BoardId, cancellationToken);
            var lane = board.FindLane(command.LaneId) ?? throw new NotFoundException("Lane", command.LaneId);
            var cardsInLane = await db.Cards.CountAsync(c => c.LaneId == lane.Id, cancellationToken);
            board.RemoveLane(lane, cardsInLane);
            return board.Version;
        }, cancellationToken);

        await notifier.LaneChangedAsync(new LaneChangedEvent(command.BoardId, version), cancellationToken);
        return Unit.Value;
    }
}
