using System.Text.Json;
using System.Text.RegularExpressions;
using Kanban.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Kanban.E2E.Tests.Settings;

/// <summary>
/// A product owner's settings of the demo board: in sections, one save per form with its unsaved
/// changes marked, lanes reordered by keyboard (buttons and the drag handle) as the board then shows.
/// </summary>
public sealed class SettingsTests(BrowserFixture browser, DemoKanbanServer server) : IClassFixture<DemoKanbanServer>
{
    private const string DemoPassword = "kanban-demo";

    private static readonly string[] DemoLanes = ["Backlog", "Ready", "In progress", "Ready for test", "Testing", "Done"];

    private static Task<string[]> EditorLaneOrderAsync(IPage page) =>
        page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('[data-testid=lane-rows] > li')].map(li => li.querySelector('input[name=name]').value)");

    private static Task<string[]> BoardLaneOrderAsync(IPage page) =>
        page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('[data-lane-name]')].map(l => l.dataset.laneName)");

    private static Task<string?> FocusedTestIdAsync(IPage page) =>
        page.EvaluateAsync<string?>("() => document.activeElement?.getAttribute('data-testid') ?? null");

    /// <summary>axe with the WCAG 2.0 to 2.2 A and AA rules named, so target size (2.5.8) is checked too.</summary>
    private static async Task<IReadOnlyList<string>> WcagViolationsAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }))" +
            ".violations.map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)");
        return [.. json.EnumerateArray().Select(v => v.GetString()!)];
    }

    [Fact]
    public async Task A_product_owner_saves_a_board_setting_that_stays_and_reorders_a_lane_by_keyboard_as_the_board_then_shows()
    {
        await browser.WithPagesAsync(nameof(A_product_owner_saves_a_board_setting_that_stays_and_reorders_a_lane_by_keyboard_as_the_board_then_shows), 1, async pages =>
        {
            var page = pages[0];
            await page.SignInAsync(server, "ana@example.com", DemoPassword);
            await page.GotoAsync(server.BaseAddress.ToString());
            await page.GetByTestId("board-link-DEMO").ClickAsync();
            await page.GetByTestId("settings-link").ClickAsync();
            await Assertions.Expect(page.GetByTestId("settings-form-board")).ToBeVisibleAsync();

            // The sections, each under its heading, and a nav to them that the URL's hash follows.
            var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Settings sections" });
            var sections = await nav.GetByRole(AriaRole.Link).AllTextContentsAsync();
            sections.ShouldBe(["Board", "Lanes", "Quality gates", "Status and wall", "People", "Share links"]);
            foreach (var heading in new[] { "Board", "Lanes", "Quality gates", "Status and wall", "People on this board", "Share links" })
            {
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 2, Exact = true })).ToBeVisibleAsync();
            }

            await nav.GetByRole(AriaRole.Link, new() { Name = "Quality gates" }).FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/settings#gates$"));
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Quality gates", Level = 2 })).ToBeFocusedAsync();

            // A board setting: marked unsaved as soon as it differs, saved by its own form, kept after a reload.
            var staleDays = page.GetByLabel("Stale after (working days)");
            await staleDays.FillAsync("5");
            await Assertions.Expect(page.GetByTestId("settings-unsaved-board")).ToHaveTextAsync("Unsaved changes");
            await Assertions.Expect(page.GetByTestId("settings-nav-unsaved-board")).ToHaveCountAsync(1);
            await Assertions.Expect(page.GetByTestId("settings-unsaved-gates")).ToHaveCountAsync(0);
            await page.GetByRole(AriaRole.Heading, new() { Name = "Board", Level = 2, Exact = true }).ScrollIntoViewIfNeededAsync();
            await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Board" })).ToHaveAttributeAsync("aria-current", "location");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.TestResults, "settings-unsaved-1440x900.png") });

            await page.GetByTestId("settings-save-board").ClickAsync();
            await Assertions.Expect(page.GetByTestId("settings-status-board")).ToHaveTextAsync("Board settings saved.");
            await Assertions.Expect(page.GetByTestId("settings-unsaved-board")).ToHaveCountAsync(0);

            await page.ReloadAsync();
            await Assertions.Expect(page.GetByLabel("Stale after (working days)")).ToHaveValueAsync("5");
            await Assertions.Expect(page.GetByLabel("Largest estimate (days)")).ToHaveValueAsync("5");
            await Assertions.Expect(page.GetByTestId("settings-unsaved-board")).ToHaveCountAsync(0);
            (await EditorLaneOrderAsync(page)).ShouldBe(DemoLanes);

            // The status and wall settings: a refusal beside its field, then saved and kept.
            var weeks = page.GetByLabel("Forecast from the last (weeks)");
            await weeks.FillAsync("60");
            await page.GetByTestId("settings-save-status").ClickAsync();
            await Assertions.Expect(page.GetByTestId("field-error-forecastWeeks")).ToBeVisibleAsync();
            await Assertions.Expect(weeks).ToHaveAttributeAsync("aria-invalid", "true");
            await weeks.FillAsync("8");
            await page.GetByLabel("Target date").FillAsync("2099-12-31");
            await page.GetByLabel("Sound when the line stops").CheckAsync();
            await page.GetByTestId("settings-save-status").ClickAsync();
            await Assertions.Expect(page.GetByTestId("settings-status-status")).ToHaveTextAsync("Status and wall settings saved.");
            await page.ReloadAsync();
            await Assertions.Expect(page.GetByLabel("Forecast from the last (weeks)")).ToHaveValueAsync("8");
            await Assertions.Expect(page.GetByLabel("Target date")).ToHaveValueAsync("2099-12-31");
            await Assertions.Expect(page.GetByLabel("Sound when the line stops")).ToBeCheckedAsync();
            await Assertions.Expect(page.GetByLabel("Stale after (working days)")).ToHaveValueAsync("5");

            // A lane moved by keyboard with its button: the list shows the new order, focus stays on the button.
            var earlier = page.GetByRole(AriaRole.Button, new() { Name = "Move In progress earlier (one place left on the board)" });
            await earlier.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.GetByTestId("lanes-status")).ToHaveTextAsync("In progress moved to position 2 of 6.");
            (await EditorLaneOrderAsync(page)).ShouldBe(["Backlog", "In progress", "Ready", "Ready for test", "Testing", "Done"]);
            await Assertions.Expect(earlier).ToBeFocusedAsync();
            await Assertions.Expect(earlier).ToHaveAttributeAsync("aria-disabled", "true");

            foreach (var (width, height) in new[] { (1440, 900), (1920, 1080) })
            {
                await page.SetViewportSizeAsync(width, height);
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.TestResults, $"settings-{width}x{height}.png") });
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.TestResults, $"settings-{width}x{height}-full.png"), FullPage = true });
            }

            await page.SetViewportSizeAsync(1440, 900);
            (await Axe.ViolationsAsync(page)).ShouldBeEmpty();
            (await WcagViolationsAsync(page)).ShouldBeEmpty();

            // The board shows the lanes in their new order.
            await page.GetByTestId("board-page-link").ClickAsync();
            await Assertions.Expect(page.GetByTestId("connection-state")).ToHaveAttributeAsync("data-state", "connected");
            (await BoardLaneOrderAsync(page)).ShouldBe(["Backlog", "In progress", "Ready", "Ready for test", "Testing", "Done"]);

            // And back by the drag handle, with the keyboard: Space picks it up, an arrow moves it, Space drops it.
            await page.GetByTestId("settings-link").ClickAsync();
            var handle = page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Reorder Ready, position 3 of 6") });
            await handle.FocusAsync();
            await page.PickUpByKeyboardAsync("Picked up Ready, position 3 of 6.");
            await page.Keyboard.PressAsync("ArrowUp");
            await Assertions.Expect(page.GetByText("Ready is over position 2 of 6.")).ToBeAttachedAsync();
            await page.Keyboard.PressAsync("Space");
            await Assertions.Expect(page.GetByTestId("lanes-status")).ToHaveTextAsync("Ready moved to position 2 of 6.");
            (await EditorLaneOrderAsync(page)).ShouldBe(DemoLanes);
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Reorder Ready, position 2 of 6") })).ToBeFocusedAsync();
            (await FocusedTestIdAsync(page))!.ShouldStartWith("lane-drag-");
            (await Axe.ViolationsAsync(page)).ShouldBeEmpty();

            await page.GetByTestId("board-page-link").ClickAsync();
            await Assertions.Expect(page.GetByTestId("connection-state")).ToHaveAttributeAsync("data-state", "connected");
            (await BoardLaneOrderAsync(page)).ShouldBe(DemoLanes);
        });
    }

    [Fact]
    public async Task A_lane_dragged_by_its_handle_takes_its_new_place()
    {
        await browser.WithPagesAsync(nameof(A_lane_dragged_by_its_handle_takes_its_new_place), 1, async pages =>
        {
            var page = pages[0];
            await page.SignInAsync(server, "ana@example.com", DemoPassword);
            await page.GotoAsync(server.BaseAddress.ToString());
            await page.GetByTestId("board-link-DEMO").ClickAsync();
            await page.GetByTestId("settings-link").ClickAsync();
            await page.GetByTestId("settings-nav-lanes").ClickAsync();
            (await EditorLaneOrderAsync(page)).ShouldBe(DemoLanes);

            var rows = page.GetByTestId("lane-rows").Locator(":scope > li");
            var handle = page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Reorder Ready,") });
            await page.DragAsync(handle, rows.Nth(2));
            await Assertions.Expect(page.GetByTestId("lanes-status")).ToHaveTextAsync("Ready moved to position 3 of 6.");
            (await EditorLaneOrderAsync(page)).ShouldBe(["Backlog", "In progress", "Ready", "Ready for test", "Testing", "Done"]);

            await page.DragAsync(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Reorder Ready,") }), rows.Nth(1));
            await Assertions.Expect(page.GetByTestId("lanes-status")).ToHaveTextAsync("Ready moved to position 2 of 6.");
            (await EditorLaneOrderAsync(page)).ShouldBe(DemoLanes);
        });
    }

    [Fact]
    public async Task Leaving_with_unsaved_changes_asks_first_and_staying_keeps_them()
    {
        await browser.WithPagesAsync(nameof(Leaving_with_unsaved_changes_asks_first_and_staying_keeps_them), 1, async pages =>
        {
            var page = pages[0];
            await page.SignInAsync(server, "ana@example.com", DemoPassword);
            await page.GotoAsync(server.BaseAddress.ToString());
            await page.GetByTestId("board-link-DEMO").ClickAsync();
            await page.GetByTestId("settings-link").ClickAsync();
            await page.GetByLabel("Duplicate threshold").FillAsync("0.7");
            await Assertions.Expect(page.GetByTestId("settings-unsaved-gates")).ToBeVisibleAsync();

            var asked = new List<string>();
            void Dismiss(object? sender, IDialog dialog)
            {
                asked.Add(dialog.Message);
                _ = dialog.DismissAsync();
            }

            page.Dialog += Dismiss;
            await page.GetByTestId("board-page-link").ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/settings$"));
            asked.ShouldBe(["You have unsaved changes on this page. Leave it and lose them?"]);
            await Assertions.Expect(page.GetByLabel("Duplicate threshold")).ToHaveValueAsync("0.7");
            page.Dialog -= Dismiss;

            page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
            await page.GetByTestId("board-page-link").ClickAsync();
            await Assertions.Expect(page.GetByTestId("board")).ToBeVisibleAsync();
        });
    }
}
