using System.Globalization;
using Kanban.Domain.Outliers;

namespace Kanban.Domain.Forecasting;

/// <summary>"How many by a date": the cards done by then in at least 50, 85 and 95% of the trials (never more than remain).</summary>
public sealed record HowManyBy(DateOnly Date, int P50, int P85, int P95);

/// <summary>
/// A forecast of when <see cref="Remaining"/> cards are done: the dates by which they were done in at
/// least 50, 85 and 95% of the trials. A date is null, with <see cref="Reason"/>, when the trials say
/// nothing (no throughput, nothing remaining) or that share of them did not finish within the horizon.
/// </summary>
public sealed record Forecast(
    int Remaining, DateOnly? P50, DateOnly? P85, DateOnly? P95, string? Reason, int Weeks, int Trials, HowManyBy? HowManyBy = null);

/// <summary>
/// Monte Carlo forecasting from daily throughput. Each trial walks the working days after today (today is
/// not simulated: what it has done already left the remaining count), and for each day draws one of the
/// window's days (<see cref="ThroughputSamples"/>) at random, with replacement, adding the cards done that
/// day; a trial ends on the day the sum reaches the remaining cards. The percentiles are nearest rank
/// (<see cref="Percentile"/>) over the trials. The same seed gives the same answer.
/// </summary>
public static class MonteCarlo
{
    public const int DefaultTrials = 10_000;

    /// <summary>About two years of working days: a trial that has not finished by then says "later", not a date.</summary>
    public const int HorizonWorkingDays = 520;

    public static Forecast WhenDone(
        ThroughputSamples samples, int remaining, DateOnly today, WorkingCalendar calendar, int seed, int trials = DefaultTrials)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(remaining);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(trials);
        if (remaining == 0)
        {
            return new Forecast(0, null, null, null, "Nothing remains to be done.", samples.Weeks, trials);
        }

        if (samples.Total == 0)
        {
            return new Forecast(remaining, null, null, null, NoThroughput(samples.Weeks), samples.Weeks, trials);
        }

        var draws = samples.PerWorkingDay;
        var random = new Random(seed);
        var days = new int[trials];
        for (var trial = 0; trial < trials; trial++)
        {
            var (done, day) = (0, 0);
            while (done < remaining && day < HorizonWorkingDays)
            {
                done += draws[random.Next(draws.Count)];
                day++;
            }

            days[trial] = done >= remaining ? day : int.MaxValue;
        }

        // Nearest rank (Percentile.RankOf) on the trials sorted once.
        Array.Sort(days);
        var ahead = WorkingDaysAfter(today, HorizonWorkingDays, calendar);
        DateOnly? DateAt(int percent) =>
            days[Percentile.RankOf(percent, trials) - 1] is var d && d <= HorizonWorkingDays ? ahead[d - 1] : null;

        var (p50, p85, p95) = (DateAt(50), DateAt(85), DateAt(95));
        var unfinished = days.Count(d => d == int.MaxValue);
        var reason = p95 is null
            ? string.Create(CultureInfo.InvariantCulture,
                $"In {Math.Round(100m * unfinished / trials, 1, MidpointRounding.AwayFromZero)}% of the trials the work was not done within {HorizonWorkingDays} working days (about two years), so later dates are not forecast.")
            : null;
        return new Forecast(remaining, p50, p85, p95, reason, samples.Weeks, trials);
    }

    /// <summary>
    /// How many of <paramref name="remaining"/> cards are done by the end of <paramref name="by"/>, counting the
    /// working days after today up to it, but no more than <see cref="HorizonWorkingDays"/>: a date further
    /// out is counted as of the horizon, as the dates are, so a far date cannot cost a trial per day of it.
    /// </summary>
    public static HowManyBy HowMany(
        ThroughputSamples samples, int remaining, DateOnly today, DateOnly by, WorkingCalendar calendar, int seed, int trials = DefaultTrials)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(remaining);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(trials);
        var workingDays = 0;
        for (var date = today.AddDays(1); date <= by; date = date.AddDays(1))
        {
            workingDays += calendar.IsWorkingDay(date) ? 1 : 0;
        }

        workingDays = Math.Min(workingDays, HorizonWorkingDays);

        var draws = samples.PerWorkingDay;
        var random = new Random(seed);
        var counts = new int[trials];
        for (var trial = 0; trial < trials; trial++)
        {
            var done = 0;
            for (var day = 0; day < workingDays && done < remaining && draws.Count > 0; day++)
            {
                done += draws[random.Next(draws.Count)];
            }

            counts[trial] = Math.Min(done, remaining);
        }

        // At least p% of the trials reached a count c: c is the nearest rank p (Percentile.RankOf) of the counts from the highest down.
        Array.Sort(counts);
        Array.Reverse(counts);
        int Reached(int percent) => counts[Percentile.RankOf(percent, trials) - 1];
        return new HowManyBy(by, Reached(50), Reached(85), Reached(95));
    }

    public static string NoThroughput(int weeks) =>
        string.Create(CultureInfo.InvariantCulture, $"No card was completed in the last {weeks} week{(weeks == 1 ? "" : "s")}, so there is no throughput to forecast from.");

    /// <summary>The first <paramref name="count"/> working days after <paramref name="today"/>.</summary>
    private static DateOnly[] WorkingDaysAfter(DateOnly today, int count, WorkingCalendar calendar)
    {
        var days = new DateOnly[count];
        var date = today;
        for (var i = 0; i < count; i++)
        {
            do
            {
                date = date.AddDays(1);
            }
            while (!calendar.IsWorkingDay(date));

            days[i] = date;
        }

        return days;
    }
}
