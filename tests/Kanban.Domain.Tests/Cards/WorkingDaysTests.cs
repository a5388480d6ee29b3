using Kanban.Domain.Cards;

namespace Kanban.Domain.Tests.Cards;

public sealed class WorkingDaysTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Never_started_has_no_age()
    {
        WorkingDays.Since(null, At("2026-10-12T10:00:00Z"), TimeZoneInfo.Utc).ShouldBeNull();
    }

    [Theory]
    [InlineData("2026-10-12T08:00:00Z", "2026-10-12T17:00:00Z")]
    [InlineData("2026-10-12T00:00:00Z", "2026-10-12T23:59:59Z")]
    public void The_same_day_is_zero_days(string from, string now)
    {
        WorkingDays.Since(At(from), At(now), TimeZoneInfo.Utc).ShouldBe(0);
    }

    [Theory]
    [InlineData("2026-10-12T09:00:00Z", "2026-10-13T08:00:00Z", 1)] // Monday to Tuesday, fewer than 24 hours
    [InlineData("2026-10-12T09:00:00Z", "2026-10-16T09:00:00Z", 4)] // Monday to Friday
    [InlineData("2026-10-09T17:00:00Z", "2026-10-12T09:00:00Z", 1)] // Friday to Monday: the weekend does not count
    [InlineData("2026-10-10T10:00:00Z", "2026-10-11T10:00:00Z", 0)] // Saturday to Sunday
    [InlineData("2026-10-10T10:00:00Z", "2026-10-12T10:00:00Z", 1)] // Saturday to Monday
    [InlineData("2026-10-09T10:00:00Z", "2026-10-11T10:00:00Z", 0)] // Friday to Sunday
    [InlineData("2026-10-05T09:00:00Z", "2026-10-19T09:00:00Z", 10)] // two weeks
    [InlineData("2026-09-30T09:00:00Z", "2026-10-12T10:00:00Z", 8)] // across a month
    [InlineData("2025-12-31T09:00:00Z", "2026-01-02T09:00:00Z", 2)] // across a year: Thursday and Friday
    public void Weekdays_after_the_start_up_to_today_count_and_weekends_do_not(string from, string now, int days)
    {
        WorkingDays.Since(At(from), At(now), TimeZoneInfo.Utc).ShouldBe(days);
    }

    [Fact]
    public void Days_are_the_boards_local_days_not_UTC_days()
    {
        // 23:30 UTC on Monday is already Tuesday in London (summer time, UTC+1).
        var mondayEvening = At("2026-10-12T23:30:00Z");

        WorkingDays.Since(At("2026-10-12T08:00:00Z"), mondayEvening, TimeZoneInfo.Utc).ShouldBe(0);
        WorkingDays.Since(At("2026-10-12T08:00:00Z"), mondayEvening, London).ShouldBe(1);
    }

    [Fact]
    public void Sunday_evening_in_UTC_is_already_Monday_in_Tokyo()
    {
        // Friday 16:00 UTC is Saturday 01:00 in Tokyo, Sunday 23:30 UTC is Monday 08:30 there.
        var start = At("2026-10-09T16:00:00Z");
        var sundayEvening = At("2026-10-11T23:30:00Z");

        WorkingDays.Since(start, sundayEvening, Tokyo).ShouldBe(1);
        WorkingDays.Since(start, sundayEvening, TimeZoneInfo.Utc).ShouldBe(0);
    }

    [Fact]
    public void A_change_of_clocks_does_not_add_or_lose_a_day()
    {
        // New York leaves summer time on Sunday 1 November 2026.
        WorkingDays.Since(At("2026-10-30T20:00:00-04:00"), At("2026-11-02T09:00:00-05:00"), NewYork).ShouldBe(1);
    }

    [Fact]
    public void A_start_after_now_is_zero_days_not_negative()
    {
        WorkingDays.Since(At("2026-10-14T09:00:00Z"), At("2026-10-12T09:00:00Z"), TimeZoneInfo.Utc).ShouldBe(0);
    }

    [Fact]
    public void An_unknown_zone_counts_in_UTC()
    {
        WorkingDays.ZoneOf("Not/AZone").ShouldBe(TimeZoneInfo.Utc);
        WorkingDays.ZoneOf("Europe/London").Id.ShouldBe("Europe/London");
    }
}
