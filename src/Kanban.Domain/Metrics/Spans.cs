using Kanban.Domain.Outliers;

namespace Kanban.Domain.Metrics;

/// <summary>Time spans as the metrics add them up: merged where they overlap, cut to a window, counted in working time.</summary>
public static class Spans
{
    /// <summary>
    /// The spans (an open end is <paramref name="now"/>) cut to [<paramref name="from"/>, <paramref name="to"/>)
    /// and merged where they overlap or touch, in time order: an overlap of two spans is counted once.
    /// </summary>
    public static IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> Merged(
        IEnumerable<(DateTimeOffset From, DateTimeOffset? To)> spans, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var cut = spans
            .Select(s => (From: Max(s.From, from), To: Min(s.To ?? now, to)))
            .Where(s => s.To > s.From)
            .OrderBy(s => s.From)
            .ToList();
        var merged = new List<(DateTimeOffset From, DateTimeOffset To)>();
        foreach (var span in cut)
        {
            if (merged.Count > 0 && span.From <= merged[^1].To)
            {
                merged[^1] = (merged[^1].From, Max(merged[^1].To, span.To));
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }

    /// <summary>The working days of <paramref name="calendar"/> the spans cover, each overlap once.</summary>
    public static decimal WorkingDays(IEnumerable<(DateTimeOffset From, DateTimeOffset To)> spans, WorkingCalendar calendar) =>
        spans.Sum(s => calendar.DaysBetween(s.From, s.To));

    /// <summary>The real hours of a span that fall on working days (a 23-hour day of a clock change gives at most 23).</summary>
    public static decimal WorkingHours(DateTimeOffset from, DateTimeOffset to, WorkingCalendar calendar)
    {
        var hours = 0m;
        for (var date = calendar.DateOf(from); to > from && date <= calendar.DateOf(to); date = date.AddDays(1))
        {
            if (!calendar.IsWorkingDay(date))
            {
                continue;
            }

            var part = Min(to, calendar.StartOf(date.AddDays(1))) - Max(from, calendar.StartOf(date));
            if (part > TimeSpan.Zero)
            {
                hours += (decimal)part.Ticks / TimeSpan.TicksPerHour;
            }
        }

        return hours;
    }

    /// <summary>The Monday of the ISO week <paramref name="date"/> falls in.</summary>
    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
