using System.Net;
using Kanban.Api.Tests.Infrastructure;

namespace Kanban.Api.Tests.Operations;

/// <summary>A route that takes a JSON body, called without one, says so instead of claiming the route does not exist.</summary>
public sealed class RequestBodyTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_post_without_a_body_to_a_route_that_takes_one_is_a_400_that_asks_for_json()
    {
        var board = await _client.CreateBoardAsync();
        var ticket = await _client.SubmitTicketAsync(board.Id);

        foreach (var path in new[] { $"/api/tickets/{ticket.Id}/send-back", $"/api/boards/{board.Id}/line/stop" })
        {
            var response = await _client.PostAsync(path, content: null);

            var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
            problem.Type.ShouldBe("urn:kanban:problem:validation-failed");
            problem.Detail.ShouldNotBeNull().ShouldContain("Content-Type: application/json");
        }

        (await _client.GetBoardAsync(board.Id)).Line.Stopped.ShouldBeFalse("nothing was done");
        (await _client.GetTicketAsync(ticket.Id)).State.ShouldBe(Kanban.Domain.Cards.TicketState.Triage);
    }

    [Fact]
    public async Task A_post_to_a_route_that_does_not_exist_is_still_a_404()
    {
        var response = await _client.PostAsync($"/api/tickets/{Guid.NewGuid()}/approve", content: null);

        (await response.ReadProblemAsync(HttpStatusCode.NotFound)).Type.ShouldBe("urn:kanban:problem:not-found");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_accepts_optional_body()
    {
        using var document = System.Text.Json.JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json"));

        var body = document.RootElement.GetProperty("paths").GetProperty("/api/tickets/{ticketId}/accept").GetProperty("post").GetProperty("requestBody");

        body.TryGetProperty("required", out var required).ShouldBe(required.ValueKind == System.Text.Json.JsonValueKind.False);
        var schema = body.GetProperty("content").GetProperty("application/json").GetProperty("schema").ToString();
        schema.ShouldContain("\"index\"");
        schema.ShouldContain("\"rank\"");
    }

    [Fact]
    public async Task A_route_without_a_body_works_without_one()
    {
        var board = await _client.CreateBoardAsync();
        var ticket = await _client.SubmitTicketAsync(board.Id);

        var response = await _client.PostAsync($"/api/tickets/{ticket.Id}/mark-distinct", content: null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
