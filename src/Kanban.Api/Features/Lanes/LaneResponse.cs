using Kanban.Domain.Boards;

namespace Kanban.Api.Features.Lanes;

public sealed record LaneResponse(Guid Id, string Name, LaneKind Kind, int? WipLimit, bool Untested, int Order, int Count)
{
    public static LaneResponse From(Lane lane, int count) =>
        new(lane.Id, lane.Name, lane.Kind, lane.WipLimit, lane.Untested, lane.Order, count);
}
