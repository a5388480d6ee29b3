using Kanban.Domain.Boards;
using Kanban.Domain.Cards;

namespace Kanban.Domain.Metrics;

/// <summary>A lane as the metrics see it: the board's order and the kind that says what its cards are doing.</summary>
public sealed record FlowLane(Guid Id, string Name, LaneKind Kind, int? WipLimit, int Order)
{
    public static FlowLane Of(Lane lane) => new(lane.Id, lane.Name, lane.Kind, lane.WipLimit, lane.Order);

    /// <summary>The board's lanes in board order.</summary>
    public static IReadOnlyList<FlowLane> Of(IEnumerable<Lane> lanes) => [.. lanes.OrderBy(l => l.Order).Select(Of)];
}

/// <summary>One move of a card into a lane (its arrival on the board included): a <see cref="CardTransition"/> as the metrics read it.</summary>
public sealed record LaneMove(Guid CardId, Guid ToLaneId, DateTimeOffset At);

/// <summary>One period a card was blocked; <see cref="Until"/> is null while it still is.</summary>
public sealed record BlockPeriod(Guid CardId, DateTimeOffset From, DateTimeOffset? Until);

/// <summary>One stop of the line; <see cref="Until"/> is null while the line is still stopped.</summary>
public sealed record StopPeriod(DateTimeOffset From, DateTimeOffset? Until);

/// <summary>
/// A card that is done: in a done lane, with when it was first pulled out of the backlog
/// (<see cref="Card.StartedAt"/>) and when it entered the done lanes (<see cref="Card.CompletedAt"/>).
/// </summary>
public sealed record CompletedCard(Guid CardId, string Key, string Title, CardClass Class, DateTimeOffset StartedAt, DateTimeOffset CompletedAt);
