using System.Net.Http.Json;
using System.Text.Json;
using Kanban.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Kanban.E2E.Tests.Wall;

/// <summary>
/// The wall of the demo board, which has outliers: they pulse (and hold still for a screen that asks
/// for less motion), and the standup key walks the outliers and blocked cards in the standup page's
/// order, each enlarged with its reason and assignee, then the lanes at their limit.
/// </summary>
public sealed class WallStandupTests(BrowserFixture browser, DemoKanbanServer server) : IClassFixture<DemoKanbanServer>
{
    private const string DemoPassword = "kanban-demo";

    [Fact]
    public async Task The_standup_key_walks_outliers_and_blocked_cards_right_to_left_then_the_full_lanes_and_escape_leaves()
    {
        using var ana = await server.ClientForAsync("ana@example.com");
        var boards = await ana.GetFromJsonAsync<JsonElement>("/api/boards");
        var boardId = boards.EnumerateArray().Single(b => b.GetProperty("key").GetString() == "DEMO").Id();
        var link = await server.Http.WallLinkAsync(boardId);
        var board = await ana.GetFromJsonAsync<JsonElement>($"/api/boards/{boardId}");
        var fullLanes = board.GetProperty("lanes").EnumerateArray()
            .Where(l => l.GetProperty("kind").GetString() is "Queue" or "Active"
                && l.GetProperty("wipLimit").ValueKind == JsonValueKind.Number
                && l.GetProperty("count").GetInt32() >= l.GetProperty("wipLimit").GetInt32())
            .OrderByDescending(l => l.GetProperty("order").GetInt32())
            .Select(l => l.Id())
            .ToList();

        await browser.WithPagesAsync(nameof(The_standup_key_walks_outliers_and_blocked_cards_right_to_left_then_the_full_lanes_and_escape_leaves), 2, async pages =>
        {
            // What the standup page walks, in its order.
            var standup = pages[1];
            await standup.SignInAsync(server, "ana@example.com", DemoPassword);
            await standup.GotoAsync(new Uri(server.BaseAddress, $"/boards/{boardId}/standup").ToString());
            await Assertions.Expect(standup.GetByTestId("standup-list")).ToBeVisibleAsync();
            var expected = (await standup.Locator("[data-standup-item]").EvaluateAllAsync<string[]>(
                "els => els.map(e => e.dataset.testid.replace('standup-item-', ''))")).ToList();
            expected.ShouldNotBeEmpty();

            var page = pages[0];
            await page.SetViewportSizeAsync(1920, 1080);
            await page.GotoAsync(new Uri(server.BaseAddress, link).ToString());
            await page.WaitLiveAsync();

            // Outliers are marked and pulse.
            var outlier = page.Locator(".wall-card--outlier").First;
            await Assertions.Expect(outlier).ToBeVisibleAsync();
            await Assertions.Expect(outlier.GetByTestId("wall-card-outlier")).ToHaveTextAsync("▲ Outlier");
            (await outlier.EvaluateAsync<string>("e => getComputedStyle(e).animationName")).ShouldBe("wall-pulse");

            // The hint names the key, and hides itself.
            await Assertions.Expect(page.GetByTestId("wall-hint")).ToHaveTextAsync("Press S for the standup walk");
            await page.ScreenshotAsync(new() { Path = Path.Combine(Repository.TestResults, "wall-demo-1920x1080.png") });

            await page.Keyboard.PressAsync("s");
            var focus = page.GetByTestId("wall-standup");
            var walked = new List<string>();
            for (var i = 0; i < expected.Count + fullLanes.Count; i++)
            {
                await Assertions.Expect(focus).ToContainTextAsync($"{i + 1} of {expected.Count + fullLanes.Count}");
                var step = await focus.GetAttributeAsync("data-step");
                walked.Add(step == "card" ? (await focus.GetAttributeAsync("data-card-key"))! : (await focus.GetAttributeAsync("data-lane-id"))!);
                if (i == 0)
                {
                    // Enlarged, with its assignee and why it is discussed; the card on the board is highlighted.
                    await Assertions.Expect(focus.GetByTestId("wall-standup-assignee")).Not.ToBeEmptyAsync();
                    (await focus.Locator("[data-testid=wall-standup-reason], [data-testid=wall-standup-blocked]").CountAsync()).ShouldBeGreaterThan(0);
                    (await focus.Locator(".wall-standup__title").EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)")).ShouldBeGreaterThanOrEqualTo(48);
                    await Assertions.Expect(page.Locator(".wall-card--current")).ToHaveAttributeAsync("data-card-key", expected[0]);
                    await page.ScreenshotAsync(new() { Path = Path.Combine(Repository.TestResults, "wall-standup-1920x1080.png") });
                    (await Axe.ViolationsAsync(page)).ShouldBeEmpty();
                }

                await page.Keyboard.PressAsync("ArrowRight");
            }

            walked.ShouldBe([.. expected, .. fullLanes], "the outliers and blocked cards as the standup orders them, then the lanes at their limit right to left");

            // The timer walks by itself; Escape leaves.
            await page.Keyboard.PressAsync("t");
            await Assertions.Expect(focus).ToContainTextAsync("timer on");
            await page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(focus).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator(".wall-card--current")).ToHaveCountAsync(0);
        });
    }

    [Fact]
    public async Task Outliers_hold_still_on_a_screen_that_asks_for_reduced_motion()
    {
        var boards = await server.Http.GetFromJsonAsync<JsonElement>("/api/boards");
        var boardId = boards.EnumerateArray().Single(b => b.GetProperty("key").GetString() == "DEMO").Id();
        var link = await server.Http.WallLinkAsync(boardId);

        await browser.WithPagesAsync(nameof(Outliers_hold_still_on_a_screen_that_asks_for_reduced_motion), 1, async pages =>
        {
            var page = pages[0];
            await page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
            await page.SetViewportSizeAsync(1920, 1080);
            await page.GotoAsync(new Uri(server.BaseAddress, link).ToString());
            await page.WaitLiveAsync();

            var outlier = page.Locator(".wall-card--outlier").First;
            await Assertions.Expect(outlier).ToBeVisibleAsync();
            (await outlier.EvaluateAsync<string>("e => getComputedStyle(e).animationName")).ShouldBe("none");
            await Assertions.Expect(outlier.GetByTestId("wall-card-outlier")).ToBeVisibleAsync();
        });
    }
}
