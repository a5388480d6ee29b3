using System.Globalization;
using FluentValidation;
using FluentValidation.Results;

namespace Kanban.Api.Features.Status;

/// <summary>
/// A metrics route's date range, <c>from</c> and <c>to</c> as <c>yyyy-MM-dd</c> days of the board's time zone,
/// both included: by default <c>to</c> is today and <c>from</c> 90 days before it; <c>from</c> may not be after
/// <c>to</c>, nor more than <see cref="MaxDays"/> days before it.
/// </summary>
public static class MetricsRange
{
    public const int DefaultDays = 90;
    public const int MaxDays = 731;

    /// <summary>The days a range may name: a board's history lies well inside them, and the day arithmetic around them cannot overflow.</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);
    public static readonly DateOnly Latest = new(2199, 12, 31);

    public static bool IsDay(string? text) => text is null || TryParse(text, out _);

    public static bool TryParse(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day)
        && day >= Earliest && day <= Latest;

    /// <summary>The range with its defaults filled in; a range the defaults make wrong is refused as one given so would be.</summary>
    public static (DateOnly From, DateOnly To) Resolve(string? from, string? to, DateOnly today)
    {
        var end = to is null ? today : Parse(to);
        var start = from is null ? end.AddDays(-DefaultDays) : Parse(from);
        if (start > end)
        {
            throw new ValidationException([new ValidationFailure("From", $"From ({Show(start)}) must not be after to ({Show(end)}).")]);
        }

        if (end.DayNumber - start.DayNumber > MaxDays)
        {
            throw new ValidationException([new ValidationFailure("From", $"The range may span at most {MaxDays} days; from {Show(start)} to {Show(end)} is {end.DayNumber - start.DayNumber}.")]);
        }

        return (start, end);
    }

    private static DateOnly Parse(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Show(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The shape of a range: each end a day as <c>yyyy-MM-dd</c>; when both are given, in order and at most 731 days apart.</summary>
public abstract class MetricsRangeValidator<T> : AbstractValidator<T>
{
    protected MetricsRangeValidator(Func<T, string?> from, Func<T, string?> to)
    {
        RuleFor(q => from(q)).Must(MetricsRange.IsDay).WithName("From").OverridePropertyName("From")
            .WithMessage("From is a day from 2000-01-01 to 2199-12-31 as yyyy-MM-dd, such as 2026-10-01.");
        RuleFor(q => to(q)).Must(MetricsRange.IsDay).WithName("To").OverridePropertyName("To")
            .WithMessage("To is a day from 2000-01-01 to 2199-12-31 as yyyy-MM-dd, such as 2026-10-31.");
        RuleFor(q => q).Must(q => InOrder(from(q), to(q))).OverridePropertyName("From")
            .When(q => from(q) is { } f && to(q) is { } t && MetricsRange.TryParse(f, out _) && MetricsRange.TryParse(t, out _))
            .WithMessage(q => $"From must not be after to, and at most {MetricsRange.MaxDays} days before it.");
    }

    private static bool InOrder(string? from, string? to) =>
        MetricsRange.TryParse(from!, out var start) && MetricsRange.TryParse(to!, out var end)
        && start <= end && end.DayNumber - start.DayNumber <= MetricsRange.MaxDays;
}
