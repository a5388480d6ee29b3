using Kanban.Api.Infrastructure.Access;
using FluentValidation;
using Kanban.Api.Features.Boards;
using Kanban.Api.Infrastructure;
using Kanban.Data;
using Kanban.Domain.Boards;
using Mediator;

namespace Kanban.Api.Features.Line;

public sealed record StopLineRequest(string? Reason);

[BoardAccess(BoardRole.Member)]
public sealed record StopLineCommand(Guid BoardId, string? Reason) : ICommand<LineResponse>, IBoardRequest;

public sealed class StopLineValidator : AbstractValidator<StopLineCommand>
{
    public StopLineValidator() =>
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the line stops (reason), so the team knows what to swarm on.").MaximumLength(500);
}

public sealed class StopLineHandler(KanbanDbContext db, BoardChanges changes, TimeProvider clock, CurrentUser user) : ICommandHandler<StopLineCommand, LineResponse>
{
    public async ValueTask<LineResponse> Handle(StopLineCommand command, CancellationToken cancellationToken) =>
        await changes.SaveAsync(async () =>
        {
            var board = await db.LoadBoardAsync(command.BoardId, cancellationToken);
            board.StopLine(command.Reason!.Trim(), clock.GetUtcNow(), user.UserId);
            return (board, LineResponse.From(board.Line));
        }, cancellationToken);
}

public sealed record ResumeLineRequest(string? Note);

/// <summary>A product owner resumes any stop; a member only one they made.</summary>
[BoardAccess(BoardRole.Member)]
public sealed record ResumeLineCommand(Guid BoardId, string? Note) : ICommand<LineResponse>, IBoardRequest;

public sealed class ResumeLineValidator : AbstractValidator<ResumeLineCommand>
{
    public ResumeLineValidator() =>
        RuleFor(c => c.Note).NotEmpty().WithMessage("Say what was done about the stop (note).").MaximumLength(500);
}

public sealed class ResumeLineHandler(KanbanDbContext db, BoardChanges changes, TimeProvider clock, CurrentUser user) : ICommandHandler<ResumeLineCommand, LineResponse>
{
    public async ValueTask<LineResponse> Handle(ResumeLineCommand command, CancellationToken cancellationToken) =>
        await changes.SaveAsync(async () =>
        {
            var board = await db.LoadBoardAsync(command.BoardId, cancellationToken);
            board.ResumeLine(command.Note!.Trim(), clock.GetUtcNow(), user.UserId, mayResumeAnyStop: user.RoleOn(board.Id) == BoardRole.ProductOwner);
            return (board, LineResponse.From(board.Line));
        }, cancellationToken);
}

public static class LineEndpoints
{
    public static IEndpointRouteBuilder MapLine(this IEndpointRouteBuilder app)
    {
        var line = app.MapGroup("/api/boards/{boardId:guid}/line").WithTags("Line");

        line.MapPost("/stop", async (Guid boardId, StopLineRequest stop, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new StopLineCommand(boardId, stop.Reason), ct)))
            .WithName("StopLine");

        line.MapPost("/resume", async (Guid boardId, ResumeLineRequest resume, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ResumeLineCommand(boardId, resume.Note), ct)))
            .WithName("ResumeLine");

        return app;
    }
}
