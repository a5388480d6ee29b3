using Kanban.Domain.Outliers;

namespace Kanban.Domain.Metrics;

/// <summary>
/// The line's stopped working time in one ISO week (Monday to Sunday, board time zone). <see cref="Share"/> is of
/// the week's working time, or for the week of now of its working time so far; 0 when there was none.
/// </summary>
public sealed record StoppedWeek(DateOnly WeekStart, decimal StoppedHours, decimal StoppedDays, decimal Share);

/// <summary>
/// How long the line was stopped. Stops that overlap (a manual stop during an automatic one) count once;
/// an open stop runs until now. Only working time counts (<see cref="WorkingCalendar"/>): a stop over
/// a weekend costs nothing the weekend.
/// </summary>
public static class LineStoppage
{
    /// <summary>The <paramref name="weeks"/> weeks up to and including the week of <paramref name="now"/>, oldest first.</summary>
    public static IReadOnlyList<StoppedWeek> Weeks(IEnumerable<StopPeriod> stops, DateTimeOffset now, int weeks, WorkingCalendar calendar)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weeks);
        var all = stops.ToList();
        var thisWeek = Spans.WeekStart(calendar.DateOf(now));
        return [.. Enumerable.Range(0, weeks).Reverse().Select(back => Week(all, thisWeek.AddDays(-7 * back), now, calendar))];
    }

    /// <summary>The week of <paramref name="now"/>, up to now.</summary>
    public static StoppedWeek ThisWeek(IEnumerable<StopPeriod> stops, DateTimeOffset now, WorkingCalendar calendar) =>
        Week([.. stops], Spans.WeekStart(calendar.DateOf(now)), now, calendar);

    private static StoppedWeek Week(IReadOnlyList<StopPeriod> stops, DateOnly monday, DateTimeOffset now, WorkingCalendar calendar)
    {
        var from = calendar.StartOf(monday);
        var weekEnd = calendar.StartOf(monday.AddDays(7));
        var to = now < weekEnd ? now : weekEnd;
        if (to <= from)
        {
            return new StoppedWeek(monday, 0, 0, 0);
        }

        var stopped = Spans.Merged(stops.Select(s => (s.From, s.Until)), from, to, now);
        var days = Spans.WorkingDays(stopped, calendar);
        var working = calendar.DaysBetween(from, to);
        return new StoppedWeek(monday, stopped.Sum(s => Spans.WorkingHours(s.From, s.To, calendar)), days, working > 0 ? days / working : 0);
    }
}
