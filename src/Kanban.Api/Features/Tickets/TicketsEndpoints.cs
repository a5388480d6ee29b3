using Mediator;

namespace Kanban.Api.Features.Tickets;

public static class TicketsEndpoints
{
    public static IEndpointRouteBuilder MapTickets(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/boards/{boardId:guid}/tickets", async (Guid boardId, SubmitTicketRequest ticket, ISender sender, CancellationToken ct) =>
        {
            var created = await sender.Send(
                new SubmitTicketCommand(boardId, ticket.Title, ticket.Description, ticket.DefinitionOfDone, ticket.EstimateDays, ticket.Class), ct);
            return TypedResults.Created($"/api/tickets/{created.Id}", created);
        })
            .WithTags("Tickets")
            .WithName("SubmitTicket");

        return app;
    }
}
