using System.Net.Http.Json;
using System.Text.Json;
using Kanban.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Kanban.E2E.Tests.Security;

/// <summary>Whatever people type is stored as given and shown as text: markup never renders and script never runs.</summary>
public sealed class InertTextTests(BrowserFixture browser, KanbanServer server) : IClassFixture<KanbanServer>
{
    private const string BoardName = "<img src=x onerror=\"window.pwned='board'\">Ops";
    private const string LaneName = "<script>window.pwned='lane'</script>Ready";
    private const string CardTitle = "<img src=x onerror=\"window.pwned='card'\"> refund page";
    private const string LinkTitle = "<a href=\"javascript:window.pwned='link'\">click me</a> now";
    private const string RightToLeft = "\u202Eتحديث صفحة الاسترداد للعملاء";
    private const string StopReason = "<b onmouseover=\"window.pwned='reason'\">bold</b> reason";
    private const string PersonName = "<img src=x onerror=\"window.pwned='person'\">Mallory";
    private const string TriageTitle = "<svg onload=\"window.pwned='triage'\"></svg>Refund page in triage";
    private const string Description =
        "<script>window.pwned='description'</script> Customers cannot see their refunds, so show the refund state and date on the order page <a href=\"javascript:alert(1)\">a link</a>";
    private const string BlockReason = "<img src=x onerror=\"window.pwned='block'\">waiting on the bank";
    private const string NoteText = "<img src=x onerror=\"window.pwned='note'\"> the keys arrive Monday";
    private const string Criterion = "<img src=x onerror=alert(1)> shows as plain text on the page";

    /// <summary>As long as the title gate allows (120 characters), without a word to break at.</summary>
    private static readonly string LongTitle = "Very-long-title-without-any-break-" + new string('x', 86);

    [Fact]
    public async Task Markup_and_script_in_user_text_show_as_text_and_run_nothing_on_every_page()
    {
        var (boardId, triageTicketId) = await ArrangeAsync();
        var wallLink = await Kanban.E2E.Tests.Wall.WallBoards.WallLinkAsync(server.Http, boardId);

        await browser.WithPagesAsync(nameof(Markup_and_script_in_user_text_show_as_text_and_run_nothing_on_every_page), 1, async pages =>
        {
            var page = pages[0];
            await page.SignInAsync(server);
            var checks = new (string Path, string[] Texts)[]
            {
                ("/", [BoardName]),
                ($"/boards/{boardId}", [BoardName, LaneName, CardTitle, LinkTitle, RightToLeft, LongTitle, StopReason]),
                ($"/boards/{boardId}/settings", [BoardName]),
                ($"/boards/{boardId}/activity", [StopReason]),
                ($"/boards/{boardId}/triage", [TriageTitle, "Customers cannot see their refunds"]),
                ($"/tickets/{triageTicketId}", [TriageTitle, "Customers cannot see their refunds", "shows as plain text on the page"]),
                ("/admin/people", [PersonName]),
                ($"/status/{boardId}", [BoardName, CardTitle, BlockReason, StopReason, NoteText]),
                // The wall, as a member opens it and as a kiosk does with a share link.
                ($"/wall/{boardId}", [BoardName, LaneName, CardTitle, LinkTitle, RightToLeft, LongTitle, StopReason]),
                (wallLink, [BoardName, LaneName, CardTitle, LinkTitle, RightToLeft, LongTitle, StopReason]),
            };

            foreach (var (path, texts) in checks)
            {
                await page.GotoAsync(new Uri(server.BaseAddress, path).ToString());
                foreach (var text in texts)
                {
                    await Assertions.Expect(page.GetByText(text, new PageGetByTextOptions { Exact = false }).First).ToBeVisibleAsync();
                }

                await page.Mouse.MoveAsync(10, 10);
                (await page.EvaluateAsync<string?>("() => window.pwned ?? null")).ShouldBeNull($"script ran on {path}");
                (await page.Locator("img[src='x'], a[href^='javascript:'], b[onmouseover], svg[onload]").CountAsync()).ShouldBe(0, $"markup rendered on {path}");
                (await page.Locator("script:not([src])").CountAsync()).ShouldBe(0, $"an inline script on {path}");
            }

            await page.GotoAsync(new Uri(server.BaseAddress, $"/boards/{boardId}/tickets/new").ToString());
            await page.GetByTestId("ticket-title").FillAsync(CardTitle);
            await page.GetByTestId("ticket-description").FillAsync(Description);
            await page.GetByTestId("ticket-dod-0").FillAsync(Criterion);
            await page.GetByTestId("ticket-estimate").FillAsync("1");
            await Assertions.Expect(page.GetByTestId("gate-description")).ToHaveAttributeAsync("data-passed", "true");
            (await page.EvaluateAsync<string?>("() => window.pwned ?? null")).ShouldBeNull("script ran on the submit form");
            (await page.Locator("img[src='x'], a[href^='javascript:']").CountAsync()).ShouldBe(0, "markup rendered on the submit form");

            await page.GotoAsync(new Uri(server.BaseAddress, $"/boards/{boardId}/settings").ToString());
            await Assertions.Expect(page.GetByTestId("settings-form-board")).ToBeVisibleAsync();
            (await page.EvaluateAsync<bool>("name => [...document.querySelectorAll('input')].some(i => i.value === name)", LaneName))
                .ShouldBeTrue("the lane's name is edited as the text it is");
        });
    }

    /// <summary>A board whose every text field a person can fill holds markup, through the API, and a ticket in its triage inbox.</summary>
    private async Task<(string BoardId, string TriageTicketId)> ArrangeAsync()
    {
        var created = await server.Http.PostAsJsonAsync("/api/boards", new { name = BoardName, key = "XSS" });
        created.EnsureSuccessStatusCode();
        var board = await created.Content.ReadFromJsonAsync<JsonElement>();
        var ready = board.GetProperty("lanes").EnumerateArray().Single(l => l.GetProperty("name").GetString() == "Ready");
        (await server.Http.PutAsJsonAsync($"/api/boards/{board.Id()}/lanes/{ready.Id()}", new
        {
            name = LaneName, kind = "Queue", wipLimit = 5, untested = false, order = 1,
        })).EnsureSuccessStatusCode();

        JsonElement? titled = null;
        foreach (var title in new[] { CardTitle, LinkTitle, RightToLeft, LongTitle })
        {
            // One markup description on every ticket makes them read as duplicates: the product owner says they are not.
            var ticket = await SubmitAsync(board.Id(), title);
            if (ticket.GetProperty("likelyDuplicateOf").ValueKind != JsonValueKind.Null)
            {
                (await server.Http.PostAsync($"/api/tickets/{ticket.Id()}/mark-distinct", null)).EnsureSuccessStatusCode();
            }

            var accepted = await server.Http.PostAsJsonAsync($"/api/tickets/{ticket.Id()}/accept", new { });
            accepted.EnsureSuccessStatusCode();
            if (title == CardTitle)
            {
                titled = await accepted.Content.ReadFromJsonAsync<JsonElement>();
            }

            // In progress, so that the wall shows every card (of its backlog only the next few).
            (await server.Http.PostAsJsonAsync($"/api/cards/{ticket.Id()}/move", new { laneId = ready.Id() })).EnsureSuccessStatusCode();
        }

        // In progress and blocked, the markup card is on the status page too, with its reason; and a note beside the status.
        (await server.Http.PostAsJsonAsync($"/api/cards/{titled!.Value.Id()}/block", new { reason = BlockReason })).EnsureSuccessStatusCode();
        (await server.Http.PostAsJsonAsync($"/api/boards/{board.Id()}/status/notes", new { text = NoteText })).EnsureSuccessStatusCode();

        var inTriage = await SubmitAsync(board.Id(), TriageTitle);
        (await server.Http.PostAsJsonAsync($"/api/boards/{board.Id()}/line/stop", new { reason = StopReason })).EnsureSuccessStatusCode();
        (await server.Http.PostAsJsonAsync("/api/users", new { email = "mallory@e2e.example", displayName = PersonName })).EnsureSuccessStatusCode();
        return (board.Id(), inTriage.Id());
    }

    private async Task<JsonElement> SubmitAsync(string boardId, string title)
    {
        var response = await server.Http.PostAsJsonAsync($"/api/boards/{boardId}/tickets", new
        {
            title,
            description = Description,
            definitionOfDone = new[] { Criterion },
            estimateDays = 1,
        });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
