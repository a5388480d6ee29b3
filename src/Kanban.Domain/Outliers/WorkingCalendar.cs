using System.Collections.Concurrent;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;

namespace Kanban.Domain.Outliers;

/// <summary>
/// Working time as the team counts it, in fractional working days: each working day of the board's
/// time zone (Monday to Friday, less any <see cref="NonWorkingDates"/>) counts 1 however long it is
/// (23 or 25 hours when the clocks change), and a part of one counts as its share of that day's real
/// length. Time on other days counts nothing. docs/metrics.md says why the day is not cut to office hours.
/// </summary>
/// <remarks>
/// The integer <see cref="WorkingDays"/> that screens show a card's age with counts the dates a span
/// crosses instead; the two agree whenever both ends fall at the same time of day on working days.
/// </remarks>
public sealed class WorkingCalendar
{
    private static readonly TimeSpan LongerThanAnyOffset = TimeSpan.FromHours(18);

    private readonly HashSet<DateOnly> _nonWorkingDates;

    // A day's first moment depends on the date alone; the metrics ask for the same few hundred days thousands of times.
    private readonly ConcurrentDictionary<DateOnly, DateTimeOffset> _starts = new();

    /// <param name="nonWorkingDates">Weekdays the team does not work, such as public holidays, as dates of <paramref name="zone"/>.</param>
    public WorkingCalendar(TimeZoneInfo zone, IEnumerable<DateOnly>? nonWorkingDates = null)
    {
        Zone = zone;
        _nonWorkingDates = [.. nonWorkingDates ?? []];
    }

    /// <summary>The board's calendar: its time zone (UTC for one this machine does not know), every weekday a working day.</summary>
    public static WorkingCalendar Of(Board board) => new(WorkingDays.ZoneOf(board.TimeZone));

    public TimeZoneInfo Zone { get; }

    public IReadOnlySet<DateOnly> NonWorkingDates => _nonWorkingDates;

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_nonWorkingDates.Contains(date);

    /// <summary>The working days from <paramref name="from"/> to <paramref name="to"/>; 0 when <paramref name="to"/> is not later.</summary>
    public decimal DaysBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return 0;
        }

        var first = DateOf(from);
        var last = DateOf(to);
        if (first == last)
        {
            return IsWorkingDay(first) ? Share(to - from, LengthOf(first)) : 0;
        }

        var firstPart = IsWorkingDay(first) ? StartOf(first.AddDays(1)) - from : TimeSpan.Zero;
        var lastPart = IsWorkingDay(last) ? to - StartOf(last) : TimeSpan.Zero;
        var (firstLength, lastLength) = (LengthOf(first), LengthOf(last));

        // One division when both days are as long (nearly always) keeps whole results whole: 16 hours and 8 hours make 1, not 0.99...
        var parts = firstLength == lastLength
            ? Share(firstPart + lastPart, firstLength)
            : Share(firstPart, firstLength) + Share(lastPart, lastLength);
        return WholeWorkingDaysBetween(first, last) + parts;
    }

    /// <summary>The date <paramref name="moment"/> falls on in the board's time zone.</summary>
    public DateOnly DateOf(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Zone).DateTime);

    /// <summary>
    /// The first moment of <paramref name="date"/> in the board's time zone: local midnight, or where the
    /// clocks jump over midnight (Cairo, Santiago, Beirut) the jump, and where midnight happens twice
    /// (Havana) the first one.
    /// </summary>
    public DateTimeOffset StartOf(DateOnly date) => _starts.GetOrAdd(date, ComputeStartOf);

    private DateTimeOffset ComputeStartOf(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        var start = new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight));

        // Midnight at the zone's offset for it is the day's first moment nearly always. Not where
        // midnight happens twice (the offset is of the second), nor where the zone's rules disagree with
        // its conversions (.NET takes Asunción's skipped midnight of 6 October 2024 for a valid one, at
        // an offset that falls on the day before): there the moments around it are searched.
        return DateOf(start) == date && DateOf(start.AddTicks(-1)) < date ? start : FirstMomentOf(date, midnight);
    }

    private TimeSpan LengthOf(DateOnly date) => StartOf(date.AddDays(1)) - StartOf(date);

    private int WholeWorkingDaysBetween(DateOnly first, DateOnly last)
    {
        var weekdays = Math.Max(0, WorkingDays.WeekdaysUpTo(last.AddDays(-1)) - WorkingDays.WeekdaysUpTo(first));
        var holidays = _nonWorkingDates.Count(d => d > first && d < last && d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
        return weekdays - holidays;
    }

    /// <summary>Bisects the instants around <paramref name="midnight"/> for the first one that shows <paramref name="date"/>.</summary>
    private DateTimeOffset FirstMomentOf(DateOnly date, DateTime midnight)
    {
        var nominal = new DateTimeOffset(midnight, TimeSpan.Zero);
        var (before, onOrAfter) = ((nominal - LongerThanAnyOffset).UtcTicks, (nominal + LongerThanAnyOffset).UtcTicks);
        while (onOrAfter - before > 1)
        {
            var middle = before + ((onOrAfter - before) / 2);
            if (DateOf(new DateTimeOffset(middle, TimeSpan.Zero)) >= date)
            {
                onOrAfter = middle;
            }
            else
            {
                before = middle;
            }
        }

        return new DateTimeOffset(onOrAfter, TimeSpan.Zero);
    }

    private static decimal Share(TimeSpan part, TimeSpan day) => (decimal)part.Ticks / day.Ticks;
}
