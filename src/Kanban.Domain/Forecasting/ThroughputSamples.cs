using Kanban.Domain.Outliers;

namespace Kanban.Domain.Forecasting;

/// <summary>
/// The daily throughput a forecast draws from: for each working day of the window, how many cards were
/// done that day. The window is the <c>7 × weeks</c> calendar days before today (board time zone), today
/// left out because it is not over: from <c>today − 7 × weeks</c> to yesterday, both included, and of
/// those the working days only. A card done on a non-working day counts on the last working day on or
/// before it (a Saturday's on the Friday); one that falls before the window that way is not counted.
/// </summary>
public sealed record ThroughputSamples(DateOnly From, DateOnly To, int Weeks, IReadOnlyList<int> PerWorkingDay)
{
    public int Total => PerWorkingDay.Sum();

    /// <summary>The mean of cards done per week over the window.</summary>
    public decimal PerWeek => Weeks > 0 ? (decimal)Total / Weeks : 0;

    public static ThroughputSamples Of(IEnumerable<DateTimeOffset> completedAt, DateTimeOffset now, int weeks, WorkingCalendar calendar)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weeks);
        var today = calendar.DateOf(now);
        var (from, to) = (today.AddDays(-7 * weeks), today.AddDays(-1));
        var byDay = completedAt
            .Select(at => WorkingDayOnOrBefore(calendar.DateOf(at), calendar))
            .Where(d => d >= from && d <= to)
            .CountBy(d => d)
            .ToDictionary();
        var samples = new List<int>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            if (calendar.IsWorkingDay(date))
            {
                samples.Add(byDay.GetValueOrDefault(date));
            }
        }

        return new ThroughputSamples(from, to, weeks, samples);
    }

    private static DateOnly WorkingDayOnOrBefore(DateOnly date, WorkingCalendar calendar)
    {
        // Bounded: a calendar with a year of holidays in a row is no calendar.
        for (var back = 0; back < 366 && !calendar.IsWorkingDay(date); back++)
        {
            date = date.AddDays(-1);
        }

        return date;
    }
}
