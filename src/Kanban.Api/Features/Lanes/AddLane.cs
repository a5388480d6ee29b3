using FluentValidation;
using Kanban.Api.Features.Boards;
using Kanban.Api.Infrastructure;
using Kanban.Api.Realtime;
using Kanban.Data;
using Kanban.Domain.Boards;
using Mediator;

namespace Kanban.Api.Features.Lanes;

public sealed record LaneRequest(string? Name, LaneKind? Kind, int? WipLimit, bool Untested, int? Order);

public sealed record AddLaneCommand(Guid BoardId, string? Name, LaneKind? Kind, int? WipLimit, bool Untested, int? Order)
    : ICommand<LaneResponse>, ILaneFields;

public sealed class AddLaneValidator : AbstractValidator<AddLaneCommand>
{
    public AddLaneValidator() => Include(new LaneFieldsValidator());
}

public sealed class AddLaneHandler(KanbanDbContext db, BoardNotifier notifier) : ICommandHandler<AddLaneCommand, LaneResponse>
{
    public async ValueTask<LaneResponse> Handle(AddLaneCommand command, CancellationToken cancellationToken)
    {
        var (lane, version) = await db.SaveWithRetryAsync(async () =>
        {
            var board = await db.LoadBoardAsync(command.BoardId, cancellationToken);
            var lane = board.AddLane(command.Name!.Trim(), command.Kind!.Value, command.WipLimit, command.Untested, command.Order);
            db.Lanes.Add(lane);
            return (lane, board.Version);
        }, cancellationToken);

        await notifier.LaneChangedAsync(new LaneChangedEvent(command.BoardId, version), cancellationToken);
        return LaneResponse.From(lane, 0);
    }
}
