using Kanban.Domain.Boards;

namespace Kanban.Api.Infrastructure.Status;

/// <summary>The board's settings the status rules and the forecast read.</summary>
public sealed record StatusSettings(int ForecastWeeks, DateOnly? TargetDate, int StoppedRedPercent)
{
    public static StatusSettings Of(Board board) => new(6, null, 10);
}
