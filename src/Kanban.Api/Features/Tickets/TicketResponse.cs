using Kanban.Domain.Cards;
using Riok.Mapperly.Abstractions;

namespace Kanban.Api.Features.Tickets;

public sealed record TicketResponse(
    Guid Id,
    string Key,
    Guid BoardId,
    string Title,
    string Description,
    IReadOnlyList<string> DefinitionOfDone,
    decimal EstimateDays,
    CardClass Class,
    TicketState State,
    Guid? LaneId,
    long Rank,
    DateTimeOffset CreatedAt);

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class TicketMapper
{
    public static partial TicketResponse ToTicketResponse(this Card card);
}
