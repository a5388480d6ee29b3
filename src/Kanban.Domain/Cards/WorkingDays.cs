namespace Kanban.Domain.Cards;

/// <summary>
/// How many working days (Monday to Friday, in the board's time zone) lie after a moment: the
/// weekdays d with the moment's date &lt; d &lt;= today's date. A card started today is 0 days old, one
/// started on Friday is 1 day old on Monday, whatever the hour.
/// </summary>
public static class WorkingDays
{
    private const int WorkDaysPerWeek = 5;

    /// <summary>Null when <paramref name="from"/> is (the card never started, or never moved).</summary>
    public static int? Since(DateTimeOffset? from, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (from is not { } start)
        {
            return null;
        }

        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        return Math.Max(0, WeekdaysUpTo(today) - WeekdaysUpTo(first));
    }

    /// <summary>The board's zone, or UTC for a zone this machine does not know.</summary>
    public static TimeZoneInfo ZoneOf(string timeZoneId) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The weekdays from a fixed Monday up to and including <paramref name="date"/>.</summary>
    internal static int WeekdaysUpTo(DateOnly date)
    {
        // DayNumber 0 (1 January 0001) was a Monday.
        var weeks = Math.DivRem(date.DayNumber, 7, out var dayOfWeek);
        return (weeks * WorkDaysPerWeek) + Math.Min(dayOfWeek + 1, WorkDaysPerWeek);
    }
}
