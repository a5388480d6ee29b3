using System.Net.Http.Json;
using System.Text.Json;
using Kanban.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Kanban.E2E.Tests.Board;

public sealed class LiveBoardTests(BrowserFixture browser, KanbanServer server) : IClassFixture<KanbanServer>
{
    [Fact]
    public async Task A_card_dragged_on_one_page_shows_in_its_new_lane_on_another_page_without_reloading()
    {
        var board = await server.Http.CreateBoardAsync("Live drag");
        var ticket = await server.Http.AddCardAsync(board.Id(), "Drag me across the board");
        var key = ticket.GetProperty("key").GetString()!;
        var ready = board.LaneId("Ready");

        await browser.WithPagesAsync(nameof(A_card_dragged_on_one_page_shows_in_its_new_lane_on_another_page_without_reloading), 2, async pages =>
        {
            var (mover, watcher) = (pages[0], pages[1]);
            foreach (var page in pages)
            {
                await OpenLiveAsync(page, board.Id());
            }

            await watcher.EvaluateAsync("() => { window.notReloaded = true; }");

            await DragAsync(mover, mover.GetByTestId($"card-{key}"), mover.GetByTestId($"lane-{ready}"));

            var watcherLane = watcher.GetByTestId($"lane-{ready}");
            await Assertions.Expect(watcherLane.GetByTestId($"card-{key}")).ToBeVisibleAsync();
            await Assertions.Expect(watcherLane.GetByTestId("lane-count")).ToHaveTextAsync("1/5");
            (await watcher.EvaluateAsync<bool>("() => window.notReloaded === true")).ShouldBeTrue("the watcher's page was not reloaded");
            await Assertions.Expect(mover.GetByTestId($"lane-{ready}").GetByTestId($"card-{key}")).ToBeVisibleAsync();
        });

        var stored = await server.Http.GetStringAsync($"/api/boards/{board.Id()}");
        stored.ShouldContain($"\"key\":\"{key}\",\"title\":\"Drag me across the board\",\"laneId\":\"{ready}\"");
    }

    [Fact]
    public async Task A_card_moved_with_the_keyboard_lands_in_the_next_lane()
    {
        var board = await server.Http.CreateBoardAsync("Keyboard move");
        var ticket = await server.Http.AddCardAsync(board.Id(), "Move me with the keyboard only");
        var key = ticket.GetProperty("key").GetString()!;
        var ready = board.LaneId("Ready");

        await browser.WithPagesAsync(nameof(A_card_moved_with_the_keyboard_lands_in_the_next_lane), 1, async pages =>
        {
            var page = pages[0];
            await OpenLiveAsync(page, board.Id());

            var version = await page.GetByTestId("board").GetAttributeAsync("data-version");
            await page.MoveRightByKeyboardAsync(key, "Ready");

            await Assertions.Expect(page.GetByTestId($"lane-{ready}").GetByTestId($"card-{key}")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("board")).Not.ToHaveAttributeAsync("data-version", version!);
        });

        (await server.Http.GetStringAsync($"/api/boards/{board.Id()}")).ShouldContain($"\"laneId\":\"{ready}\"");
    }

    [Fact]
    public async Task A_member_removed_while_the_board_is_open_is_told_why_and_the_board_stops_being_live()
    {
        var board = await server.Http.CreateBoardAsync("Live access");
        const string email = "removed-e2e@e2e.example";
        (await server.Http.PostAsJsonAsync("/api/users", new { email, displayName = "Removed Member", password = KanbanServer.Password })).EnsureSuccessStatusCode();
        var member = await (await server.Http.PostAsJsonAsync($"/api/boards/{board.Id()}/members", new { email, role = "Member" }))
            .Content.ReadFromJsonAsync<JsonElement>();

        await browser.WithPagesAsync(nameof(A_member_removed_while_the_board_is_open_is_told_why_and_the_board_stops_being_live), 1, async pages =>
        {
            var page = pages[0];
            await page.SignInAsync(server, email);
            await page.GotoAsync(new Uri(server.BaseAddress, $"/boards/{board.Id()}").ToString());
            await Assertions.Expect(page.GetByTestId("connection-state")).ToHaveAttributeAsync("data-state", "connected");

            (await server.Http.DeleteAsync($"/api/boards/{board.Id()}/members/{member.GetProperty("userId").GetString()}")).EnsureSuccessStatusCode();

            await Assertions.Expect(page.GetByTestId("access-revoked")).ToContainTextAsync("You were removed from this board.");
            await Assertions.Expect(page.GetByTestId("connection-state")).ToHaveAttributeAsync("data-state", "revoked");
            (await Axe.ViolationsAsync(page)).ShouldBeEmpty();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.TestResults, "board-access-revoked.png") });
            await page.SetViewportSizeAsync(1920, 1080);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.TestResults, "board-access-revoked-1920.png") });
        });
    }

    [Fact]
    public async Task A_product_owner_demoted_while_on_settings_is_told_and_can_no_longer_change_them()
    {
        var board = await server.Http.CreateBoardAsync("Demoted on settings");
        const string email = "demoted-e2e@e2e.example";
        (await server.Http.PostAsJsonAsync("/api/users", new { email, displayName = "Demoted Owner", password = KanbanServer.Password })).EnsureSuccessStatusCode();
        var member = await (await server.Http.PostAsJsonAsync($"/api/boards/{board.Id()}/members", new { email, role = "ProductOwner" }))
            .Content.ReadFromJsonAsync<JsonElement>();

        await browser.WithPagesAsync(nameof(A_product_owner_demoted_while_on_settings_is_told_and_can_no_longer_change_them), 1, async pages =>
        {
            var page = pages[0];
            await page.SignInAsync(server, email);
            await page.GotoAsync(new Uri(server.BaseAddress, $"/boards/{board.Id()}/settings").ToString());
            await Assertions.Expect(page.GetByTestId("lanes-panel")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("settings-read-only")).Not.ToBeAttachedAsync();
            // Demoted once the screen has joined the board: a join after the change just reads the new role.
            await Assertions.Expect(page.GetByTestId("settings-page")).ToHaveAttributeAsync("data-live", "connected");

            (await server.Http.PutAsJsonAsync($"/api/boards/{board.Id()}/members/{member.GetProperty("userId").GetString()}", new { role = "Member" }))
                .EnsureSuccessStatusCode();

            await Assertions.Expect(page.GetByTestId("access-revoked")).ToContainTextAsync("Your role on this board is now member.");
            await Assertions.Expect(page.GetByTestId("settings-read-only")).ToBeVisibleAsync();
            (await Axe.ViolationsAsync(page)).ShouldBeEmpty();
        });
    }

    private Task OpenLiveAsync(IPage page, string boardId) => page.OpenBoardAsync(server, boardId);

    private static Task DragAsync(IPage page, ILocator item, ILocator target) => page.DragAsync(item, target);
}
