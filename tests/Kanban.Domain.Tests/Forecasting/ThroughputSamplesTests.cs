using System.Globalization;
using Kanban.Domain.Forecasting;
using Kanban.Domain.Outliers;

namespace Kanban.Domain.Tests.Forecasting;

public sealed class ThroughputSamplesTests
{
    private static readonly WorkingCalendar Utc = new(TimeZoneInfo.Utc);
    private static readonly WorkingCalendar Tokyo = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));

    /// <summary>Monday 12 October 2026, 10:00 UTC.</summary>
    private static readonly DateTimeOffset Now = new(2026, 10, 12, 10, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    [Fact]
    public void The_window_is_the_working_days_of_the_weeks_before_today_today_left_out()
    {
        var samples = ThroughputSamples.Of(
            [At("2026-10-05T09:00:00Z"), At("2026-10-05T17:00:00Z"), At("2026-10-07T12:00:00Z"), At("2026-10-09T23:59:00Z"), At("2026-10-12T08:00:00Z")],
            Now, 1, Utc);

        (samples.From, samples.To).ShouldBe((new DateOnly(2026, 10, 5), new DateOnly(2026, 10, 11)));
        samples.PerWorkingDay.ShouldBe([2, 0, 1, 0, 1], "Monday 5 to Friday 9; today's card waits for today to end");
        samples.PerWeek.ShouldBe(4m);
    }

    [Fact]
    public void A_card_done_at_the_weekend_counts_on_the_friday_before_and_one_before_the_window_not_at_all()
    {
        var samples = ThroughputSamples.Of(
            [At("2026-10-10T11:00:00Z"), At("2026-10-11T11:00:00Z"), At("2026-10-04T11:00:00Z"), At("2026-10-02T11:00:00Z")],
            Now, 1, Utc);

        samples.PerWorkingDay.ShouldBe([0, 0, 0, 0, 2]);
    }

    [Fact]
    public void Days_are_the_board_time_zone_s()
    {
        // 23:30 UTC on Sunday 11 is 08:30 on Monday 12 in Tokyo: today there, so not counted; in UTC a Sunday, so Friday's.
        var done = new[] { At("2026-10-11T23:30:00Z") };

        ThroughputSamples.Of(done, Now, 1, Tokyo).Total.ShouldBe(0);
        ThroughputSamples.Of(done, Now, 1, Utc).PerWorkingDay.ShouldBe([0, 0, 0, 0, 1]);
    }

    [Fact]
    public void Six_weeks_hold_thirty_working_days_less_the_holidays()
    {
        ThroughputSamples.Of([], Now, 6, Utc).PerWorkingDay.Count.ShouldBe(30);
        ThroughputSamples.Of([], Now, 6, new WorkingCalendar(TimeZoneInfo.Utc, [new DateOnly(2026, 10, 5), new DateOnly(2026, 10, 10)])).PerWorkingDay.Count
            .ShouldBe(29, "a Saturday holiday changes nothing");
    }
}
