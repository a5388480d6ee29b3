using Kanban.Domain.Cards;
using Riok.Mapperly.Abstractions;

namespace Kanban.Api.Features.Cards;

/// <summary>A card as the board shows it.</summary>
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
    bool Outlier);

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class CardMapper
{
    // Outlier detection is its own feature; until it lands no card is flagged.
    [MapValue(nameof(CardResponse.Outlier), false)]
    public static partial CardResponse ToResponse(this Card card);

    [MapValue(nameof(CardResponse.Outlier), false)]
    public static partial CardResponse ToResponse(this CardSnapshot card);

    [MapValue(nameof(CardResponse.Outlier), false)]
    public static partial IQueryable<CardResponse> ProjectToResponse(this IQueryable<Card> cards);
}
