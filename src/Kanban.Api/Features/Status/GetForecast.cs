using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Kanban.Api.Infrastructure.Access;
using Kanban.Api.Infrastructure.Status;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Kanban.Domain.Outliers;
using Mediator;

namespace Kanban.Api.Features.Status;

/// <summary>
/// When the remaining cards are done, at 50/85/95%: every card on the board not in a done lane, or those
/// of them of <c>class</c> and (both given: and) among <c>cards</c>; with <c>by</c>, how many by that day.
/// </summary>
[BoardAccess(BoardRole.Viewer, ShareView.Status)]
public sealed record GetForecastQuery(Guid BoardId, string? Class, string? Cards, string? By) : IQuery<ForecastResponse>, IBoardRequest;

public sealed class GetForecastValidator : AbstractValidator<GetForecastQuery>
{
    public const int MaxCards = 500;

    public GetForecastValidator()
    {
        RuleFor(q => q.Class).Must(c => c is null || ForecastFilter.TryClass(c, out _))
            .WithMessage($"Class is one of {string.Join(", ", Enum.GetNames<CardClass>())}.");
        RuleFor(q => q.Cards).Must(c => c is null || ForecastFilter.TryCards(c, out _))
            .WithMessage("Cards is a comma-separated list of card ids.")
            .Must(c => c is null || !ForecastFilter.TryCards(c, out var ids) || ids.Count <= MaxCards)
            .WithMessage($"Cards lists at most {MaxCards} card ids.");
        RuleFor(q => q.By).Must(MetricsRange.IsDay).WithMessage("By is a day from 2000-01-01 to 2199-12-31 as yyyy-MM-dd, such as 2027-01-15.");
    }
}

public static class ForecastFilter
{
    public static bool TryClass(string text, out CardClass value) =>
        Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(text, CultureInfo.InvariantCulture, out _);

    public static bool TryCards(string text, out IReadOnlyList<Guid> ids)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var parsed = new List<Guid>(parts.Length);
        foreach (var part in parts)
        {
            if (!Guid.TryParse(part, CultureInfo.InvariantCulture, out var id))
            {
                ids = [];
                return false;
            }

            parsed.Add(id);
        }

        ids = parsed;
        return true;
    }
}

public sealed class GetForecastHandler(StatusReader reader, StatusComputation status, TimeProvider clock) : IQueryHandler<GetForecastQuery, ForecastResponse>
{
    public async ValueTask<ForecastResponse> Handle(GetForecastQuery query, CancellationToken cancellationToken)
    {
        var board = await reader.BoardAsync(query.BoardId, cancellationToken);
        var calendar = WorkingCalendar.Of(board);
        var now = clock.GetUtcNow();
        var today = calendar.DateOf(now);
        DateOnly? by = query.By is { } text && MetricsRange.TryParse(text, out var day) ? day : null;
        if (by is { } date && date.DayNumber - today.DayNumber > MetricsRange.MaxDays)
        {
            throw new ValidationException([new ValidationFailure("By", $"By may be at most {MetricsRange.MaxDays} days after today.")]);
        }

        CardClass? cardClass = query.Class is { } c && ForecastFilter.TryClass(c, out var parsed) ? parsed : null;
        IReadOnlyList<Guid>? ids = query.Cards is { } list && ForecastFilter.TryCards(list, out var cards) ? cards : null;
        var remaining = await reader.RemainingAsync(board, cardClass, ids, cancellationToken);
        var (forecast, _) = await status.ForecastAsync(board, calendar, now, board.Settings.ForecastWeeks, remaining, by, cancellationToken);
        return ForecastResponse.From(forecast);
    }
}
