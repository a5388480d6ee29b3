using CsCheck;
using Kanban.Domain.Outliers;

namespace Kanban.Domain.Tests.Outliers;

/// <summary>
/// Invariants of working time in zones whose clocks do awkward things: skipped and repeated midnights
/// (Cairo, Santiago, Havana, Asunción, Beirut), half-hour changes (Lord Howe), offsets in quarter hours (Kathmandu, Chatham).
/// </summary>
public sealed class WorkingCalendarPropertyTests
{
    private static readonly WorkingCalendar[] Zones =
    [
        .. new[]
        {
            "UTC", "Europe/London", "America/New_York", "Asia/Tokyo", "Africa/Cairo", "America/Santiago", "America/Havana",
            "America/Asuncion", "Asia/Beirut", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham", "America/St_Johns",
        }.Select(id => new WorkingCalendar(TimeZoneInfo.FindSystemTimeZoneById(id))),
    ];

    private static readonly Gen<WorkingCalendar> Calendars = Gen.Int[0, Zones.Length - 1].Select(i => Zones[i]);

    private static readonly DateOnly FirstDate = new(2020, 1, 1);

    private static readonly Gen<DateOnly> Dates = Gen.Int[0, 11 * 365].Select(FirstDate.AddDays);

    private static readonly Gen<DateTimeOffset> Moments = Gen.Long[0, TimeSpan.FromDays(11 * 365).Ticks]
        .Select(ticks => new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(ticks));

    [Fact]
    public void Each_local_date_starts_once_and_counts_one_when_it_is_a_working_day_and_nothing_otherwise()
    {
        Gen.Select(Calendars, Dates).Sample((calendar, date) =>
        {
            var start = calendar.StartOf(date);

            calendar.DateOf(start).ShouldBe(date);
            calendar.DateOf(start.AddTicks(-1)).ShouldBe(date.AddDays(-1));
            calendar.DaysBetween(start, calendar.StartOf(date.AddDays(1))).ShouldBe(calendar.IsWorkingDay(date) ? 1m : 0m);
        }, iter: 2000);
    }

    [Fact]
    public void Working_time_adds_up_over_any_moment_between()
    {
        Gen.Select(Calendars, Moments, Gen.Long[0, TimeSpan.FromDays(40).Ticks], Gen.Double[0, 1]).Sample((calendar, from, span, cut) =>
        {
            var to = from.AddTicks(span);
            var between = from.AddTicks((long)(span * cut));

            var whole = calendar.DaysBetween(from, to);
            var parts = calendar.DaysBetween(from, between) + calendar.DaysBetween(between, to);

            Math.Abs(whole - parts).ShouldBeLessThan(0.000000000001m);
            whole.ShouldBeGreaterThanOrEqualTo(0);
            whole.ShouldBeLessThanOrEqualTo((decimal)TimeSpan.FromTicks(span).TotalDays + 1);
        }, iter: 2000);
    }

    [Fact]
    public void A_week_is_five_working_days_from_any_local_midnight()
    {
        Gen.Select(Calendars, Dates).Sample((calendar, date) =>
        {
            calendar.DaysBetween(calendar.StartOf(date), calendar.StartOf(date.AddDays(7))).ShouldBe(5m);
        }, iter: 1000);
    }
}
