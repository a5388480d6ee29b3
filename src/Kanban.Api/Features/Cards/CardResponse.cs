using Kanban.Domain.Cards;
using Riok.Mapperly.Abstractions;

namespace Kanban.Api.Features.Cards;

/// <summary>
/// A card as the board shows it. <c>ageDays</c> and <c>daysSinceMove</c> are working days (Monday to
/// Friday in the board's time zone) since <c>startedAt</c> and <c>lastMovedAt</c>, as of when the
/// response or message was made; null while the card has not started (or never moved).
/// </summary>
public sealed record CardResponse(
    Guid Id,
    string Key,
    string Title,
    Guid LaneId,
    long Rank,
    CardClass Class,
    decimal EstimateDays,
    Guid? AssigneeId,
    bool Blocked,
    bool Outlier,
    string? BlockedReason,
    DateTimeOffset? BlockedSince,
    DateTimeOffset? StartedAt,
    DateTimeOffset? LastMovedAt,
    int? AgeDays,
    int? DaysSinceMove)
{
    /// <summary>
    /// The card as of <paramref name="at"/>: its ages counted then, its times to the millisecond
    /// (which every database keeps), so a card read back equals the card a change answered or pushed.
    /// </summary>
    public CardResponse AsOf(BoardTime at)
    {
        var startedAt = ToMilliseconds(StartedAt);
        var lastMovedAt = ToMilliseconds(LastMovedAt);
        return this with
        {
            BlockedSince = ToMilliseconds(BlockedSince),
            StartedAt = startedAt,
            LastMovedAt = lastMovedAt,
            AgeDays = WorkingDays.Since(startedAt, at.Now, at.Zone),
            DaysSinceMove = WorkingDays.Since(lastMovedAt, at.Now, at.Zone),
        };
    }

    private static DateTimeOffset? ToMilliseconds(DateTimeOffset? time) =>
        time is { } t ? t.AddTicks(-(t.Ticks % TimeSpan.TicksPerMillisecond)) : null;
}

/// <summary>A moment on a board's calendar: what a card's age in working days is counted against.</summary>
public sealed record BoardTime(DateTimeOffset Now, TimeZoneInfo Zone)
{
    public static BoardTime Of(TimeProvider clock, string timeZone) => new(clock.GetUtcNow(), WorkingDays.ZoneOf(timeZone));
}

/// <summary>
/// Cards become responses here; the ages depend on the moment, so the mappings leave them out and
/// <see cref="CardResponse.AsOf"/> completes them.
/// </summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class CardMapper
{
    public static CardResponse ToResponse(this Card card, BoardTime at) => card.ToUnagedResponse().AsOf(at);

    public static CardResponse ToResponse(this CardSnapshot card, BoardTime at) => card.ToUnagedResponse().AsOf(at);

    /// <summary>Cards read straight from the database, without their ages: complete them with <see cref="CardResponse.AsOf"/>.</summary>
    // Outlier detection is its own feature; until it lands no card is flagged.
    [MapValue(nameof(CardResponse.Outlier), false)]
    [MapValue(nameof(CardResponse.AgeDays), null)]
    [MapValue(nameof(CardResponse.DaysSinceMove), null)]
    public static partial IQueryable<CardResponse> ProjectToResponse(this IQueryable<Card> cards);

    [MapValue(nameof(CardResponse.Outlier), false)]
    [MapValue(nameof(CardResponse.AgeDays), null)]
    [MapValue(nameof(CardResponse.DaysSinceMove), null)]
    private static partial CardResponse ToUnagedResponse(this Card card);

    [MapValue(nameof(CardResponse.Outlier), false)]
    [MapValue(nameof(CardResponse.AgeDays), null)]
    [MapValue(nameof(CardResponse.DaysSinceMove), null)]
    private static partial CardResponse ToUnagedResponse(this CardSnapshot card);
}
