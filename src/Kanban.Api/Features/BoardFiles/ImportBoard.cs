using Kanban.Api.Infrastructure.Access;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Kanban.Api.Features.BoardFiles;

public sealed record ImportedBoardResponse(Guid Id, string Name, string Key, int Tickets);

/// <summary>A board file read into a new board; the body is read only after the caller is known to be an Admin.</summary>
[AdminOnly]
public sealed record ImportBoardCommand(Stream File) : ICommand<ImportedBoardResponse>;

public sealed class ImportBoardHandler(BoardImporter importer) : ICommandHandler<ImportBoardCommand, ImportedBoardResponse>
{
    public async ValueTask<ImportedBoardResponse> Handle(ImportBoardCommand command, CancellationToken cancellationToken)
    {
        var file = await BoardImporter.ReadAsync(command.File, cancellationToken);
        var board = await importer.ImportAsync(file, cancellationToken);
        return new ImportedBoardResponse(board.Id, board.Name, board.Key, file.Tickets?.Count ?? 0);
    }
}

public static class BoardFilesEndpoints
{
    /// <summary>A board of tens of thousands of tickets with their history is tens of megabytes.</summary>
    public const long MaxFileBytes = 200_000_000;

    public static IEndpointRouteBuilder MapBoardFiles(this IEndpointRouteBuilder app)
    {
        var boards = app.MapGroup("/api/boards").WithTags("Board files");

        boards.MapGet("/{boardId:guid}/export", async (Guid boardId, ISender sender, CancellationToken ct) =>
            TypedResults.Json(await sender.Send(new ExportBoardQuery(boardId), ct), BoardImporter.FileJson))
            .WithName("ExportBoard")
            .Produces<BoardFile>();

        boards.MapPost("/import", async (HttpRequest request, ISender sender, CancellationToken ct) =>
        {
            var board = await sender.Send(new ImportBoardCommand(request.Body), ct);
            return TypedResults.Created($"/api/boards/{board.Id}", board);
        })
            .WithName("ImportBoard")
            .Accepts<BoardFile>("application/json")
            .WithMetadata(new RequestSizeLimitAttribute(MaxFileBytes));

        return app;
    }
}
