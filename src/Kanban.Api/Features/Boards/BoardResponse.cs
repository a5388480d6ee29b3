using Kanban.Api.Features.Cards;
using Kanban.Api.Features.Lanes;

namespace Kanban.Api.Features.Boards;

public sealed record BoardResponse(
    Guid Id,
    string Name,
    string Key,
    long Version,
    IReadOnlyList<LaneResponse> Lanes,
    IReadOnlyList<CardResponse> Cards,
    LineResponse Line);

/// <summary>The line's state; stopping it arrives with the flow rules.</summary>
public sealed record LineResponse(bool Stopped, DateTimeOffset? Since, string? Reason, string? Kind)
{
    public static readonly LineResponse Running = new(false, null, null, null);
}
