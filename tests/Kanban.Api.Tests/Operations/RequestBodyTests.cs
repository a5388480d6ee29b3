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

        foreach (var path in new[] { $"/api/tickets/{ticket.Id}/accept", $"/api/boards/{board.Id}/line/stop" })
        {
            var response = await _client.PostAsync(path, content: null);

            var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
            problem.Type.ShouldBe("urn:kanban:problem:validation-failed");
            problem.Detail.ShouldNotBeNull().ShouldContain("Content-Type: application/json");
        }

        (await _client.GetBoardAsync(board.Id)).Line.Stopped.ShouldBeFalse("nothing was done");
    }

    [Fact]
    public async Task A_post_to_a_route_that_does_not_exist_is_still_a_404()
    {
        var response = await _client.PostAsync($"/api/tickets/{Guid.NewGuid()}/approve", content: null);

        (await response.ReadProblemAsync(HttpStatusCode.NotFound)).Type.ShouldBe("urn:kanban:problem:not-found");
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
