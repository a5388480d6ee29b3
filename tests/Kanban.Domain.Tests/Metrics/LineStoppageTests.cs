using System.Globalization;
using Kanban.Domain.Metrics;
using Kanban.Domain.Outliers;

namespace Kanban.Domain.Tests.Metrics;

public sealed class LineStoppageTests
{
    private static readonly WorkingCalendar Utc = new(TimeZoneInfo.Utc);
    private static readonly WorkingCalendar London = new(TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));

    /// <summary>Wednesday 14 October 2026, noon UTC: two and a half working days into the week.</summary>
    private static readonly DateTimeOffset Now = new(2026, 10, 14, 12, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    [Fact]
    public void This_week_s_share_is_the_stopped_working_time_over_the_working_time_so_far()
    {
        StopPeriod[] stops = [new(At("2026-10-12T06:00:00Z"), At("2026-10-12T12:00:00Z"))];

        var week = LineStoppage.ThisWeek(stops, Now, Utc);

        (week.WeekStart, week.StoppedHours, week.StoppedDays, week.Share).ShouldBe((new DateOnly(2026, 10, 12), 6m, 0.25m, 0.1m));
    }

    [Fact]
    public void Overlapping_stops_count_once()
    {
        StopPeriod[] stops = [new(At("2026-10-12T06:00:00Z"), At("2026-10-12T12:00:00Z")), new(At("2026-10-12T09:00:00Z"), At("2026-10-12T15:00:00Z"))];

        var week = LineStoppage.ThisWeek(stops, Now, Utc);

        (week.StoppedHours, week.Share).ShouldBe((9m, 0.15m));
    }

    [Fact]
    public void An_open_stop_runs_until_now()
    {
        var week = LineStoppage.ThisWeek([new StopPeriod(At("2026-10-14T06:00:00Z"), null)], Now, Utc);

        (week.StoppedHours, week.Share).ShouldBe((6m, 0.1m));
    }

    [Fact]
    public void A_stop_over_the_weekend_is_split_between_the_weeks_and_costs_nothing_on_saturday_or_sunday()
    {
        var weeks = LineStoppage.Weeks([new StopPeriod(At("2026-10-09T18:00:00Z"), At("2026-10-12T06:00:00Z"))], Now, 2, Utc);

        weeks.Select(w => (w.WeekStart, w.StoppedHours, w.Share)).ShouldBe(
        [
            (new DateOnly(2026, 10, 5), 6m, 0.05m), // a quarter of a day of five
            (new DateOnly(2026, 10, 12), 6m, 0.1m),
        ]);
    }

    [Fact]
    public void The_weeks_are_listed_oldest_first_up_to_this_one_with_zeros()
    {
        var weeks = LineStoppage.Weeks([], Now, 8, Utc);

        weeks.Select(w => w.WeekStart).ShouldBe([.. Enumerable.Range(0, 8).Select(i => new DateOnly(2026, 8, 24).AddDays(7 * i))]);
        weeks.ShouldAllBe(w => w.Share == 0 && w.StoppedHours == 0);
    }

    [Fact]
    public void On_monday_at_midnight_no_working_time_has_passed_and_the_share_is_0()
    {
        LineStoppage.ThisWeek([new StopPeriod(At("2026-10-09T09:00:00Z"), null)], At("2026-10-12T00:00:00Z"), Utc).Share.ShouldBe(0m);
    }

    [Fact]
    public void The_week_and_its_days_are_the_board_s_and_a_short_day_has_its_real_hours()
    {
        // Sunday 25 October 2026 the clocks go back in London; Monday 26 is a normal day. A stop over all of
        // Friday 23 (24 real hours, midnight to midnight London time) is one working day.
        var week = LineStoppage.Weeks([new StopPeriod(At("2026-10-22T23:00:00Z"), At("2026-10-23T23:00:00Z"))], At("2026-10-26T12:00:00Z"), 2, London)[0];

        (week.WeekStart, week.StoppedHours, week.StoppedDays, week.Share).ShouldBe((new DateOnly(2026, 10, 19), 24m, 1m, 0.2m));
    }
}
