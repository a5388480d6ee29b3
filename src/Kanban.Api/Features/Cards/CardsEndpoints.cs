using Mediator;

namespace Kanban.Api.Features.Cards;

public static class CardsEndpoints
{
    public static IEndpointRouteBuilder MapCards(this IEndpointRouteBuilder app)
    {
        var cards = app.MapGroup("/api/cards").WithTags("Cards");

        cards.MapPost("/{cardId:guid}/move", async (Guid cardId, MoveCardRequest move, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new MoveCardCommand(cardId, move.LaneId, move.Index, move.Rank), ct)))
            .WithName("MoveCard");

        return app;
    }
}
