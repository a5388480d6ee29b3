using Kanban.Api.Infrastructure.Access;
using FluentValidation;
using Kanban.Api.Infrastructure;
using Kanban.Data;
using Kanban.Domain.Boards;
using Mediator;

namespace Kanban.Api.Features.Boards;

public sealed record BoardSettingsResponse(
    int PersonalWipLimit,
    int? StopLineThreshold,
    int EffectiveStopLineThreshold,
    int StaleDays,
    decimal MaxEstimateDays,
    double DuplicateThreshold,
    IReadOnlyList<string> FillerWords)
{
    public static BoardSettingsResponse From(Board board) => new(
        board.Settings.PersonalWipLimit,
        board.Settings.StopLineThreshold,
        board.StopLineThreshold,
        board.Settings.StaleDays,
        board.Settings.MaxEstimateDays,
        board.Settings.DuplicateThreshold,
        board.Settings.FillerWords);
}

/// <summary>A null <c>stopLineThreshold</c> means the sum of the untested lanes' limits.</summary>
public sealed record UpdateSettingsRequest(
    int? PersonalWipLimit,
    int? StopLineThreshold,
    int? StaleDays,
    decimal? MaxEstimateDays,
    double? DuplicateThreshold,
    IReadOnlyList<string>? FillerWords);

[BoardAccess(BoardRole.ProductOwner)]
public sealed record UpdateSettingsCommand(
    Guid BoardId,
    int? PersonalWipLimit,
    int? StopLineThreshold,
    int? StaleDays,
    decimal? MaxEstimateDays,
    double? DuplicateThreshold,
    IReadOnlyList<string>? FillerWords) : ICommand<BoardSettingsResponse>, IBoardRequest;

public sealed class UpdateSettingsValidator : AbstractValidator<UpdateSettingsCommand>
{
    public UpdateSettingsValidator()
    {
        RuleFor(s => s.PersonalWipLimit).NotNull().InclusiveBetween(1, 20);
        RuleFor(s => s.StopLineThreshold).InclusiveBetween(1, 999)
            .WithMessage("The stop-the-line threshold is a number of untested cards from 1 to 999; leave it empty for the sum of the untested lanes' limits.");
        RuleFor(s => s.StaleDays).NotNull().InclusiveBetween(1, 60);
        RuleFor(s => s.MaxEstimateDays).NotNull().InclusiveBetween(0.5m, 60m);
        RuleFor(s => s.DuplicateThreshold).NotNull().InclusiveBetween(0.1, 1.0);
        RuleFor(s => s.FillerWords).NotNull().Must(w => w!.Count <= 500).WithMessage("At most 500 filler words.");
        RuleForEach(s => s.FillerWords).NotEmpty().MaximumLength(60);
    }
}

public sealed class UpdateSettingsHandler(KanbanDbContext db, BoardChanges changes, TimeProvider clock, CurrentUser user)
    : ICommandHandler<UpdateSettingsCommand, BoardSettingsResponse>
{
    public async ValueTask<BoardSettingsResponse> Handle(UpdateSettingsCommand command, CancellationToken cancellationToken)
    {
        var settings = new BoardSettings
        {
            PersonalWipLimit = command.PersonalWipLimit!.Value,
            StopLineThreshold = command.StopLineThreshold,
            StaleDays = command.StaleDays!.Value,
            MaxEstimateDays = command.MaxEstimateDays!.Value,
            DuplicateThreshold = command.DuplicateThreshold!.Value,
            FillerWords = [.. command.FillerWords!.Select(w => w.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)],
        };

        return await changes.SaveAsync(async () =>
        {
            var board = await db.LoadBoardAsync(command.BoardId, cancellationToken);
            var counts = await db.LaneCountsAsync(board.Id, cancellationToken);
            board.ChangeSettings(settings, counts, clock.GetUtcNow(), user.UserId);
            return (board, BoardSettingsResponse.From(board));
        }, cancellationToken);
    }
}

[BoardAccess(BoardRole.Viewer)]
public sealed record GetSettingsQuery(Guid BoardId) : IQuery<BoardSettingsResponse>, IBoardRequest;

public sealed class GetSettingsHandler(KanbanDbContext db) : IQueryHandler<GetSettingsQuery, BoardSettingsResponse>
{
    public async ValueTask<BoardSettingsResponse> Handle(GetSettingsQuery query, CancellationToken cancellationToken) =>
        BoardSettingsResponse.From(await db.LoadBoardAsync(query.BoardId, cancellationToken));
}
