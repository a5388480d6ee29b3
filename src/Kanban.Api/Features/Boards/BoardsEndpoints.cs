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

        return app;
    }
}
