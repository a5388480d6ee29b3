using Mediator;

namespace Kanban.Api.Features.Outliers;

public static class OutliersEndpoints
{
    public static IEndpointRouteBuilder MapOutliers(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/boards/{boardId:guid}/outliers", async (Guid boardId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetOutliersQuery(boardId), ct)))
            .WithTags("Outliers")
            .WithName("GetOutliers");
        return app;
    }
}
