using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Kanban.Api.Infrastructure;
using Microsoft.OpenApi;

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

        app.MapGet("/api/boards/{boardId:guid}/triage", async (Guid boardId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetTriageQuery(boardId), ct)))
            .WithTags("Tickets")
            .WithName("GetTriage");

        app.MapGet("/api/boards/{boardId:guid}/triage/count", async (Guid boardId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetTriageCountQuery(boardId), ct)))
            .WithTags("Tickets")
            .WithName("GetTriageCount");

        var tickets = app.MapGroup("/api/tickets").WithTags("Tickets");

        tickets.MapPost("/check", async (CheckTicketRequest draft, ISender sender, CancellationToken ct) =>
        {
            var boardId = draft.BoardId ?? throw new ValidationException([new ValidationFailure("boardId", "Say which board the ticket is for (boardId).")]);
            return TypedResults.Ok(await sender.Send(
                new CheckTicketQuery(boardId, draft.Title, draft.Description, draft.DefinitionOfDone, draft.EstimateDays, draft.Class, draft.TicketId), ct));
        })
            .WithName("CheckTicket");

        tickets.MapGet("/{ticketId:guid}", async (Guid ticketId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new GetTicketQuery(ticketId), ct)))
            .WithName("GetTicket");

        tickets.MapPut("/{ticketId:guid}", async (Guid ticketId, EditTicketRequest ticket, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(
                new EditTicketCommand(ticketId, ticket.Title, ticket.Description, ticket.DefinitionOfDone, ticket.EstimateDays, ticket.Class, ticket.ExpectedUpdatedAt), ct)))
            .WithName("EditTicket");

        // The body is optional: an accept without one puts the card at the end of the backlog.
        tickets.MapPost("/{ticketId:guid}/accept", async (Guid ticketId, HttpRequest request, ISender sender, CancellationToken ct) =>
        {
            var accept = await request.ReadOptionalJsonAsync<AcceptTicketRequest>(ct);
            return TypedResults.Ok(await sender.Send(new AcceptTicketCommand(ticketId, accept?.Index, accept?.Rank, accept?.ExpectedUpdatedAt), ct));
        })
            // Described by hand: declaring the body on the endpoint would make routing turn away requests without one.
            .AddOpenApiOperationTransformer(async (operation, context, ct) => operation.RequestBody = new OpenApiRequestBody
            {
                Required = false,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(AcceptTicketRequest), null, ct) },
                },
            })
            .WithName("AcceptTicket");

        tickets.MapPost("/{ticketId:guid}/send-back", async (Guid ticketId, SendBackTicketRequest sendBack, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new SendBackTicketCommand(ticketId, sendBack.Comment), ct)))
            .WithName("SendBackTicket");

        tickets.MapPost("/{ticketId:guid}/reject", async (Guid ticketId, RejectTicketRequest reject, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new RejectTicketCommand(ticketId, reject.Reason), ct)))
            .WithName("RejectTicket");

        tickets.MapPost("/{ticketId:guid}/merge", async (Guid ticketId, MergeTicketRequest merge, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new MergeTicketCommand(ticketId, merge.OriginalId), ct)))
            .WithName("MergeTicket");

        tickets.MapPost("/{ticketId:guid}/comments", async (Guid ticketId, CommentOnTicketRequest comment, ISender sender, CancellationToken ct) =>
        {
            var created = await sender.Send(new CommentOnTicketCommand(ticketId, comment.Text), ct);
            // Comments are read with their ticket, which is where the new one is.
            return TypedResults.Created($"/api/tickets/{ticketId}", created);
        })
            .WithName("CommentOnTicket");

        tickets.MapPost("/{ticketId:guid}/undo", async (Guid ticketId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new UndoTriageDecisionCommand(ticketId), ct)))
            .WithName("UndoTriageDecision");

        tickets.MapPost("/{ticketId:guid}/mark-distinct", async (Guid ticketId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new MarkTicketDistinctCommand(ticketId), ct)))
            .WithName("MarkTicketDistinct");

        return app;
    }
}
