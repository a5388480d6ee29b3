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

        cards.MapPost("/{cardId:guid}/assign", async (Guid cardId, AssignCardRequest assign, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new AssignCardCommand(cardId, assign.UserId), ct)))
            .WithName("AssignCard");

        cards.MapPost("/{cardId:guid}/block", async (Guid cardId, BlockCardRequest block, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new BlockCardCommand(cardId, block.Reason), ct)))
            .WithName("BlockCard");

        cards.MapPost("/{cardId:guid}/unblock", async (Guid cardId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new UnblockCardCommand(cardId), ct)))
            .WithName("UnblockCard");

        return app;
    }
}
