using Kanban.Domain.Forecasting;
using Kanban.Domain.Outliers;

namespace Kanban.Domain.Tests.Forecasting;

public sealed class MonteCarloTests
{
    private static readonly WorkingCalendar Utc = new(TimeZoneInfo.Utc);

    /// <summary>Monday 12 October 2026.</summary>
    private static readonly DateOnly Today = new(2026, 10, 12);

    private static ThroughputSamples Samples(params int[] perDay) => new(Today.AddDays(-42), Today.AddDays(-1), 6, perDay);

    private static int WorkingDaysAfterToday(DateOnly date)
    {
        var days = 0;
        for (var d = Today.AddDays(1); d <= date; d = d.AddDays(1))
        {
            days += Utc.IsWorkingDay(d) ? 1 : 0;
        }

        return days;
    }

    [Theory]
    [InlineData(10, "2026-10-19")] // Tuesday to Friday make 8, the Monday after 10
    [InlineData(11, "2026-10-20")]
    [InlineData(2, "2026-10-13")]
    [InlineData(1, "2026-10-13")]
    public void Constant_throughput_gives_the_exact_date_at_every_confidence(int remaining, string date)
    {
        var forecast = MonteCarlo.WhenDone(Samples([.. Enumerable.Repeat(2, 30)]), remaining, Today, Utc, seed: 1);

        var expected = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        (forecast.P50, forecast.P85, forecast.P95).ShouldBe((expected, expected, expected));
        forecast.Reason.ShouldBeNull();
        forecast.Trials.ShouldBe(10_000);
        forecast.Remaining.ShouldBe(remaining);
    }

    [Fact]
    public void A_coin_flip_throughput_gives_the_geometric_percentiles_exactly()
    {
        // One card remaining, done on each day with probability ½: P(done within d days) = 1 − ½^d,
        // so 50% within 1 day, 85% within 3 (87.5%), 95% within 5 (96.9%; 4 days give only 93.8%).
        var forecast = MonteCarlo.WhenDone(Samples(0, 1, 0, 1, 0, 1, 0, 1, 0, 1), 1, Today, Utc, seed: 7);

        (WorkingDaysAfterToday(forecast.P50!.Value), WorkingDaysAfterToday(forecast.P85!.Value), WorkingDaysAfterToday(forecast.P95!.Value))
            .ShouldBe((1, 3, 5));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(42)]
    public void A_known_distribution_gives_its_percentiles_within_a_working_day(int seed)
    {
        // 0 to 4 cards a day, evenly: mean 2, variance 2. For 100 cards the days needed are close to normal,
        // with a sum after n days of mean 2n and variance 2n: 50 days at 50%, about 55.5 at 85%, 58.5 at 95%.
        var forecast = MonteCarlo.WhenDone(Samples(0, 1, 2, 3, 4), 100, Today, Utc, seed);

        WorkingDaysAfterToday(forecast.P50!.Value).ShouldBeInRange(50, 51);
        WorkingDaysAfterToday(forecast.P85!.Value).ShouldBeInRange(55, 56);
        WorkingDaysAfterToday(forecast.P95!.Value).ShouldBeInRange(58, 59);
    }

    [Fact]
    public void The_same_seed_gives_the_same_answer_twice()
    {
        var samples = Samples(0, 3, 1, 0, 5, 2, 0, 0, 4, 1);

        var first = MonteCarlo.WhenDone(samples, 37, Today, Utc, seed: 1234);
        var second = MonteCarlo.WhenDone(samples, 37, Today, Utc, seed: 1234);

        second.ShouldBe(first);
        MonteCarlo.HowMany(samples, 37, Today, new DateOnly(2026, 11, 6), Utc, 1234)
            .ShouldBe(MonteCarlo.HowMany(samples, 37, Today, new DateOnly(2026, 11, 6), Utc, 1234));
    }

    [Fact]
    public void The_seed_of_a_board_is_the_same_for_the_same_version_and_changes_with_it()
    {
        var board = Guid.Parse("0199a0c4-0000-7000-8000-000000000001");

        ForecastSeed.Of(board, 17).ShouldBe(ForecastSeed.Of(board, 17));
        ForecastSeed.Of(board, 18).ShouldNotBe(ForecastSeed.Of(board, 17));
        ForecastSeed.Of(Guid.Parse("0199a0c4-0000-7000-8000-000000000002"), 17).ShouldNotBe(ForecastSeed.Of(board, 17));
    }

    [Fact]
    public void No_throughput_gives_no_forecast_with_the_reason_not_a_date()
    {
        var forecast = MonteCarlo.WhenDone(Samples([.. Enumerable.Repeat(0, 30)]), 5, Today, Utc, seed: 1);

        (forecast.P50, forecast.P85, forecast.P95).ShouldBe((null, null, null));
        forecast.Reason.ShouldBe("No card was completed in the last 6 weeks, so there is no throughput to forecast from.");
        forecast.Remaining.ShouldBe(5);
    }

    [Fact]
    public void Nothing_remaining_is_remaining_0_with_a_reason_not_a_date()
    {
        var forecast = MonteCarlo.WhenDone(Samples(1, 2, 3), 0, Today, Utc, seed: 1);

        (forecast.Remaining, forecast.P50, forecast.P85, forecast.P95).ShouldBe((0, null, null, null));
        forecast.Reason.ShouldBe("Nothing remains to be done.");
    }

    [Fact]
    public void Work_the_trials_do_not_finish_within_the_horizon_has_no_date_and_says_so()
    {
        // One card a month and a hundred remaining: some eight years.
        var forecast = MonteCarlo.WhenDone(Samples([1, .. Enumerable.Repeat(0, 21)]), 100, Today, Utc, seed: 1);

        (forecast.P50, forecast.P85, forecast.P95).ShouldBe((null, null, null));
        forecast.Reason.ShouldBe("In 100% of the trials the work was not done within 520 working days (about two years), so later dates are not forecast.");
    }

    [Fact]
    public void The_simulated_days_skip_weekends_and_holidays()
    {
        var holidays = new WorkingCalendar(TimeZoneInfo.Utc, [new DateOnly(2026, 10, 13)]);

        var forecast = MonteCarlo.WhenDone(Samples(1), 3, new DateOnly(2026, 10, 15), holidays, seed: 1);

        forecast.P50.ShouldBe(new DateOnly(2026, 10, 20), "Friday 16, Monday 19, Tuesday 20");
        MonteCarlo.WhenDone(Samples(1), 2, Today, holidays, seed: 1).P95.ShouldBe(new DateOnly(2026, 10, 15), "Tuesday 13 is a holiday");
    }

    [Theory]
    [InlineData("2026-10-16", 20, 8)] // Tuesday to Friday
    [InlineData("2026-10-16", 5, 5)] // never more than remain
    [InlineData("2026-10-12", 20, 0)] // today is not simulated
    [InlineData("2026-10-01", 20, 0)] // a date gone by
    [InlineData("2026-10-19", 20, 10)] // over the weekend
    public void How_many_by_a_date_with_constant_throughput_is_exact(string by, int remaining, int count)
    {
        var howMany = MonteCarlo.HowMany(Samples([.. Enumerable.Repeat(2, 30)]), remaining, Today, DateOnly.Parse(by, System.Globalization.CultureInfo.InvariantCulture), Utc, seed: 3);

        (howMany.P50, howMany.P85, howMany.P95).ShouldBe((count, count, count));
    }

    [Fact]
    public void How_many_by_a_date_past_the_horizon_is_counted_as_of_the_horizon()
    {
        // One card a working day: by any date the count is the working days up to it, at most the horizon's.
        var samples = Samples([.. Enumerable.Repeat(1, 30)]);

        var farAway = MonteCarlo.HowMany(samples, 1_000_000, Today, new DateOnly(2199, 12, 31), Utc, seed: 7);

        (farAway.P50, farAway.P85, farAway.P95).ShouldBe((MonteCarlo.HorizonWorkingDays, MonteCarlo.HorizonWorkingDays, MonteCarlo.HorizonWorkingDays));
        farAway.Date.ShouldBe(new DateOnly(2199, 12, 31));
    }

    [Fact]
    public void How_many_by_a_date_is_the_count_reached_in_at_least_that_share_of_trials()
    {
        // One working day, a coin flip of 0 or 10 cards: half the trials reach 10, all reach 0.
        var howMany = MonteCarlo.HowMany(Samples(0, 10), 50, Today, Today.AddDays(1), Utc, seed: 5);

        howMany.P50.ShouldBeOneOf(0, 10);
        howMany.P85.ShouldBe(0);
        howMany.P95.ShouldBe(0);
        MonteCarlo.HowMany(Samples(10, 10, 0), 50, Today, Today.AddDays(1), Utc, seed: 5).P50.ShouldBe(10, "two thirds of the trials reach 10");
    }

    [Fact]
    public void How_many_by_a_date_without_throughput_is_0()
    {
        MonteCarlo.HowMany(Samples(0, 0), 5, Today, Today.AddDays(30), Utc, seed: 1).ShouldBe(new HowManyBy(Today.AddDays(30), 0, 0, 0));
    }
}
