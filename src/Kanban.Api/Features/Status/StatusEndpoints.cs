using Mediator;

namespace Kanban.Api.Features.Status;

public static class StatusEndpoints
{
    public static IEndpointRouteBuilder MapStatus(this IEndpointRouteBuilder app)
    {
        var board = app.MapGroup("/api/boards/{boardId:guid}").WithTags("Status");
        board.MapGet("/status", async (Guid boardId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetStatusQuery(boardId), ct)))
            .WithName("GetStatus");
        board.MapGet("/forecast", async (Guid boardId, string? @class, string? cards, string? by, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetForecastQuery(boardId, @class, cards, by), ct)))
            .WithName("GetForecast");
        board.MapGet("/metrics/cfd", async (Guid boardId, string? from, string? to, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetCumulativeFlowQuery(boardId, from, to), ct)))
            .WithName("GetCumulativeFlow");
        board.MapGet("/metrics/cycle-times", async (Guid boardId, string? from, string? to, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetCycleTimesQuery(boardId, from, to), ct)))
            .WithName("GetCycleTimes");
        board.MapGet("/metrics/throughput", async (Guid boardId, string? from, string? to, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetThroughputQuery(boardId, from, to), ct)))
            .WithName("GetThroughput");
        board.MapGet("/status/notes", async (Guid boardId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetStatusNotesQuery(boardId), ct)))
            .WithName("GetStatusNotes");
        board.MapPost("/status/notes", async (Guid boardId, AddStatusNoteRequest request, ISender sender, CancellationToken ct) =>
        {
            var note = await sender.Send(new AddStatusNoteCommand(boardId, request.Text), ct);
            return TypedResults.Created($"/api/boards/{boardId}/status/notes", note);
        })
            .WithName("AddStatusNote");
        return app;
    }
}
