using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Kanban.Domain.Outliers;

namespace Kanban.Domain.Tests.Outliers;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Utc = new(TimeZoneInfo.Utc);
    private static readonly WorkingCalendar London = new(TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
    private static readonly WorkingCalendar Tokyo = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
    private static readonly WorkingCalendar Cairo = new(TimeZoneInfo.FindSystemTimeZoneById("Africa/Cairo"));

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-10-12T09:00:00Z", "2026-10-12T21:00:00Z", "0.5")] // Monday, half a day
    [InlineData("2026-10-12T00:00:00Z", "2026-10-13T00:00:00Z", "1")] // all of Monday
    [InlineData("2026-10-12T09:00:00Z", "2026-10-13T09:00:00Z", "1")] // Monday to Tuesday at the same hour
    [InlineData("2026-10-12T09:00:00Z", "2026-10-13T21:00:00Z", "1.5")] // Monday morning to Tuesday evening
    [InlineData("2026-10-12T18:00:00Z", "2026-10-13T06:00:00Z", "0.5")] // overnight: six hours on each side of midnight
    [InlineData("2026-10-12T08:00:00Z", "2026-10-13T16:00:00Z", "1.3333333333333333333333333333")] // 16 + 16 hours
    [InlineData("2026-10-12T08:00:00Z", "2026-10-14T08:00:00Z", "2")] // 16 + 24 + 8 hours: whole, not 1.99...
    [InlineData("2026-10-05T09:00:00Z", "2026-10-12T09:00:00Z", "5")] // a week
    [InlineData("2026-10-05T09:00:00Z", "2026-10-19T09:00:00Z", "10")] // two weeks
    public void Working_days_count_the_share_of_each_weekday_that_passed(string from, string to, string days)
    {
        Utc.DaysBetween(At(from), At(to)).ShouldBe(decimal.Parse(days, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2026-10-09T12:00:00Z", "2026-10-12T12:00:00Z", "1")] // Friday noon to Monday noon
    [InlineData("2026-10-10T10:00:00Z", "2026-10-11T22:00:00Z", "0")] // Saturday to Sunday
    [InlineData("2026-10-10T10:00:00Z", "2026-10-12T06:00:00Z", "0.25")] // Saturday to Monday morning
    [InlineData("2026-10-09T18:00:00Z", "2026-10-11T10:00:00Z", "0.25")] // Friday evening to Sunday
    [InlineData("2026-10-09T18:00:00Z", "2026-10-19T06:00:00Z", "5.5")] // across two weekends
    public void Weekend_hours_do_not_count(string from, string to, string days)
    {
        Utc.DaysBetween(At(from), At(to)).ShouldBe(decimal.Parse(days, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void An_end_before_the_start_is_no_time()
    {
        Utc.DaysBetween(At("2026-10-14T09:00:00Z"), At("2026-10-12T09:00:00Z")).ShouldBe(0m);
    }

    [Theory]
    [InlineData("2026-10-09T09:00:00Z", "2026-10-12T09:00:00Z")] // Friday to Monday
    [InlineData("2026-10-05T15:30:00Z", "2026-10-19T15:30:00Z")] // two weeks
    [InlineData("2025-12-31T09:00:00Z", "2026-01-02T09:00:00Z")] // across a year
    public void At_the_same_time_of_day_the_count_agrees_with_the_whole_working_days_screens_show(string from, string to)
    {
        Utc.DaysBetween(At(from), At(to)).ShouldBe(WorkingDays.Since(At(from), At(to), TimeZoneInfo.Utc)!.Value);
    }

    [Fact]
    public void Friday_noon_to_Monday_noon_is_one_day_across_the_spring_change_of_clocks_in_London()
    {
        // Clocks go forward on Sunday 29 March 2026: 71 hours pass, the weekend loses one of them.
        var fridayNoon = At("2026-03-27T12:00:00+00:00");
        var mondayNoon = At("2026-03-30T12:00:00+01:00");

        London.DaysBetween(fridayNoon, mondayNoon).ShouldBe(1m);
    }

    [Fact]
    public void Friday_noon_to_Monday_noon_is_one_day_across_the_autumn_change_of_clocks_in_London()
    {
        // Clocks go back on Sunday 25 October 2026: 73 hours pass.
        var fridayNoon = At("2026-10-23T12:00:00+01:00");
        var mondayNoon = At("2026-10-26T12:00:00+00:00");

        London.DaysBetween(fridayNoon, mondayNoon).ShouldBe(1m);
    }

    [Fact]
    public void A_working_day_of_23_hours_counts_as_one_day_and_its_hours_as_shares_of_23()
    {
        // Cairo skips from 00:00 to 01:00 on Friday 24 April 2026: the Friday starts at 22:00 UTC on Thursday.
        Cairo.StartOf(new DateOnly(2026, 4, 24)).ShouldBe(At("2026-04-23T22:00:00Z"));

        var thursdayMidnight = At("2026-04-23T00:00:00+02:00");
        var saturdayMidnight = At("2026-04-25T00:00:00+03:00");
        Cairo.DaysBetween(thursdayMidnight, saturdayMidnight).ShouldBe(2m);

        var fridayHalfPastTwelve = At("2026-04-24T12:30:00+03:00");
        Cairo.DaysBetween(At("2026-04-23T22:00:00Z"), fridayHalfPastTwelve).ShouldBe(0.5m);
    }

    [Theory]
    [InlineData("America/Santiago", "2026-09-06", "2026-09-06T04:00:00Z")] // 00:00 skipped to 01:00 (-03)
    [InlineData("America/Havana", "2024-11-03", "2024-11-03T04:00:00Z")] // 00:59 (-04) back to 00:00 (-05): the first midnight
    [InlineData("America/Asuncion", "2024-10-06", "2024-10-06T04:00:00Z")] // 00:00 skipped to 01:00 (-03), which .NET takes for valid
    [InlineData("Europe/London", "2026-03-29", "2026-03-29T00:00:00Z")] // the change at 01:00 leaves midnight alone
    public void A_day_starts_at_its_first_moment_where_midnight_is_skipped_or_repeated(string zone, string date, string start)
    {
        var calendar = new WorkingCalendar(TimeZoneInfo.FindSystemTimeZoneById(zone));
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        calendar.StartOf(day).ShouldBe(At(start));
    }

    [Fact]
    public void A_working_day_of_25_hours_counts_as_one_day()
    {
        // Cairo goes back from 00:00 to 23:00 on Thursday 29 October 2026: 49 hours pass from Wednesday noon to Friday noon.
        var wednesdayNoon = At("2026-10-28T12:00:00+03:00");
        var fridayNoon = At("2026-10-30T12:00:00+02:00");

        Cairo.DaysBetween(wednesdayNoon, fridayNoon).ShouldBe(2m);
    }

    [Fact]
    public void The_same_moments_are_different_working_time_where_they_fall_on_different_dates()
    {
        // Friday 12:00 UTC is Friday 21:00 in Tokyo; Sunday 21:00 UTC is already Monday 06:00 there.
        var start = At("2026-10-09T12:00:00Z");
        var end = At("2026-10-11T21:00:00Z");

        Utc.DaysBetween(start, end).ShouldBe(0.5m);
        Tokyo.DaysBetween(start, end).ShouldBe(0.375m);
    }

    [Fact]
    public void A_board_in_a_zone_this_machine_does_not_know_counts_in_UTC()
    {
        var board = Board.Create("Demo board", "DEMO", TestBoards.Now, timeZone: "Not/AZone");

        WorkingCalendar.Of(board).Zone.ShouldBe(TimeZoneInfo.Utc);
    }

    [Fact]
    public void A_board_counts_in_its_own_zone()
    {
        var board = Board.Create("Demo board", "DEMO", TestBoards.Now, timeZone: "Asia/Tokyo");

        WorkingCalendar.Of(board).Zone.Id.ShouldBe("Asia/Tokyo");
    }

    [Fact]
    public void A_non_working_weekday_counts_like_a_weekend_day()
    {
        var tuesday = new DateOnly(2026, 10, 13);
        var withHoliday = new WorkingCalendar(TimeZoneInfo.Utc, [tuesday]);
        var mondayNoon = At("2026-10-12T12:00:00Z");

        withHoliday.IsWorkingDay(tuesday).ShouldBeFalse();
        withHoliday.DaysBetween(mondayNoon, At("2026-10-14T12:00:00Z")).ShouldBe(1m);
        withHoliday.DaysBetween(At("2026-10-13T06:00:00Z"), At("2026-10-13T18:00:00Z")).ShouldBe(0m);
        withHoliday.DaysBetween(At("2026-10-13T06:00:00Z"), At("2026-10-14T06:00:00Z")).ShouldBe(0.25m);
        withHoliday.DaysBetween(mondayNoon, At("2026-10-19T12:00:00Z")).ShouldBe(4m);
    }

    [Fact]
    public void A_non_working_date_on_a_weekend_takes_nothing_more_away()
    {
        var saturday = new DateOnly(2026, 10, 10);
        var withHoliday = new WorkingCalendar(TimeZoneInfo.Utc, [saturday]);

        withHoliday.DaysBetween(At("2026-10-09T12:00:00Z"), At("2026-10-12T12:00:00Z")).ShouldBe(1m);
    }
}
