using Kanban.Api.Infrastructure.Access;
using FluentValidation;
using Kanban.Api.Features.Boards;
using Kanban.Api.Infrastructure;
using Kanban.Data;
using Kanban.Domain.Boards;
using Mediator;

namespace Kanban.Api.Features.Lanes;

public sealed record LaneRequest(string? Name, LaneKind? Kind, int? WipLimit, bool Untested, int? Order);

[BoardAccess(BoardRole.ProductOwner)]
public sealed record AddLaneCommand(Guid BoardId, string? Name, LaneKind? Kind, int? WipLimit, bool Untested, int? Order)
    : ICommand<LaneResponse>, ILaneFields, IBoardRequest;

public sealed class AddLaneValidator : AbstractValidator<AddLaneCommand>
{
    public AddLaneValidator() => Include(new LaneFieldsValidator());
}

public sealed class AddLaneHandler(KanbanDbContext db, BoardChanges changes, TimeProvider clock, CurrentUser user) : ICommandHandler<AddLaneCommand, LaneResponse>
{
    public async ValueTask<LaneResponse> Handle(AddLaneCommand command, CancellationToken cancellationToken)
    {
        var lane = await changes.SaveAsync(async () =>
        {
            var board = await db.LoadBoardAsync(command.BoardId, cancellationToken);
            var counts = await db.LaneCountsAsync(board.Id, cancellationToken);
            var lane = board.AddLane(command.Name!.Trim(), command.Kind!.Value, command.WipLimit, command.Untested, command.Order, counts, clock.GetUtcNow(), user.UserId);
            db.Lanes.Add(lane);
            return (board, lane);
        }, cancellationToken);

        return LaneResponse.From(lane, 0);
    }
}
