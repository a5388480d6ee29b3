using Kanban.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Kanban.E2E.Tests.Flow;

public sealed class FlowRulesTests(BrowserFixture browser, KanbanServer server) : IClassFixture<KanbanServer>
{
    [Fact]
    public async Task A_drag_into_a_full_lane_snaps_back_and_shows_the_servers_reason()
    {
        var board = await server.Http.CreateBoardAsync("Full lane");
        var testing = board.LaneId("Testing");
        foreach (var title in new[] { "First card under test here", "Second card under test here" })
        {
            await server.Http.MoveAsync(await server.Http.AddCardAsync(board.Id(), title), testing);
        }

        var extra = await server.Http.AddCardAsync(board.Id(), "One card too many for testing");
        var key = extra.GetProperty("key").GetString()!;

        await browser.WithPagesAsync(nameof(A_drag_into_a_full_lane_snaps_back_and_shows_the_servers_reason), 1, async pages =>
        {
            var page = pages[0];
            await page.OpenBoardAsync(server, board.Id());
            await Assertions.Expect(page.GetByTestId($"lane-{testing}").GetByTestId("lane-count")).ToHaveTextAsync("2/2");

            await page.DragAsync(page.GetByTestId($"card-{key}"), page.GetByTestId($"lane-{testing}"));

            var error = page.GetByTestId("move-error");
            await Assertions.Expect(error).ToContainTextAsync("Testing holds 2 of 2 cards");
            await Assertions.Expect(page.GetByTestId($"lane-{board.LaneId("Backlog")}").GetByTestId($"card-{key}")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId($"lane-{testing}").GetByTestId("lane-count")).ToHaveTextAsync("2/2");
        });
    }

    [Fact]
    public async Task When_the_andon_cord_stops_the_line_a_second_page_shows_the_banner_without_reloading()
    {
        var board = await server.Http.CreateBoardAsync("Andon");

        await browser.WithPagesAsync(nameof(When_the_andon_cord_stops_the_line_a_second_page_shows_the_banner_without_reloading), 2, async pages =>
        {
            var (puller, watcher) = (pages[0], pages[1]);
            await puller.OpenBoardAsync(server, board.Id());
            await watcher.OpenBoardAsync(server, board.Id());
            await watcher.EvaluateAsync("() => { window.notReloaded = true; }");

            await puller.GetByTestId("andon-button").ClickAsync();
            await puller.GetByTestId("andon-reason").FillAsync("Card numbers showed up in the logs");
            await puller.GetByTestId("andon-submit").ClickAsync();

            var banner = watcher.GetByTestId("line-banner");
            await Assertions.Expect(banner).ToBeVisibleAsync();
            await Assertions.Expect(banner).ToContainTextAsync("Card numbers showed up in the logs");
            await Assertions.Expect(watcher.GetByTestId($"lane-{board.LaneId("Ready")}").GetByTestId("lane-pull-stopped")).ToBeVisibleAsync();
            (await watcher.EvaluateAsync<bool>("() => window.notReloaded === true")).ShouldBeTrue("the watcher's page was not reloaded");
            (await Axe.ViolationsAsync(watcher)).ShouldBeEmpty();
        });
    }
}
