using Kanban.Domain.Outliers;

namespace Kanban.Domain.Metrics;

/// <summary>
/// Cards done per day and per ISO week: a card counts on the date (board time zone) it entered the done
/// lanes. Every day of the range is listed, zeros included; a week is listed when any of its days is in
/// the range and counts only the range's days, so the weeks add up to the days.
/// </summary>
public static class Throughput
{
    public static IReadOnlyList<(DateOnly Date, int Count)> PerDay(
        IEnumerable<DateTimeOffset> completedAt, DateOnly from, DateOnly to, WorkingCalendar calendar)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from, to);
        var byDate = completedAt.Select(calendar.DateOf).Where(d => d >= from && d <= to).CountBy(d => d).ToDictionary();
        var days = new List<(DateOnly, int)>(to.DayNumber - from.DayNumber + 1);
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            days.Add((date, byDate.GetValueOrDefault(date)));
        }

        return days;
    }

    public static IReadOnlyList<(DateOnly WeekStart, int Count)> PerWeek(IReadOnlyList<(DateOnly Date, int Count)> perDay) =>
        [.. perDay.GroupBy(d => Spans.WeekStart(d.Date)).Select(w => (w.Key, w.Sum(d => d.Count)))];
}
