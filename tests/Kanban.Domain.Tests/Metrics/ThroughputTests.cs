using System.Globalization;
using Kanban.Domain.Metrics;
using Kanban.Domain.Outliers;

namespace Kanban.Domain.Tests.Metrics;

public sealed class ThroughputTests
{
    private static readonly WorkingCalendar Utc = new(TimeZoneInfo.Utc);
    private static readonly WorkingCalendar NewYork = new(TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    private static DateOnly Day(string date) => DateOnly.Parse(date, CultureInfo.InvariantCulture);

    private static readonly DateTimeOffset[] Completed =
    [
        At("2026-10-09T10:00:00Z"), // Friday
        At("2026-10-10T10:00:00Z"), // Saturday
        At("2026-10-12T03:00:00Z"), // Monday in UTC, Sunday evening in New York
        At("2026-10-12T15:00:00Z"),
        At("2026-10-14T15:00:00Z"),
        At("2026-10-20T15:00:00Z"), // after the range
    ];

    [Fact]
    public void Every_day_of_the_range_is_listed_with_the_cards_done_on_it_zeros_included()
    {
        Throughput.PerDay(Completed, Day("2026-10-08"), Day("2026-10-14"), Utc).Select(d => d.Count).ShouldBe([0, 1, 1, 0, 2, 0, 1]);
    }

    [Fact]
    public void A_card_counts_on_its_date_in_the_board_s_time_zone()
    {
        Throughput.PerDay(Completed, Day("2026-10-11"), Day("2026-10-12"), NewYork).Select(d => d.Count).ShouldBe([1, 1]);
    }

    [Fact]
    public void Weeks_start_on_monday_are_listed_when_they_touch_the_range_and_count_its_days_only()
    {
        var perDay = Throughput.PerDay(Completed, Day("2026-10-08"), Day("2026-10-14"), Utc);

        Throughput.PerWeek(perDay).ShouldBe([(Day("2026-10-05"), 2), (Day("2026-10-12"), 3)]);
    }

    [Theory]
    [InlineData("2026-10-12", "2026-10-12")]
    [InlineData("2026-10-18", "2026-10-12")]
    [InlineData("2026-10-19", "2026-10-19")]
    [InlineData("2027-01-01", "2026-12-28")]
    public void The_week_of_a_date_starts_on_its_monday(string date, string monday)
    {
        Spans.WeekStart(Day(date)).ShouldBe(Day(monday));
    }
}
