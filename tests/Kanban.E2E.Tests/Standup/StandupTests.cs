using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kanban.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Kanban.E2E.Tests.Standup;

/// <summary>
/// The standup on the demo board, as a product owner runs it: the outliers the server finds and a
/// blocked card, right to left by lane and oldest first, each saying why in words, walked with the
/// keyboard; and the same words on the outlier cards of the board.
/// </summary>
public sealed class StandupTests(BrowserFixture browser, DemoKanbanServer server) : IClassFixture<DemoKanbanServer>
{
    private const string DemoPassword = "kanban-demo";

    [Fact]
    public async Task The_standup_lists_the_demo_boards_outliers_and_a_blocked_card_right_to_left_by_lane_and_is_walked_with_the_keyboard()
    {
        using var ana = await server.ClientForAsync("ana@example.com");
        var board = await DemoBoardAsync(ana);
        var boardId = board.Id();
        var outliers = await ana.GetFromJsonAsync<JsonElement>($"/api/boards/{boardId}/outliers");
        outliers.GetArrayLength().ShouldBeGreaterThan(0, "the demo board has outliers to talk about");
        var outlierIds = outliers.EnumerateArray().Select(o => o.GetProperty("cardId").GetString()!).ToHashSet();

        // A card in progress that is no outlier, blocked and assigned: it is discussed too, by its assignee's name.
        var inProgress = board.LaneId("In progress");
        var waiting = board.GetProperty("cards").EnumerateArray().First(c => c.GetProperty("laneId").GetString() == inProgress && !outlierIds.Contains(c.Id()));
        var people = await ana.GetFromJsonAsync<JsonElement>($"/api/boards/{boardId}/people");
        var ben = people.EnumerateArray().Single(p => p.GetProperty("displayName").GetString() == "Ben Member");
        (await ana.PostAsJsonAsync($"/api/cards/{waiting.Id()}/assign", new { userId = ben.Id() })).EnsureSuccessStatusCode();
        (await ana.PostAsJsonAsync($"/api/cards/{waiting.Id()}/block", new { reason = "waiting for the bank's sandbox" })).EnsureSuccessStatusCode();

        // What the list must be: the server's outliers, in its order, with the blocked card among them by lane and age.
        board = await DemoBoardAsync(ana);
        var laneOrder = board.GetProperty("lanes").EnumerateArray().ToDictionary(l => l.Id(), l => l.GetProperty("order").GetInt32());
        var cards = board.GetProperty("cards").EnumerateArray().ToDictionary(c => c.Id());
        outliers = await ana.GetFromJsonAsync<JsonElement>($"/api/boards/{boardId}/outliers");
        var serverOrder = outliers.EnumerateArray().Select(o => o.GetProperty("key").GetString()!).ToList();
        var expected = outliers.EnumerateArray()
            .Select(o => (Key: o.GetProperty("key").GetString()!, Lane: laneOrder[o.GetProperty("laneId").GetString()!], Age: o.GetProperty("ageDays").GetDouble()))
            .Concat(cards.Values.Where(c => c.GetProperty("blocked").GetBoolean() && !serverOrder.Contains(c.GetProperty("key").GetString()!))
                .Select(c => (Key: c.GetProperty("key").GetString()!, Lane: laneOrder[c.GetProperty("laneId").GetString()!], Age: c.GetProperty("ageDays").GetDouble())))
            .OrderByDescending(i => i.Lane).ThenByDescending(i => i.Age)
            .Select(i => i.Key)
            .ToList();
        var waitingKey = waiting.GetProperty("key").GetString()!;
        expected.ShouldContain(waitingKey);

        await browser.WithPagesAsync(nameof(The_standup_lists_the_demo_boards_outliers_and_a_blocked_card_right_to_left_by_lane_and_is_walked_with_the_keyboard), 1, async pages =>
        {
            var page = pages[0];
            await page.SignInAsync(server, "ana@example.com", DemoPassword);
            await page.GotoAsync(new Uri(server.BaseAddress, $"/boards/{boardId}").ToString());
            await Assertions.Expect(page.GetByTestId("connection-state")).ToHaveAttributeAsync("data-state", "connected");

            // On the board, each outlier card says its first reason in words, and all of them on hover.
            var first = outliers[0];
            var firstWords = first.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("words").GetString()!).ToList();
            var badge = page.GetByTestId($"card-{first.GetProperty("key").GetString()}").GetByTestId("outlier-badge");
            await Assertions.Expect(badge).ToContainTextAsync(firstWords[0]);
            await Assertions.Expect(badge).ToHaveAttributeAsync("title", string.Join(". ", firstWords));
            await Assertions.Expect(page.GetByTestId("outlier-badge")).ToHaveCountAsync(outliers.GetArrayLength());
            await page.ScreenshotsAsync("board-outlier-badges");
            (await Axe.ViolationsAsync(page)).ShouldBeEmpty();

            // The board's nav leads to the standup.
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Board" }).GetByRole(AriaRole.Link, new() { Name = "Standup", Exact = true }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/boards/{boardId}/standup$"));
            var list = page.GetByTestId("standup-list");
            await Assertions.Expect(list).ToBeVisibleAsync();
            var items = list.Locator("[data-standup-item]");
            await Assertions.Expect(items).ToHaveCountAsync(expected.Count);
            var shown = (await items.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.testid.replace('standup-item-', ''))")).ToList();
            shown.ShouldBe(expected);
            shown.Where(serverOrder.Contains).ToList().ShouldBe(serverOrder, "the outliers keep the server's order");
            await Assertions.Expect(page.GetByTestId("standup-counts")).ToHaveTextAsync(
                $"{expected.Count} cards to discuss: {serverOrder.Count} outliers, 1 blocked");

            // Each outlier says why in its own words; the blocked card says what it waits for, and whose it is.
            foreach (var outlier in outliers.EnumerateArray())
            {
                var item = page.GetByTestId($"standup-item-{outlier.GetProperty("key").GetString()}");
                var words = outlier.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("words").GetString()!).ToArray();
                await Assertions.Expect(item.GetByTestId("standup-reason")).ToHaveTextAsync(words);
            }

            var blocked = page.GetByTestId($"standup-item-{waitingKey}");
            await Assertions.Expect(blocked.GetByTestId("standup-blocked")).ToContainTextAsync("waiting for the bank's sandbox");
            await Assertions.Expect(blocked.GetByTestId("standup-assignee")).ToHaveTextAsync("Assignee: Ben Member");
            await Assertions.Expect(blocked.GetByTestId("standup-lane")).ToHaveTextAsync("Lane: In progress");
            await Assertions.Expect(blocked).ToHaveAttributeAsync("href", $"/tickets/{waiting.Id()}");

            // Walked with the keyboard: j/k and the arrows, Home and End, each item showing its focus.
            var at = (int index) => page.GetByTestId($"standup-item-{expected[index]}");
            await page.Keyboard.PressAsync("j");
            await Assertions.Expect(at(0)).ToBeFocusedAsync();
            (await at(0).EvaluateAsync<string>("el => getComputedStyle(el).outlineStyle")).ShouldNotBe("none", "the walked item shows its focus");
            await page.Keyboard.PressAsync("j");
            await Assertions.Expect(at(1)).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("ArrowDown");
            await Assertions.Expect(at(Math.Min(2, expected.Count - 1))).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("k");
            await Assertions.Expect(at(1)).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("End");
            await Assertions.Expect(at(expected.Count - 1)).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Home");
            await Assertions.Expect(at(0)).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Tab");
            await Assertions.Expect(at(1)).ToBeFocusedAsync();
            (await at(1).EvaluateAsync<string>("el => getComputedStyle(el).outlineStyle")).ShouldNotBe("none", "Tab shows the focus too");

            await page.ScreenshotsAsync("standup");
            (await Axe.ViolationsAsync(page)).ShouldBeEmpty();

            // Enter opens the card under focus.
            var index = expected.IndexOf(waitingKey);
            await page.Keyboard.PressAsync("Home");
            for (var i = 0; i < index; i++)
            {
                await page.Keyboard.PressAsync("j");
            }

            await Assertions.Expect(blocked).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/tickets/{waiting.Id()}$"));
        });
    }

    private static async Task<JsonElement> DemoBoardAsync(HttpClient http)
    {
        var boards = await http.GetFromJsonAsync<JsonElement>("/api/boards");
        var id = boards.EnumerateArray().Single(b => b.GetProperty("key").GetString() == "DEMO").Id();
        return await http.GetFromJsonAsync<JsonElement>($"/api/boards/{id}");
    }
}
