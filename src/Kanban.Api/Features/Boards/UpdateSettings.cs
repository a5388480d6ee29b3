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
    int DuplicateWindowDays,
    IReadOnlyList<string> FillerWords,
    int CycleTimeWindowDays,
    int ForecastWeeks,
    DateOnly? TargetDate,
    int StoppedRedPercent,
    bool LineStopSound)
{
    public static BoardSettingsResponse From(Board board) => new(
        board.Settings.PersonalWipLimit,
        board.Settings.StopLineThreshold,
        board.StopLineThreshold,
        board.Settings.StaleDays,
        board.Settings.MaxEstimateDays,
        board.Settings.DuplicateThreshold,
        board.Settings.DuplicateWindowDays,
        board.Settings.FillerWords,
        board.Settings.CycleTimeWindowDays,
        board.Settings.ForecastWeeks,
        board.Settings.TargetDate,
        board.Settings.StoppedRedPercent,
        board.Settings.LineStopSound);
}

/// <summary>
/// A null <c>stopLineThreshold</c> means the sum of the untested lanes' limits. <c>duplicateWindowDays</c>,
/// <c>cycleTimeWindowDays</c>, <c>forecastWeeks</c>, <c>stoppedRedPercent</c> and <c>lineStopSound</c> may be
/// left out (clients older than them): the board keeps them. <c>targetDate</c> is the whole of the board's
/// target: null or left out means the board has none.
/// </summary>
public sealed record UpdateSettingsRequest(
    int? PersonalWipLimit,
    int? StopLineThreshold,
    int? StaleDays,
    decimal? MaxEstimateDays,
    double? DuplicateThreshold,
    IReadOnlyList<string>? FillerWords,
    int? DuplicateWindowDays = null,
    int? CycleTimeWindowDays = null,
    int? ForecastWeeks = null,
    DateOnly? TargetDate = null,
    int? StoppedRedPercent = null,
    bool? LineStopSound = null);

[BoardAccess(BoardRole.ProductOwner)]
public sealed record UpdateSettingsCommand(
    Guid BoardId,
    int? PersonalWipLimit,
    int? StopLineThreshold,
    int? StaleDays,
    decimal? MaxEstimateDays,
    double? DuplicateThreshold,
    IReadOnlyList<string>? FillerWords,
    int? DuplicateWindowDays,
    int? CycleTimeWindowDays = null,
    int? ForecastWeeks = null,
    DateOnly? TargetDate = null,
    int? StoppedRedPercent = null,
    bool? LineStopSound = null) : ICommand<BoardSettingsResponse>, IBoardRequest;

public sealed class UpdateSettingsValidator : AbstractValidator<UpdateSettingsCommand>
{
    public UpdateSettingsValidator()
    {
        RuleFor(s => s.PersonalWipLimit).NotNull().InclusiveBetween(BoardLimits.PersonalWipLimit.Min, BoardLimits.PersonalWipLimit.Max);
        RuleFor(s => s.StopLineThreshold).InclusiveBetween(BoardLimits.StopLineThreshold.Min, BoardLimits.StopLineThreshold.Max)
            .WithMessage(SettingsMessages.StopLineThreshold);
        RuleFor(s => s.StaleDays).NotNull().InclusiveBetween(BoardLimits.StaleDays.Min, BoardLimits.StaleDays.Max);
        RuleFor(s => s.MaxEstimateDays).NotNull().InclusiveBetween(BoardLimits.MaxEstimateDays.Min, BoardLimits.MaxEstimateDays.Max);
        RuleFor(s => s.DuplicateThreshold).NotNull().InclusiveBetween(BoardLimits.DuplicateThreshold.Min, BoardLimits.DuplicateThreshold.Max);
        RuleFor(s => s.DuplicateWindowDays).InclusiveBetween(BoardLimits.DuplicateWindowDays.Min, BoardLimits.DuplicateWindowDays.Max);
        RuleFor(s => s.CycleTimeWindowDays).InclusiveBetween(BoardLimits.CycleTimeWindowDays.Min, BoardLimits.CycleTimeWindowDays.Max);
        RuleFor(s => s.ForecastWeeks).InclusiveBetween(BoardLimits.ForecastWeeks.Min, BoardLimits.ForecastWeeks.Max);
        RuleFor(s => s.StoppedRedPercent).InclusiveBetween(BoardLimits.StoppedRedPercent.Min, BoardLimits.StoppedRedPercent.Max);
        RuleFor(s => s.TargetDate).InclusiveBetween(BoardLimits.TargetDate.Min, BoardLimits.TargetDate.Max)
            .WithMessage(SettingsMessages.TargetDate);
        RuleFor(s => s.FillerWords).NotNull()
            .Must(w => BoardSettings.CleanFillerWords(w!).Count <= BoardLimits.FillerWordsMaxCount).WithMessage(SettingsMessages.FillerWordsCount);
        RuleForEach(s => s.FillerWords).Must(w => (w?.Trim().Length ?? 0) <= BoardLimits.FillerWordMaxLength).WithMessage(SettingsMessages.FillerWordLength);
    }
}

/// <summary>What the settings route and the board file say about the filler words and the threshold.</summary>
public static class SettingsMessages
{
    public static readonly string StopLineThreshold =
        $"The stop-the-line threshold is a number of untested cards from {BoardLimits.StopLineThreshold.Min} to {BoardLimits.StopLineThreshold.Max}; leave it empty for the sum of the untested lanes' limits.";

    public static readonly string FillerWordsCount = $"At most {BoardLimits.FillerWordsMaxCount} filler words.";

    public static readonly string TargetDate =
        $"The target date is a day from {BoardLimits.TargetDate.Min:yyyy-MM-dd} to {BoardLimits.TargetDate.Max:yyyy-MM-dd}, as yyyy-MM-dd; leave it empty for none.";

    public static readonly string FillerWordLength = $"A filler word has at most {BoardLimits.FillerWordMaxLength} characters.";
}

public sealed class UpdateSettingsHandler(KanbanDbContext db, BoardChanges changes, TimeProvider clock, CurrentUser user)
    : ICommandHandler<UpdateSettingsCommand, BoardSettingsResponse>
{
    public async ValueTask<BoardSettingsResponse> Handle(UpdateSettingsCommand command, CancellationToken cancellationToken)
    {
        return await changes.SaveAsync(async () =>
        {
            var board = await db.LoadBoardAsync(command.BoardId, cancellationToken);
            var settings = BoardSettings.Create(
                command.PersonalWipLimit!.Value,
                command.StopLineThreshold,
                command.StaleDays!.Value,
                command.MaxEstimateDays!.Value,
                command.DuplicateThreshold!.Value,
                command.FillerWords!,
                command.DuplicateWindowDays ?? board.Settings.DuplicateWindowDays,
                command.CycleTimeWindowDays ?? board.Settings.CycleTimeWindowDays,
                new StatusSettings(
                    command.ForecastWeeks ?? board.Settings.ForecastWeeks,
                    command.TargetDate,
                    command.StoppedRedPercent ?? board.Settings.StoppedRedPercent,
                    command.LineStopSound ?? board.Settings.LineStopSound));
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
