using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kanban.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Kanban.E2E.Tests.Board;

/// <summary>
/// What a board's history shows: a card's age and days since its last move, the Done lane's older
/// cards behind "Show more", the activity trail of an imported board back to its oldest entry, and a
/// refusal that lists each failing gate once. Boards come from board files imported through the API
/// (their history at known times); each test keeps a screenshot and passes axe (WCAG 2.2 AA).
/// </summary>
public sealed class BoardHistoryTests(BrowserFixture browser, DemoKanbanServer server) : IClassFixture<DemoKanbanServer>
{
    private const string OwnerEmail = "petra@history.example";
    private const string OwnerName = "Petra Owner";
    private const string DevEmail = "dmitri@history.example";
    private const string DevName = "Dmitri Dev";

    [Fact]
    public async Task A_card_shows_its_age_in_working_days_since_it_left_the_backlog_and_the_days_since_its_last_move()
    {
        var today = DateTimeOffset.UtcNow;
        var created = Noon(today.AddDays(-30));
        var started = Noon(today.AddDays(-21));
        var lastMoved = Noon(today.AddDays(-15));
        var file = BoardFile("AGE", "Card ages", ["Backlog", "Backlog"], ["Ready", "Queue"], ["Doing", "Active"], ["Done", "Done"]);
        file["tickets"]!.AsArray().Add(Ticket("AGE-1", "Reconcile the card settlements", "Doing", created,
            Move(created, null, "Backlog", OwnerEmail),
            Move(started, "Backlog", "Ready", OwnerEmail),
            Move(lastMoved, "Ready", "Doing", DevEmail)));
        var boardId = await ImportAsync(file);
        var age = WorkingDaysSince(started, today);
        var moved = WorkingDaysSince(lastMoved, today);
        age.ShouldBeGreaterThan(moved, "the file's card left the backlog a week before its last move");

        await browser.WithPagesAsync(nameof(A_card_shows_its_age_in_working_days_since_it_left_the_backlog_and_the_days_since_its_last_move), 1, async pages =>
        {
            var page = pages[0];
            await page.OpenBoardAsync(server, boardId);
            var label = page.GetByTestId("card-AGE-1").GetByTestId("card-age");
            await Assertions.Expect(label.Locator("[aria-hidden=true]")).ToHaveTextAsync($"{age}d · moved {moved}d ago");
            await Assertions.Expect(label.Locator(".sr-only")).ToHaveTextAsync($"age {age} working days, moved {moved} working days ago");
            await ScreenshotAsync(page, "board-card-age");
            await AssertNoAxeViolationsAsync(page);
        });
    }

    [Fact]
    public async Task The_Done_lane_shows_its_20_most_recent_cards_and_Show_more_brings_the_rest()
    {
        const int DoneCards = 25;
        var start = Noon(DateTimeOffset.UtcNow.AddDays(-40));
        var file = BoardFile("DONE", "Long done lane", ["Backlog", "Backlog"], ["Doing", "Active"], ["Done", "Done"]);
        for (var i = 1; i <= DoneCards; i++)
        {
            // DONE-1 was done first, DONE-25 last: the board lists DONE-6 to DONE-25.
            var at = start.AddHours(i);
            file["tickets"]!.AsArray().Add(Ticket($"DONE-{i}", $"Settled batch number {i}", "Done", at,
                Move(at, null, "Backlog", OwnerEmail),
                Move(at.AddMinutes(10), "Backlog", "Doing", DevEmail),
                Move(at.AddMinutes(20), "Doing", "Done", DevEmail)));
        }

        var boardId = await ImportAsync(file);
        var board = await server.Http.GetFromJsonAsync<JsonElement>($"/api/boards/{boardId}");
        var doneLane = board.LaneId("Done");

        await browser.WithPagesAsync(nameof(The_Done_lane_shows_its_20_most_recent_cards_and_Show_more_brings_the_rest), 1, async pages =>
        {
            var page = pages[0];
            await page.OpenBoardAsync(server, boardId);
            var lane = page.GetByTestId($"lane-{doneLane}");
            var cards = lane.Locator("[data-card-id]");
            await Assertions.Expect(cards).ToHaveCountAsync(20);
            await Assertions.Expect(lane.GetByTestId("lane-shown")).ToHaveTextAsync($"Showing the 20 most recent of {DoneCards}");
            await Assertions.Expect(lane.GetByTestId("card-DONE-25")).ToBeVisibleAsync();
            await Assertions.Expect(lane.GetByTestId("card-DONE-6")).ToBeAttachedAsync();
            await Assertions.Expect(lane.GetByTestId("card-DONE-5")).ToHaveCountAsync(0);
            var more = lane.GetByTestId($"lane-show-more-{doneLane}");
            await Assertions.Expect(more).ToBeVisibleAsync();
            await ScreenshotAsync(page, "board-done-show-more");
            await AssertNoAxeViolationsAsync(page);

            await more.ClickAsync();
            await Assertions.Expect(cards).ToHaveCountAsync(DoneCards);
            await Assertions.Expect(lane.GetByTestId("lane-shown")).ToHaveTextAsync($"Showing the {DoneCards} most recent of {DoneCards}");
            await Assertions.Expect(more).ToHaveCountAsync(0);
            for (var i = 1; i <= DoneCards; i++)
            {
                await Assertions.Expect(lane.GetByTestId($"card-DONE-{i}")).ToHaveCountAsync(1);
            }

            // The lane reads newest first and the older cards continue it, each once; focus goes to the most recent of them.
            var order = await cards.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.testid)");
            order.ShouldBe(Enumerable.Range(1, DoneCards).Reverse().Select(i => $"card-DONE-{i}"));
            await Assertions.Expect(lane.GetByTestId("card-DONE-5")).ToBeFocusedAsync();
            await ScreenshotAsync(page, "board-done-shown-all");
            await AssertNoAxeViolationsAsync(page);
        });
    }

    [Fact]
    public async Task The_activity_trail_of_an_imported_board_shows_its_history_with_names_and_pages_back_to_the_oldest_entry()
    {
        const int Tickets = 16;
        var start = Noon(DateTimeOffset.UtcNow.AddDays(-60));
        var file = BoardFile("HIS", "Imported history", ["Backlog", "Backlog"], ["Ready", "Queue"], ["Doing", "Active"], ["Done", "Done"]);
        for (var i = 1; i <= Tickets; i++)
        {
            var at = start.AddDays(i);
            file["tickets"]!.AsArray().Add(Ticket($"HIS-{i}", $"Imported piece of work {i}", "Done", at,
                Move(at, null, "Backlog", OwnerEmail),
                Move(at.AddHours(1), "Backlog", "Ready", OwnerEmail),
                Move(at.AddHours(2), "Ready", "Doing", DevEmail),
                Move(at.AddHours(3), "Doing", "Done", DevEmail)));
        }

        file["line"] = new JsonArray(new JsonObject
        {
            ["kind"] = "Manual", ["reason"] = "Settlement outage", ["by"] = DevEmail,
            ["stoppedAt"] = Iso(start.AddDays(3).AddHours(5)), ["resumedAt"] = Iso(start.AddDays(3).AddHours(6)),
            ["resumedBy"] = OwnerEmail, ["resumeNote"] = "Bank is back",
        });
        // Each transition and each stop and resume: 66 entries, three pages of 30.
        const int Entries = (Tickets * 4) + 2;
        var boardId = await ImportAsync(file);

        await browser.WithPagesAsync(nameof(The_activity_trail_of_an_imported_board_shows_its_history_with_names_and_pages_back_to_the_oldest_entry), 1, async pages =>
        {
            var page = pages[0];
            await page.SignInAsync(server);
            await page.GotoAsync(new Uri(server.BaseAddress, $"/boards/{boardId}/activity").ToString());
            var items = page.GetByTestId("activity-item");
            await Assertions.Expect(items).ToHaveCountAsync(30);
            // Newest first: the last card's arrival in Done, by the person who moved it.
            await Assertions.Expect(items.First).ToContainTextAsync($"HIS-{Tickets} moved from Doing to Done");
            await Assertions.Expect(items.First.GetByTestId("activity-by")).ToHaveTextAsync($" · {DevName}");
            await Assertions.Expect(page.GetByTestId("activity-end")).ToHaveCountAsync(0);
            await ScreenshotAsync(page, "activity-imported-first-page");
            await AssertNoAxeViolationsAsync(page);

            var older = page.GetByTestId("activity-load-older");
            var clicks = 0;
            while (await older.CountAsync() > 0 && clicks < 10)
            {
                var before = await items.CountAsync();
                await older.ClickAsync();
                clicks++;
                await Assertions.Expect(items).Not.ToHaveCountAsync(before);
                await Assertions.Expect(page.GetByText("Loading older entries…")).ToHaveCountAsync(0);
            }

            clicks.ShouldBe(2, "66 entries are three pages of 30");
            await Assertions.Expect(items).ToHaveCountAsync(Entries);
            await Assertions.Expect(page.GetByTestId("activity-end")).ToBeVisibleAsync();

            // The oldest: the first card's arrival in the backlog, by its product owner.
            var oldest = items.Last;
            await Assertions.Expect(oldest).ToHaveAttributeAsync("data-kind", "TicketAccepted");
            await Assertions.Expect(oldest).ToContainTextAsync("HIS-1 accepted into Backlog");
            await Assertions.Expect(oldest.GetByTestId("activity-by")).ToHaveTextAsync($" · {OwnerName}");

            // The line's stop and resume, with who did them.
            var stop = page.Locator("[data-testid=activity-item][data-kind=LineStopped]");
            await Assertions.Expect(stop).ToHaveCountAsync(1);
            await Assertions.Expect(stop).ToContainTextAsync("Settlement outage");
            await Assertions.Expect(stop.GetByTestId("activity-by")).ToHaveTextAsync($" · {DevName}");
            var resume = page.Locator("[data-testid=activity-item][data-kind=LineResumed]");
            await Assertions.Expect(resume).ToHaveCountAsync(1);
            await Assertions.Expect(resume.GetByTestId("activity-by")).ToHaveTextAsync($" · {OwnerName}");

            // Every entry names its person: half the moves are the owner's, half the developer's.
            var names = await page.GetByTestId("activity-by").AllTextContentsAsync();
            names.Count.ShouldBe(Entries);
            names.Count(n => n == $" · {OwnerName}").ShouldBe((Tickets * 2) + 1);
            names.Count(n => n == $" · {DevName}").ShouldBe((Tickets * 2) + 1);

            // Newest first all the way down: each card's four entries, the last card's first.
            var summaries = await page.Locator("[data-testid=activity-item] .activity__summary").AllTextContentsAsync();
            summaries.Count(s => s.Contains("accepted into Backlog", StringComparison.Ordinal)).ShouldBe(Tickets);
            summaries.Count(s => s.Contains("moved from Doing to Done", StringComparison.Ordinal)).ShouldBe(Tickets);
            await ScreenshotAsync(page, "activity-imported-oldest");
            await AssertNoAxeViolationsAsync(page);
        });
    }

    [Fact]
    public async Task Accepting_a_ticket_that_fails_four_gates_shows_a_refusal_that_lists_each_failure_once()
    {
        var boards = await server.Http.GetFromJsonAsync<JsonElement>("/api/boards");
        var boardId = boards.EnumerateArray().Single(b => b.GetProperty("key").GetString() == "DEMO").Id();
        var triage = await server.Http.GetFromJsonAsync<JsonElement>($"/api/boards/{boardId}/triage");
        var ticket = triage.EnumerateArray().Single(t => t.GetProperty("key").GetString() == "DEMO-46");
        var failing = ticket.GetProperty("gates").EnumerateArray()
            .Where(g => !g.GetProperty("passed").GetBoolean())
            .Select(g => (Gate: g.GetProperty("gate").GetString()!, Message: g.GetProperty("message").GetString()!))
            .ToList();
        failing.Count.ShouldBe(4, "the demo's DEMO-46 fails four gates");

        await browser.WithPagesAsync(nameof(Accepting_a_ticket_that_fails_four_gates_shows_a_refusal_that_lists_each_failure_once), 1, async pages =>
        {
            var page = pages[0];
            await page.SignInAsync(server, "ana@example.com", "kanban-demo");
            await page.GotoAsync(new Uri(server.BaseAddress, $"/boards/{boardId}/triage").ToString());
            await page.GetByTestId("triage-item-DEMO-46").ClickAsync();
            await Assertions.Expect(page.GetByTestId("triage-detail")).ToHaveAttributeAsync("data-ticket", "DEMO-46");
            await page.GetByTestId("triage-accept").ClickAsync();

            var alert = page.GetByTestId("triage-error");
            await Assertions.Expect(alert).ToBeVisibleAsync();
            await Assertions.Expect(alert).ToHaveAttributeAsync("data-problem", "quality-gate-failed");
            await Assertions.Expect(alert).ToContainTextAsync("4 quality gates fail");
            await Assertions.Expect(alert.GetByTestId("triage-error-items").Locator("li")).ToHaveCountAsync(4);
            var text = await alert.InnerTextAsync();
            foreach (var (gate, message) in failing)
            {
                Occurrences(text, message).ShouldBe(1, $"the {gate} gate's message appears once in the refusal:\n{text}");
            }

            await ScreenshotAsync(page, "triage-refusal-each-failure-once");
            await AssertNoAxeViolationsAsync(page);
        });

        // Refused: the ticket is still in triage.
        (await server.Http.GetTicketAsync(ticket.Id())).GetProperty("state").GetString().ShouldBe("Triage");
    }

    /// <summary>Weekdays d (Monday to Friday, UTC) with the moment's date &lt; d &lt;= today's date.</summary>
    private static int WorkingDaysSince(DateTimeOffset from, DateTimeOffset now)
    {
        var count = 0;
        for (var d = DateOnly.FromDateTime(from.UtcDateTime).AddDays(1); d <= DateOnly.FromDateTime(now.UtcDateTime); d = d.AddDays(1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                count++;
            }
        }

        return count;
    }

    private static int Occurrences(string text, string value) => Regex.Matches(text, Regex.Escape(value)).Count;

    private static DateTimeOffset Noon(DateTimeOffset day) => new(day.UtcDateTime.Date.AddHours(12), TimeSpan.Zero);

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static JsonObject BoardFile(string key, string name, params string[][] lanes) => new()
    {
        ["format"] = "kanban-board/1",
        ["board"] = new JsonObject { ["name"] = name, ["key"] = key, ["timeZone"] = "UTC" },
        ["lanes"] = new JsonArray([.. lanes.Select(l => (JsonNode)new JsonObject { ["name"] = l[0], ["kind"] = l[1] })]),
        ["members"] = new JsonArray(
            new JsonObject { ["email"] = OwnerEmail, ["displayName"] = OwnerName, ["role"] = "ProductOwner" },
            new JsonObject { ["email"] = DevEmail, ["displayName"] = DevName, ["role"] = "Member" }),
        ["tickets"] = new JsonArray(),
        ["line"] = new JsonArray(),
    };

    private static JsonObject Ticket(string key, string title, string lane, DateTimeOffset createdAt, params JsonObject[] history) => new()
    {
        ["key"] = key,
        ["title"] = title,
        ["estimateDays"] = 1,
        ["state"] = "OnBoard",
        ["lane"] = lane,
        ["createdAt"] = Iso(createdAt),
        ["history"] = new JsonArray([.. history]),
    };

    private static JsonObject Move(DateTimeOffset at, string? from, string to, string by) => new()
    {
        ["at"] = Iso(at),
        ["from"] = from,
        ["to"] = to,
        ["by"] = by,
    };

    private async Task<string> ImportAsync(JsonObject file)
    {
        var response = await server.Http.PostAsync("/api/boards/import", new StringContent(file.ToJsonString(), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.Id();
    }

    private static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.TestResults, $"{name}.png"), FullPage = true });

    private static async Task AssertNoAxeViolationsAsync(IPage page) => (await Axe.ViolationsAsync(page)).ShouldBeEmpty();
}
