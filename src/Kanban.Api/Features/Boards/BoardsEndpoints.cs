using Kanban.Api.Features.Activity;
using Mediator;

namespace Kanban.Api.Features.Boards;

public static class BoardsEndpoints
{
    public static IEndpointRouteBuilder MapBoards(this IEndpointRouteBuilder app)
    {
        var boards = app.MapGroup("/api/boards").WithTags("Boards");

        boards.MapGet("/", async (ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListBoardsQuery(), ct)))
            .WithName("ListBoards");

        boards.MapPost("/", async (CreateBoardCommand command, ISender sender, CancellationToken ct) =>
        {
            var board = await sender.Send(command, ct);
            return TypedResults.Created($"/api/boards/{board.Id}", board);
        })
            .WithName("CreateBoard");

        boards.MapGet("/{boardId:guid}", async (Guid boardId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetBoardQuery(boardId), ct)))
            .WithName("GetBoard");

        boards.MapGet("/{boardId:guid}/people", async (Guid boardId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetAssignablePeopleQuery(boardId), ct)))
            .WithName("GetAssignablePeople");

        boards.MapGet("/{boardId:guid}/settings", async (Guid boardId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetSettingsQuery(boardId), ct)))
            .WithName("GetSettings");

        boards.MapPut("/{boardId:guid}/settings", async (Guid boardId, UpdateSettingsRequest settings, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new UpdateSettingsCommand(
                boardId,
                settings.PersonalWipLimit,
                settings.StopLineThreshold,
                settings.StaleDays,
                settings.MaxEstimateDays,
                settings.DuplicateThreshold,
                settings.FillerWords,
                settings.DuplicateWindowDays,
                settings.CycleTimeWindowDays,
                settings.ForecastWeeks,
                settings.TargetDate,
                settings.StoppedRedPercent,
                settings.LineStopSound), ct)))
            .WithName("UpdateSettings");

        boards.MapGet("/{boardId:guid}/activity", async (Guid boardId, string? before, int? take, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetActivityQuery(boardId, before, take), ct)))
            .WithName("GetActivity");

        return app;
    }
}
