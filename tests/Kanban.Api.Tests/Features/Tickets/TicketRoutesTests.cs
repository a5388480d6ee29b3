using System.Net;
using System.Net.Http.Json;
using Kanban.Api.Features.ShareLinks;
using Kanban.Api.Tests.Infrastructure;
using TestApi = Kanban.Api.Tests.Infrastructure.Api;

namespace Kanban.Api.Tests.Features.Tickets;

/// <summary>
/// What every ticket route has in common: an unknown ticket, or one on a board the caller is not on,
/// is 404; a share link may use none of them; every refusal is a ProblemDetails.
/// </summary>
public sealed class TicketRoutesTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private readonly HttpClient _owner = factory.CreateClient();

    /// <summary>Every route on one ticket, with a body that is valid, so that only the ticket can be at fault.</summary>
    private static IEnumerable<(HttpMethod Method, string Url, object? Body)> TicketRoutes(Guid ticketId, Guid originalId) =>
    [
        (HttpMethod.Get, $"/api/tickets/{ticketId}", null),
        (HttpMethod.Put, $"/api/tickets/{ticketId}", TestApi.GoodTicket()),
        (HttpMethod.Post, $"/api/tickets/{ticketId}/accept", new { }),
        (HttpMethod.Post, $"/api/tickets/{ticketId}/send-back", new { comment = "Name the page" }),
        (HttpMethod.Post, $"/api/tickets/{ticketId}/reject", new { reason = "Not ours" }),
        (HttpMethod.Post, $"/api/tickets/{ticketId}/merge", new { originalId }),
        (HttpMethod.Post, $"/api/tickets/{ticketId}/mark-distinct", null),
    ];

    [Fact]
    public async Task An_unknown_ticket_is_404_on_every_ticket_route()
    {
        var board = await _owner.CreateBoardAsync();
        var original = await _owner.SubmitTicketAsync(board.Id);

        var failures = new List<string>();
        foreach (var (method, url, body) in TicketRoutes(Guid.NewGuid(), original.Id))
        {
            var response = await SendAsync(_owner, method, url, body);
            await CollectAsync(failures, $"{method} {url}", response, HttpStatusCode.NotFound, "not-found");
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_ticket_on_a_board_the_caller_is_not_on_is_404_on_every_ticket_route_and_nobody_gets_401()
    {
        var board = await _owner.CreateBoardAsync();
        var original = await _owner.SubmitTicketAsync(board.Id, "The original of a duplicate");
        var ticket = await _owner.SubmitTicketAsync(board.Id);
        using var outsider = await factory.CreateClientForAsync("routes-outsider@test.example");
        using var anonymous = factory.CreateAnonymousClient();

        var failures = new List<string>();
        foreach (var (method, url, body) in TicketRoutes(ticket.Id, original.Id))
        {
            await CollectAsync(failures, $"{method} {url} as an outsider", await SendAsync(outsider, method, url, body), HttpStatusCode.NotFound, "not-found");
            await CollectAsync(failures, $"{method} {url} as nobody", await SendAsync(anonymous, method, url, body), HttpStatusCode.Unauthorized, "unauthorized");
        }

        failures.ShouldBeEmpty();
        var detail = await _owner.GetTicketAsync(ticket.Id);
        detail.Title.ShouldBe(ticket.Title);
        detail.State.ShouldBe(Kanban.Domain.Cards.TicketState.Triage);
    }

    [Theory]
    [InlineData("wall")]
    [InlineData("status")]
    public async Task A_share_link_may_use_no_ticket_route(string view)
    {
        var board = await _owner.CreateBoardAsync();
        var original = await _owner.SubmitTicketAsync(board.Id, "The original of a duplicate");
        var ticket = await _owner.SubmitTicketAsync(board.Id);
        var link = await (await _owner.PostJsonAsync($"/api/boards/{board.Id}/share-links", new { view }))
            .ReadAsync<CreatedShareLinkResponse>(HttpStatusCode.Created);
        var token = link.Url.Split("share=")[1];
        using var anonymous = factory.CreateAnonymousClient();
        var before = await _owner.GetBoardAsync(board.Id);
        var routes = TicketRoutes(ticket.Id, original.Id).Concat(
        [
            (HttpMethod.Get, $"/api/boards/{board.Id}/triage", null),
            (HttpMethod.Post, $"/api/boards/{board.Id}/tickets", TestApi.GoodTicket()),
            (HttpMethod.Post, "/api/tickets/check", new
            {
                boardId = board.Id, title = "Show the refund status", description = "Text", definitionOfDone = new[] { "One criterion of four words" }, estimateDays = 1,
            }),
        ]);

        var failures = new List<string>();
        foreach (var (method, url, body) in routes)
        {
            var response = await SendAsync(anonymous, method, $"{url}?share={token}", body);
            await CollectAsync(failures, $"{method} {url} with a {view} link", response, HttpStatusCode.Forbidden, "forbidden");
        }

        failures.ShouldBeEmpty();
        var after = await _owner.GetBoardAsync(board.Id);
        after.Version.ShouldBe(before.Version);
        (await _owner.GetTriageAsync(board.Id)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_ticket_in_triage_is_not_a_card_and_cannot_be_moved_assigned_or_blocked_onto_the_board()
    {
        var board = await _owner.CreateBoardAsync();
        var ownerId = await factory.UserIdOfAsync(KanbanApiFactory.Owner);
        var ticket = await _owner.SubmitTicketAsync(board.Id);
        var before = await _owner.GetBoardAsync(board.Id);

        var failures = new List<string>();
        await CollectAsync(failures, "move", await _owner.MoveAsync(ticket.Id, board.LaneId("Ready")), HttpStatusCode.NotFound, "not-found");
        await CollectAsync(failures, "move to the backlog", await _owner.MoveAsync(ticket.Id, board.LaneId("Backlog")), HttpStatusCode.NotFound, "not-found");
        await CollectAsync(failures, "assign", await _owner.AssignAsync(ticket.Id, ownerId), HttpStatusCode.NotFound, "not-found");
        await CollectAsync(failures, "block", await _owner.PostJsonAsync($"/api/cards/{ticket.Id}/block", new { reason = "Waiting" }), HttpStatusCode.NotFound, "not-found");

        failures.ShouldBeEmpty();
        var after = await _owner.GetBoardAsync(board.Id);
        after.Version.ShouldBe(before.Version);
        after.Cards.ShouldBeEmpty();
        (await _owner.GetTicketAsync(ticket.Id)).State.ShouldBe(Kanban.Domain.Cards.TicketState.Triage);
    }

    /// <summary>
    /// A POST without a JSON body to a route that exists is a bad request (400, naming what is
    /// missing, or 415), never "there is no such route".
    /// </summary>
    [Theory]
    [InlineData("send-back")]
    [InlineData("reject")]
    [InlineData("merge")]
    public async Task A_decision_posted_without_a_body_is_a_bad_request_not_an_unknown_route(string action)
    {
        var board = await _owner.CreateBoardAsync();
        var ticket = await _owner.SubmitTicketAsync(board.Id);

        var response = await _owner.PostAsync($"/api/tickets/{ticket.Id}/{action}", null);

        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBeOneOf([400, 415], body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await _owner.GetTicketAsync(ticket.Id)).State.ShouldBe(Kanban.Domain.Cards.TicketState.Triage);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object? body)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: TestApi.Json);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Notes a response that is not <paramref name="status"/> as a ProblemDetails of type <paramref name="problem"/>.</summary>
    private static async Task CollectAsync(List<string> failures, string what, HttpResponseMessage response, HttpStatusCode status, string problem)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != status)
        {
            failures.Add($"{what}: expected {(int)status}, got {(int)response.StatusCode} {body}");
        }
        else if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            failures.Add($"{what}: {(int)status} is not application/problem+json but '{response.Content.Headers.ContentType}' with '{body}'");
        }
        else if (System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("type").GetString() != $"urn:kanban:problem:{problem}")
        {
            failures.Add($"{what}: expected type urn:kanban:problem:{problem}, got {body}");
        }
    }
}
