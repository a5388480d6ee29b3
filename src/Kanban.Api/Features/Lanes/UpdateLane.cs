using Kanban.Api.Infrastructure.Access;
using FluentValidation;
using Kanban.Api.Features.Boards;
using Kanban.Api.Infrastructure;
using Kanban.Data;
using Kanban.Domain.Boards;
using Mediator;

namespace Kanban.Api.Features.Lanes;

[BoardAccess(BoardRole.ProductOwner)]
public sealed record UpdateLaneCommand(Guid BoardId, Guid LaneId, string? Name, LaneKind? Kind, int? WipLimit, bool Untested, int? Order)
    : ICommand<LaneResponse>, ILaneFields, IBoardRequest;

public sealed class UpdateLaneValidator : AbstractValidator<UpdateLaneCommand>
{
    public UpdateLaneValidator()
    {
        Include(new LaneFieldsValidator());
        RuleFor(l => l.Order).NotNull();
    }
}

public sealed class UpdateLaneHandler(KanbanDbContext db, BoardChanges changes, TimeProvider clock, CurrentUser user) : ICommandHandler<UpdateLaneCommand, LaneResponse>
{
    public async ValueTask<LaneResponse> Handle(UpdateLaneCommand command, CancellationToken cancellationToken)
    {
        var (lane, count) = await changes.SaveAsync(async () =>
        {
            var board = await db.LoadBoardAsync(command.BoardId, cancellationToken);
            var lane = board.FindLane(command.LaneId) ?? throw new NotFoundException("Lane", command.LaneId);
            var counts = await db.LaneCountsAsync(board.Id, cancellationToken);
            board.UpdateLane(lane, command.Name!.Trim(), command.Kind!.Value, command.WipLimit, command.Untested, command.Order!.Value, counts, clock.GetUtcNow(), user.UserId);
            return (board, (lane, counts.GetValueOrDefault(lane.Id)));
        }, cancellationToken);

        return LaneResponse.From(lane, count);
    }
}
