using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Kanban.Api.Features.BoardFiles;
using Kanban.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Tests.Features.BoardFiles;

/// <summary>Board files written by hand, and what the tests of export and import share.</summary>
public static class BoardFileSamples
{
    /// <summary>The least a board file needs: a board, a backlog, a done lane and a product owner.</summary>
    public static JsonObject Minimal(string key, string productOwner) => new()
    {
        ["format"] = "kanban-board/1",
        ["board"] = new JsonObject { ["name"] = "Minimal", ["key"] = key },
        ["lanes"] = new JsonArray(
            new JsonObject { ["name"] = "Backlog", ["kind"] = "Backlog" },
            new JsonObject { ["name"] = "Done", ["kind"] = "Done" }),
        ["members"] = new JsonArray(new JsonObject { ["email"] = productOwner, ["role"] = "ProductOwner" }),
        ["tickets"] = new JsonArray(),
        ["line"] = new JsonArray(),
    };

    /// <summary>
    /// A board with known history: IMP-1 went all the way to Done, IMP-2 and IMP-4 are in Doing (IMP-2
    /// assigned and blocked), IMP-3 waits in the backlog, IMP-5 was sent back and then rejected; IMP-6
    /// was merged into IMP-8, which waits in triage as a likely duplicate of IMP-2; IMP-7 was sent back.
    /// Comments of IMP-5 (its reason), IMP-7 and IMP-8 have no kind: it is read from the ticket's state.
    /// The line stopped and resumed once and is stopped by hand now.
    /// </summary>
    public static JsonObject Known(string key = "IMP") => JsonNode.Parse($$"""
        {
          "format": "kanban-board/1",
          "board": { "name": "Imported payments", "key": "{{key}}", "timeZone": "Europe/London",
                     "settings": { "personalWipLimit": 3, "stopLineThreshold": 4, "staleDays": 5,
                                   "maxEstimateDays": 8, "duplicateThreshold": 0.7, "fillerWords": ["works"] } },
          "lanes": [
            { "name": "Backlog", "kind": "Backlog", "wipLimit": null, "untested": false, "order": 0 },
            { "name": "Ready", "kind": "Queue", "wipLimit": 5, "untested": false, "order": 1 },
            { "name": "Doing", "kind": "Active", "wipLimit": 1, "untested": false, "order": 2 },
            { "name": "Test", "kind": "Queue", "wipLimit": 3, "untested": true, "order": 3 },
            { "name": "Done", "kind": "Done", "wipLimit": null, "untested": false, "order": 4 }
          ],
          "members": [
            { "email": "po@import.example", "displayName": "Pat Owner", "role": "ProductOwner" },
            { "email": "dev@import.example", "displayName": "Dev One", "role": "Member" },
            { "email": "viewer@import.example", "role": "Viewer" }
          ],
          "tickets": [
            { "key": "{{key}}-1", "title": "Capture payments", "description": "d1", "definitionOfDone": ["Captured once"],
              "estimateDays": 2.5, "class": "Standard", "state": "OnBoard", "lane": "Done", "rank": 1024,
              "assignee": null, "blocked": null, "createdAt": "2026-10-01T08:00:00Z",
              "history": [
                { "at": "2026-10-01T08:00:00Z", "from": null, "to": "Backlog", "by": "po@import.example" },
                { "at": "2026-10-02T09:00:00Z", "from": "Backlog", "to": "Ready", "by": "po@import.example" },
                { "at": "2026-10-03T09:00:00Z", "from": "Ready", "to": "Doing", "by": "dev@import.example" },
                { "at": "2026-10-05T09:00:00Z", "from": "Doing", "to": "Test", "by": "dev@import.example" },
                { "at": "2026-10-06T10:00:00Z", "from": "Test", "to": "Done", "by": "po@import.example" }
              ], "comments": [], "duplicateOf": null },
            { "key": "{{key}}-2", "title": "Refund partly", "description": "d2", "definitionOfDone": [],
              "estimateDays": 1, "class": "Risk", "state": "OnBoard", "lane": "Doing", "rank": 2048,
              "assignee": "dev@import.example", "blocked": { "reason": "Waiting on the bank", "since": "2026-10-07T12:00:00Z" },
              "createdAt": "2026-10-04T08:00:00Z",
              "history": [
                { "at": "2026-10-04T08:00:00Z", "from": null, "to": "Backlog", "by": null },
                { "at": "2026-10-05T08:00:00Z", "from": "Backlog", "to": "Ready", "by": "po@import.example" },
                { "at": "2026-10-06T09:00:00Z", "from": "Ready", "to": "Doing", "by": "dev@import.example" }
              ], "comments": [], "duplicateOf": null },
            { "key": "{{key}}-3", "title": "Idempotent payments", "estimateDays": 3, "state": "OnBoard", "lane": "Backlog",
              "createdAt": "2026-10-08T10:00:00+02:00",
              "history": [ { "at": "2026-10-08T08:00:00Z", "from": null, "to": "Backlog", "by": "someone@elsewhere.example" } ] },
            { "key": "{{key}}-4", "title": "Webhook signatures", "estimateDays": 1, "state": "OnBoard", "lane": "Doing", "rank": 1024,
              "createdAt": "2026-10-01T08:00:00Z",
              "history": [
                { "at": "2026-10-01T08:00:00Z", "from": null, "to": "Backlog", "by": null },
                { "at": "2026-10-02T08:00:00Z", "from": "Backlog", "to": "Doing", "by": null },
                { "at": "2026-10-03T08:00:00Z", "from": "Doing", "to": "Done", "by": null },
                { "at": "2026-10-04T08:00:00Z", "from": "Done", "to": "Doing", "by": null }
              ] },
            { "key": "{{key}}-5", "title": "Pay in crypto", "estimateDays": 0, "state": "Rejected", "lane": null,
              "createdAt": "2026-10-02T08:00:00Z", "history": [], "submittedBy": "dev@import.example",
              "comments": [
                { "at": "2026-10-02T09:00:00Z", "by": "po@import.example", "text": "Which coins, and why?", "kind": "SentBack" },
                { "at": "2026-10-03T09:00:00Z", "by": "po@import.example", "text": "Not this year: the bank will not settle it." }
              ] },
            { "key": "{{key}}-6", "title": "Let customers see refunds", "description": "Show refunds.", "estimateDays": 1,
              "state": "Merged", "createdAt": "2026-10-10T08:00:00Z", "submittedBy": "dev@import.example",
              "duplicateOf": "{{key}}-8", "likelyDuplicateOf": null },
            { "key": "{{key}}-7", "title": "Faster", "estimateDays": 1, "state": "SentBack",
              "createdAt": "2026-10-09T09:00:00Z", "submittedBy": "reporter@elsewhere.example",
              "comments": [ { "at": "2026-10-09T11:00:00Z", "by": "po@import.example", "text": "Faster than what? Say which page." } ] },
            { "key": "{{key}}-8", "title": "Show the refund status on the order page",
              "description": "Customers ask support whether their refund went through; the order page should show the refund state and date so they can see it themselves.",
              "definitionOfDone": ["The order page shows the refund state and its date"], "estimateDays": 2,
              "state": "Triage", "createdAt": "2026-10-09T08:00:00Z", "submittedBy": null, "likelyDuplicateOf": "{{key}}-2",
              "comments": [ { "at": "2026-10-10T09:00:00Z", "by": null, "text": "Merged duplicate {{key}}-6: Let customers see refunds" } ] }
          ],
          "line": [
            { "kind": "Manual", "reason": "Production outage", "by": "dev@import.example",
              "stoppedAt": "2026-10-05T10:00:00Z", "resumedAt": "2026-10-05T12:00:00Z",
              "resumedBy": "po@import.example", "resumeNote": "Fixed" },
            { "kind": "Manual", "reason": "Payments are down", "by": "dev@import.example",
              "stoppedAt": "2026-10-09T10:00:00Z", "resumedAt": null }
          ]
        }
        """)!.AsObject();

    public static Task<HttpResponseMessage> ImportAsync(this HttpClient client, JsonNode file) =>
        client.ImportAsync(file.ToJsonString());

    public static Task<HttpResponseMessage> ImportAsync(this HttpClient client, string file) =>
        client.PostAsync("/api/boards/import", new StringContent(file, Encoding.UTF8, "application/json"));

    public static async Task<ImportedBoardResponse> ImportOkAsync(this HttpClient client, JsonNode file) =>
        await (await client.ImportAsync(file)).ReadAsync<ImportedBoardResponse>(HttpStatusCode.Created);

    public static async Task<JsonObject> ExportAsync(this HttpClient client, Guid boardId)
    {
        var response = await client.GetAsync($"/api/boards/{boardId}/export");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>How many rows an import would add to: what a refused import must leave alone.</summary>
    public static Task<(int Boards, int Cards, int Transitions, int Users, int Stops, int Comments)> CountsAsync(this KanbanApiFactory factory) =>
        factory.WithDbAsync(async db => (
            await db.Boards.CountAsync(),
            await db.Cards.CountAsync(),
            await db.CardTransitions.CountAsync(),
            await db.Users.CountAsync(),
            await db.LineStops.CountAsync(),
            await db.TicketComments.CountAsync()));

    /// <summary>The file without the ids a server assigns, so two servers' exports compare.</summary>
    public static JsonNode? WithoutIds(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                var copy = new JsonObject();
                foreach (var (name, value) in o)
                {
                    if (!name.Equals("id", StringComparison.OrdinalIgnoreCase) && !name.EndsWith("Id", StringComparison.Ordinal))
                    {
                        copy[name] = WithoutIds(value);
                    }
                }

                return copy;
            case JsonArray a:
                return new JsonArray([.. a.Select(WithoutIds)]);
            default:
                return node?.DeepClone();
        }
    }
}
