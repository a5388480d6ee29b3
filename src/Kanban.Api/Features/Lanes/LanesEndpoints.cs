using Mediator;

namespace Kanban.Api.Features.Lanes;

public static class LanesEndpoints
{
    public static IEndpointRouteBuilder MapLanes(this IEndpointRouteBuilder app)
    {
        var lanes = app.MapGroup("/api/boards/{boardId:guid}/lanes").WithTags("Lanes");

        lanes.MapPost("/", async (Guid boardId, LaneRequest lane, ISender sender, CancellationToken ct) =>
        {
            var created = await sender.Send(
                new AddLaneCommand(boardId, lane.Name, lane.Kind, lane.WipLimit, lane.Untested, lane.Order), ct);
            return TypedResults.Created($"/api/boards/{boardId}/lanes/{created.Id}", created);
        })
            .WithName("AddLane");

        lanes.MapPut("/{laneId:guid}", async (Guid boardId, Guid laneId, LaneRequest lane, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(
                new UpdateLaneCommand(boardId, laneId, lane.Name, lane.Kind, lane.WipLimit, lane.Untested, lane.Order), ct)))
            .WithName("UpdateLane");

        lanes.MapGet("/{laneId:guid}/cards", async (Guid boardId, Guid laneId, int? skip, int? take, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetLaneCardsQuery(boardId, laneId, skip, take), ct)))
            .WithName("GetLaneCards");

        lanes.MapDelete("/{laneId:guid}", async (Guid boardId, Guid laneId, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new DeleteLaneCommand(boardId, laneId), ct);
            return TypedResults.NoContent();
        })
            .WithName("DeleteLane");

        return app;
    }
}
