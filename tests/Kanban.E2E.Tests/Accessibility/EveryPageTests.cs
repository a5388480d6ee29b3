using System.Net.Http.Json;
using System.Text.Json;
using Kanban.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Kanban.E2E.Tests.Accessibility;

/// <summary>
/// Every page of the SPA, opened by the demo person whose page it is, passes axe with the WCAG 2.2
/// A and AA rules and best practices (<see cref="Axe.Tags"/>) with zero violations, and is kept as a
/// 1440×900 screenshot in TestResults/ (page-NAME.png).
/// </summary>
public sealed class EveryPageTests(BrowserFixture browser, DemoKanbanServer server) : IClassFixture<DemoKanbanServer>
{
    private const string DemoPassword = "kanban-demo";

    private sealed record Visit(string Name, string? Email, string Path, string ReadyTestId, Func<IPage, Task>? Arrange = null);

    [Fact]
    public async Task Every_page_has_zero_axe_violations_with_the_wcag_2_2_rules_and_is_kept_as_a_screenshot()
    {
        var boards = await server.Http.GetFromJsonAsync<JsonElement>("/api/boards");
        var boardId = boards.EnumerateArray().Single(b => b.GetProperty("key").GetString() == "DEMO").GetProperty("id").GetString();
        var board = await server.Http.GetFromJsonAsync<JsonElement>($"/api/boards/{boardId}");
        // A card the board lists (its Done lane shows only the 20 most recent).
        var ticketId = board.GetProperty("cards").EnumerateArray().First().GetProperty("id").GetString();
        var wallLink = await Kanban.E2E.Tests.Wall.WallBoards.WallLinkAsync(server.Http, boardId!);
        Visit[] visits =
        [
            new("signin", null, "/signin", "signin-form"),
            new("boards", "ana@example.com", "/", "board-list"),
            new("board", "ana@example.com", $"/boards/{boardId}", "board", async page =>
                await Assertions.Expect(page.GetByTestId("connection-state")).ToHaveAttributeAsync("data-state", "connected")),
            new("new-ticket", "ben@example.com", $"/boards/{boardId}/tickets/new", "ticket-form", async page =>
            {
                // Typed in, so the gates' summary shows passes and failures, as a person sees it.
                await page.GetByTestId("ticket-title").FillAsync("Email merchants a daily summary of failed payments");
                await Assertions.Expect(page.GetByTestId("ticket-gates")).ToBeVisibleAsync();
                await Assertions.Expect(page.Locator("[data-passed='true']").First).ToBeVisibleAsync();
            }),
            new("ticket", "ben@example.com", $"/tickets/{ticketId}", "ticket-page"),
            new("triage", "ana@example.com", $"/boards/{boardId}/triage", "triage-inbox", async page =>
                await Assertions.Expect(page.GetByTestId("triage-detail")).ToBeVisibleAsync()),
            new("activity", "ana@example.com", $"/boards/{boardId}/activity", "activity-page"),
            new("standup", "cleo@example.com", $"/boards/{boardId}/standup", "standup-page", async page =>
                await Assertions.Expect(page.GetByTestId("standup-list")).ToBeVisibleAsync()),
            new("settings", "ana@example.com", $"/boards/{boardId}/settings", "settings-page", async page =>
                await Assertions.Expect(page.GetByTestId("members-panel")).ToBeVisibleAsync()),
            new("status", "cleo@example.com", $"/status/{boardId}", "status-page", async page =>
            {
                await Assertions.Expect(page.GetByTestId("status-live")).ToHaveAttributeAsync("data-state", "live");
                await Assertions.Expect(page.GetByTestId("status-cfd-chart")).ToBeVisibleAsync();
            }),
            new("people", "admin@example.com", "/admin/people", "people-list"),
            // The wall as a kiosk opens it: a share link, nobody signed in.
            new("wall", null, wallLink, "wall", async page =>
                await Assertions.Expect(page.GetByTestId("wall")).ToHaveAttributeAsync("data-live", "connected")),
            new("not-found", "ana@example.com", "/no-such-page", "page-not-found"),
        ];

        var violations = new List<string>();
        foreach (var visit in visits)
        {
            await browser.WithPagesAsync($"{nameof(EveryPageTests)}-{visit.Name}", 1, async pages =>
            {
                var page = pages[0];
                if (visit.Email is not null)
                {
                    await page.SignInAsync(server, visit.Email, DemoPassword);
                }

                await page.GotoAsync(new Uri(server.BaseAddress, visit.Path).ToString());
                await Assertions.Expect(page.GetByTestId(visit.ReadyTestId)).ToBeVisibleAsync();
                if (visit.Arrange is not null)
                {
                    await visit.Arrange(page);
                }

                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.TestResults, $"page-{visit.Name}.png") });
                violations.AddRange((await Axe.ViolationsAsync(page)).Select(v => $"{visit.Name} ({visit.Path}): {v}"));
            });
        }

        violations.ShouldBeEmpty();
    }
}
