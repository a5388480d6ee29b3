using System.Net;
using System.Text.Json;
using Kanban.Api.Tests.Infrastructure;

namespace Kanban.Api.Tests.Operations;

public sealed class OperationsTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_healthy(string path)
    {
        var response = await _client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task The_openapi_document_describes_every_api_route()
    {
        var document = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldBe(
        [
            "/api/boards",
            "/api/boards/{boardId}",
            "/api/boards/{boardId}/people",
            "/api/boards/{boardId}/settings",
            "/api/boards/{boardId}/activity",
            "/api/boards/{boardId}/export",
            "/api/boards/import",
            "/api/boards/{boardId}/line/stop",
            "/api/boards/{boardId}/line/resume",
            "/api/cards/{cardId}/assign",
            "/api/cards/{cardId}/block",
            "/api/cards/{cardId}/unblock",
            "/api/boards/{boardId}/lanes",
            "/api/boards/{boardId}/lanes/{laneId}",
            "/api/boards/{boardId}/lanes/{laneId}/cards",
            "/api/boards/{boardId}/tickets",
            "/api/boards/{boardId}/triage",
            "/api/boards/{boardId}/triage/count",
            "/api/boards/{boardId}/outliers",
            "/api/boards/{boardId}/status",
            "/api/boards/{boardId}/forecast",
            "/api/boards/{boardId}/metrics/cfd",
            "/api/boards/{boardId}/metrics/cycle-times",
            "/api/boards/{boardId}/metrics/throughput",
            "/api/boards/{boardId}/status/notes",
            "/api/tickets/check",
            "/api/tickets/{ticketId}",
            "/api/tickets/{ticketId}/accept",
            "/api/tickets/{ticketId}/send-back",
            "/api/tickets/{ticketId}/reject",
            "/api/tickets/{ticketId}/merge",
            "/api/tickets/{ticketId}/mark-distinct",
            "/api/tickets/{ticketId}/comments",
            "/api/tickets/{ticketId}/undo",
            "/api/cards/{cardId}/move",
            "/api/auth/login",
            "/api/auth/logout",
            "/api/auth/token",
            "/api/me",
            "/api/auth/session",
            "/api/environment",
            "/api/users",
            "/api/boards/{boardId}/members",
            "/api/boards/{boardId}/members/{userId}",
            "/api/boards/{boardId}/share-links",
            "/api/share-links/{shareLinkId}",
        ], ignoreOrder: true);
    }
}
