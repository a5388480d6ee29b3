using System.Net.Http.Json;
using System.Text.Json;
using Kanban.Tests.Shared;

namespace Kanban.E2E.Tests.Infrastructure;

/// <summary>Arranges boards and tickets through the HTTP API, as another client would.</summary>
public static class BoardApi
{
    private static int s_boardNumber;

    public static async Task<JsonElement> CreateBoardAsync(this HttpClient http, string name)
    {
        var key = $"E{Interlocked.Increment(ref s_boardNumber)}";
        var response = await http.PostAsJsonAsync("/api/boards", new { name, key });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Submits a ticket into triage and accepts it onto the backlog (the client must be a product owner): the card on the board.</summary>
    public static async Task<JsonElement> AddCardAsync(this HttpClient http, string boardId, string title)
    {
        var ticket = await http.SubmitTicketAsync(boardId, title);
        var response = await http.PostAsJsonAsync($"/api/tickets/{ticket.Id()}/accept", new { });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Submits a ticket that passes every quality gate into the board's triage inbox.</summary>
    public static async Task<JsonElement> SubmitTicketAsync(this HttpClient http, string boardId, string title)
    {
        var response = await http.PostAsJsonAsync($"/api/boards/{boardId}/tickets", new
        {
            title,
            description = DistinctText.Description(title),
            definitionOfDone = new[] { "The list shows every payment that failed since midnight" },
            estimateDays = 1,
        });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The ticket in triage, as <c>GET /api/tickets/{id}</c> answers.</summary>
    public static async Task<JsonElement> GetTicketAsync(this HttpClient http, string ticketId)
    {
        var response = await http.GetAsync($"/api/tickets/{ticketId}");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task MoveAsync(this HttpClient http, JsonElement card, string laneId)
    {
        var response = await http.PostAsJsonAsync($"/api/cards/{card.Id()}/move", new { laneId });
        response.EnsureSuccessStatusCode();
    }

    public static string LaneId(this JsonElement board, string name) =>
        board.GetProperty("lanes").EnumerateArray().Single(l => l.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;

    public static string Id(this JsonElement element) => element.GetProperty("id").GetString()!;
}
