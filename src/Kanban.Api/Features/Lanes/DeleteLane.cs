using Kanban.Domain.Boards;
using Kanban.Api.Infrastructure.Access;
using Kanban.Api.Features.Boards;
using Kanban.Api.Infrastructure;
using Kanban.Data;
using Mediator;

namespace Kanban.Api.Features.Lanes;

[BoardAccess(BoardRole.ProductOwner)]
public sealed record DeleteLaneCommand(Guid BoardId, Guid LaneId) : ICommand, IBoardRequest;

public sealed class DeleteLaneHandler(KanbanDbContext db, BoardChanges changes, TimeProvider clock, CurrentUser user) : ICommandHandler<DeleteLaneCommand>
{
    public async ValueTask<Unit> Handle(DeleteLaneCommand command, CancellationToken cancellationToken)
    {
        await changes.SaveAsync(async () =>
        {
            var board = await db.LoadBoardAsync(command.BoardId, cancellationToken);
            var lane = board.FindLane(command.LaneId) ?? throw new NotFoundException("Lane", command.LaneId);
            var counts = await db.LaneCountsAsync(board.Id, cancellationToken);
            board.RemoveLane(lane, counts, clock.GetUtcNow(), user.UserId);
            db.Lanes.Remove(lane);
            return (board, Unit.Value);
        }, cancellationToken);

        return Unit.Value;
    }
}
