using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kanban.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Kanban.E2E.Tests.Board;

/// <summary>
/// The board a team uses every day: people on cards, blocking, opening a card, search and filters in
/// the URL, and focus after a keyboard move. Each keeps a screenshot and passes axe (WCAG 2.2 AA).
/// </summary>
public sealed class DailyBoardTests(BrowserFixture browser, KanbanServer server) : IClassFixture<KanbanServer>
{
    private static int s_person;

    [Fact]
    public async Task A_card_is_assigned_from_its_actions_within_the_personal_limit_and_over_it_the_refusal_says_why()
    {
        var board = await server.Http.CreateBoardAsync("Daily assign");
        await SetPersonalWipLimitAsync(board.Id(), 1);
        var paula = await AddPersonAsync(board.Id(), "Paula Pereira", "Member");
        var inProgress = board.LaneId("In progress");
        var first = await server.Http.AddCardAsync(board.Id(), "Pay the merchants every morning");
        var second = await server.Http.AddCardAsync(board.Id(), "Send the weekly payout report");
        await server.Http.MoveAsync(first, inProgress);
        await server.Http.MoveAsync(second, inProgress);
        var (firstKey, secondKey) = (Key(first), Key(second));

        await browser.WithPagesAsync(nameof(A_card_is_assigned_from_its_actions_within_the_personal_limit_and_over_it_the_refusal_says_why), 1, async pages =>
        {
            var page = pages[0];
            await page.OpenBoardAsync(server, board.Id());

            // Within the limit: Paula holds no active card yet. Keyboard only: open, type, Enter.
            await page.GetByTestId($"card-actions-{firstKey}").FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            var dialog = page.GetByTestId("card-actions-dialog");
            await Assertions.Expect(dialog).ToBeVisibleAsync();
            await Assertions.Expect(dialog.GetByTestId("assignee-search")).ToBeFocusedAsync();
            await page.Keyboard.TypeAsync("paula");
            await Assertions.Expect(dialog.GetByRole(AriaRole.Option)).ToHaveCountAsync(1);
            await page.Keyboard.PressAsync("Enter");

            await Assertions.Expect(dialog).Not.ToBeVisibleAsync();
            var assignee = page.GetByTestId($"card-{firstKey}").GetByTestId("card-assignee");
            await Assertions.Expect(assignee).ToHaveAttributeAsync("title", "Paula Pereira");
            await Assertions.Expect(assignee).ToContainTextAsync("PP");
            await Assertions.Expect(page.GetByTestId($"card-actions-{firstKey}")).ToBeFocusedAsync();
            await ScreenshotAsync(page, "board-assigned");
            await AssertNoAxeViolationsAsync(page);

            // Over the limit: her second active card is refused, and the dialog says why.
            await page.GetByTestId($"card-actions-{secondKey}").ClickAsync();
            await dialog.GetByTestId("assignee-search").FillAsync("Pereira");
            await page.Keyboard.PressAsync("Enter");
            var refusal = dialog.GetByTestId("card-action-error");
            await Assertions.Expect(refusal).ToContainTextAsync("The assignee is at their personal WIP limit (1 of 1 active cards)");
            await Assertions.Expect(refusal).ToHaveAttributeAsync("data-problem", "personal-wip-limit-reached");
            await Assertions.Expect(page.GetByTestId($"card-{secondKey}").GetByTestId("card-assignee")).ToHaveCountAsync(0);
            await ScreenshotAsync(page, "board-assign-refused");
            await AssertNoAxeViolationsAsync(page);

            await page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(dialog).Not.ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId($"card-actions-{secondKey}")).ToBeFocusedAsync();
        });

        var stored = await CardOnBoardAsync(board.Id(), first.Id());
        stored.GetProperty("assigneeId").GetString().ShouldBe(paula);
        (await CardOnBoardAsync(board.Id(), second.Id())).GetProperty("assigneeId").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task A_card_is_blocked_with_a_reason_that_every_page_shows_and_is_unblocked_again()
    {
        var board = await server.Http.CreateBoardAsync("Daily block");
        var card = await server.Http.AddCardAsync(board.Id(), "Settle the card payments nightly");
        await server.Http.MoveAsync(card, board.LaneId("In progress"));
        var key = Key(card);
        const string Reason = "Waiting for the bank's answer";

        await browser.WithPagesAsync(nameof(A_card_is_blocked_with_a_reason_that_every_page_shows_and_is_unblocked_again), 2, async pages =>
        {
            var (blocker, watcher) = (pages[0], pages[1]);
            await blocker.OpenBoardAsync(server, board.Id());
            await watcher.OpenBoardAsync(server, board.Id());

            await blocker.GetByTestId($"card-actions-{key}").ClickAsync();
            await blocker.GetByTestId("card-block").ClickAsync();
            await Assertions.Expect(blocker.GetByTestId("block-dialog")).ToBeVisibleAsync();
            await Assertions.Expect(blocker.GetByTestId("block-reason")).ToBeFocusedAsync();
            await blocker.GetByTestId("block-reason").FillAsync(Reason);
            await blocker.GetByTestId("block-submit").ClickAsync();

            foreach (var page in pages)
            {
                var marker = page.GetByTestId($"card-{key}").GetByTestId("blocked-marker");
                await Assertions.Expect(marker).ToContainTextAsync($"Blocked <1h: {Reason}");
                await Assertions.Expect(page.GetByTestId($"card-{key}")).ToHaveAttributeAsync("data-blocked", "true");
            }

            await Assertions.Expect(blocker.GetByTestId($"card-actions-{key}")).ToBeFocusedAsync();
            await ScreenshotAsync(watcher, "board-card-blocked");
            await AssertNoAxeViolationsAsync(watcher);

            await blocker.GetByTestId($"card-actions-{key}").ClickAsync();
            await blocker.GetByTestId("card-unblock").ClickAsync();
            foreach (var page in pages)
            {
                await Assertions.Expect(page.GetByTestId($"card-{key}").GetByTestId("blocked-marker")).ToHaveCountAsync(0);
            }

            await ScreenshotAsync(blocker, "board-card-unblocked");
            await AssertNoAxeViolationsAsync(blocker);
        });

        (await CardOnBoardAsync(board.Id(), card.Id())).GetProperty("blocked").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task A_card_opens_its_ticket_on_click_and_on_Enter_also_for_a_viewer()
    {
        var board = await server.Http.CreateBoardAsync("Daily open");
        var card = await server.Http.AddCardAsync(board.Id(), "Show the failed payments to support");
        var key = Key(card);
        var viewerEmail = await AddPersonEmailAsync(board.Id(), "Vera Viewer", "Viewer");
        var ticketUrl = new Uri(server.BaseAddress, $"/tickets/{card.Id()}").ToString();

        await browser.WithPagesAsync(nameof(A_card_opens_its_ticket_on_click_and_on_Enter_also_for_a_viewer), 2, async pages =>
        {
            var (member, viewer) = (pages[0], pages[1]);
            await member.OpenBoardAsync(server, board.Id());
            var tile = member.GetByTestId($"card-{key}");
            await AssertTargetAtLeast24PxAsync(tile);
            await AssertTargetAtLeast24PxAsync(member.GetByTestId($"card-actions-{key}"));
            await ScreenshotAsync(member, "board-open-card");
            await AssertNoAxeViolationsAsync(member);

            await tile.GetByText("Show the failed payments to support").ClickAsync();
            await Assertions.Expect(member).ToHaveURLAsync(ticketUrl);
            await Assertions.Expect(member.GetByTestId("ticket-page")).ToBeVisibleAsync();

            await member.GoBackAsync();
            await Assertions.Expect(member.GetByTestId("connection-state")).ToHaveAttributeAsync("data-state", "connected");
            await member.GetByTestId($"card-{key}").FocusAsync();
            await member.Keyboard.PressAsync("Enter");
            await Assertions.Expect(member).ToHaveURLAsync(ticketUrl);

            // A viewer's card is a link: focusable, and Enter opens the ticket (read-only there).
            await viewer.SignInAsync(server, viewerEmail);
            await viewer.GotoAsync(new Uri(server.BaseAddress, $"/boards/{board.Id()}").ToString());
            await Assertions.Expect(viewer.GetByTestId("connection-state")).ToHaveAttributeAsync("data-state", "connected");
            var link = viewer.GetByTestId($"card-{key}");
            await Assertions.Expect(link).ToHaveAttributeAsync("href", $"/tickets/{card.Id()}");
            await Assertions.Expect(viewer.GetByTestId($"card-actions-{key}")).ToHaveCountAsync(0);
            await AssertTargetAtLeast24PxAsync(link);
            await ScreenshotAsync(viewer, "board-viewer");
            await AssertNoAxeViolationsAsync(viewer);
            await link.FocusAsync();
            await viewer.Keyboard.PressAsync("Enter");
            await Assertions.Expect(viewer).ToHaveURLAsync(ticketUrl);
        });
    }

    [Fact]
    public async Task Search_and_filters_come_from_the_URL_and_each_change_goes_back_into_it()
    {
        var board = await server.Http.CreateBoardAsync("Daily filter");
        var ledger = await server.Http.AddCardAsync(board.Id(), "Export the ledger to a spreadsheet");
        var refund = await AddCardOfClassAsync(board.Id(), "Refund the double charges quickly", "Risk");
        var keys = await server.Http.AddCardAsync(board.Id(), "Rotate the payment signing keys");
        var paula = await AddPersonAsync(board.Id(), "Filter Person", "Member");
        (await server.Http.PostAsJsonAsync($"/api/cards/{keys.Id()}/assign", new { userId = paula })).EnsureSuccessStatusCode();
        var boardUrl = new Uri(server.BaseAddress, $"/boards/{board.Id()}").ToString();

        await browser.WithPagesAsync(nameof(Search_and_filters_come_from_the_URL_and_each_change_goes_back_into_it), 1, async pages =>
        {
            var page = pages[0];
            await page.SignInAsync(server);
            await page.GotoAsync($"{boardUrl}?q=ledger");
            await Assertions.Expect(page.GetByTestId("connection-state")).ToHaveAttributeAsync("data-state", "connected");
            await Assertions.Expect(page.GetByTestId("board-search")).ToHaveValueAsync("ledger");
            await Assertions.Expect(page.GetByTestId($"card-{Key(ledger)}")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId($"card-{Key(refund)}")).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByTestId($"card-{Key(keys)}")).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByTestId("filter-result")).ToHaveTextAsync("1 of 3 cards match");
            await ScreenshotAsync(page, "board-search-from-url");
            await AssertNoAxeViolationsAsync(page);

            // By key too, whatever the case.
            await page.GetByTestId("board-search").FillAsync(Key(refund).ToLowerInvariant());
            await Assertions.Expect(page).ToHaveURLAsync($"{boardUrl}?q={Key(refund).ToLowerInvariant()}");
            await Assertions.Expect(page.GetByTestId($"card-{Key(refund)}")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId($"card-{Key(ledger)}")).ToHaveCountAsync(0);

            await page.GetByTestId("board-search").FillAsync("");
            await page.GetByTestId("filter-class").SelectOptionAsync("Risk");
            await Assertions.Expect(page).ToHaveURLAsync($"{boardUrl}?class=Risk");
            await Assertions.Expect(page.Locator("[data-card-id]")).ToHaveCountAsync(1);
            await Assertions.Expect(page.GetByTestId($"card-{Key(refund)}")).ToBeVisibleAsync();

            await page.GetByTestId("filter-class").SelectOptionAsync("");
            await page.GetByTestId("filter-assignee").SelectOptionAsync(new SelectOptionValue { Label = "Filter Person" });
            await Assertions.Expect(page).ToHaveURLAsync($"{boardUrl}?assignee={paula}");
            await Assertions.Expect(page.Locator("[data-card-id]")).ToHaveCountAsync(1);
            await Assertions.Expect(page.GetByTestId($"card-{Key(keys)}")).ToBeVisibleAsync();

            await page.GetByTestId("filter-assignee").SelectOptionAsync("none");
            await page.GetByTestId("filter-blocked").CheckAsync();
            await Assertions.Expect(page).ToHaveURLAsync($"{boardUrl}?assignee=none&blocked=1");
            await Assertions.Expect(page.Locator("[data-card-id]")).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByTestId("filter-result")).ToHaveTextAsync("0 of 3 cards match");

            // The URL is the filter: opened again, the board shows the same.
            await page.ReloadAsync();
            await Assertions.Expect(page.GetByTestId("filter-blocked")).ToBeCheckedAsync();
            await Assertions.Expect(page.GetByTestId("filter-assignee")).ToHaveValueAsync("none");
            await page.GetByTestId("filter-clear").ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(boardUrl);
            await Assertions.Expect(page.Locator("[data-card-id]")).ToHaveCountAsync(3);
            await AssertNoAxeViolationsAsync(page);
        });
    }

    [Fact]
    public async Task After_a_keyboard_move_focus_stays_on_the_moved_card_through_the_servers_answer_and_live_updates()
    {
        var board = await server.Http.CreateBoardAsync("Daily focus");
        var card = await server.Http.AddCardAsync(board.Id(), "Move me and keep my focus");
        var other = await server.Http.AddCardAsync(board.Id(), "Someone else moves this one");
        var key = Key(card);
        var ready = board.LaneId("Ready");

        await browser.WithPagesAsync(nameof(After_a_keyboard_move_focus_stays_on_the_moved_card_through_the_servers_answer_and_live_updates), 1, async pages =>
        {
            var page = pages[0];
            await page.OpenBoardAsync(server, board.Id());
            var version = await page.GetByTestId("board").GetAttributeAsync("data-version");

            await page.MoveRightByKeyboardAsync(key, "Ready");

            var moved = page.GetByTestId($"lane-{ready}").GetByTestId($"card-{key}");
            await Assertions.Expect(moved).ToBeVisibleAsync();
            await Assertions.Expect(moved).ToBeFocusedAsync();

            // The server has answered (the board's version moved on): still focused.
            await Assertions.Expect(page.GetByTestId("board")).Not.ToHaveAttributeAsync("data-version", version!);
            await Assertions.Expect(moved).ToBeFocusedAsync();

            // A live update re-renders the board: focus stays.
            await server.Http.MoveAsync(other, ready);
            await Assertions.Expect(page.GetByTestId($"lane-{ready}").GetByTestId($"card-{Key(other)}")).ToBeVisibleAsync();
            await Assertions.Expect(moved).ToBeFocusedAsync();

            // Someone moves the card itself on: it is drawn in its new lane, and focus follows it.
            await server.Http.MoveAsync(card, board.LaneId("In progress"));
            var movedOn = page.GetByTestId($"lane-{board.LaneId("In progress")}").GetByTestId($"card-{key}");
            await Assertions.Expect(movedOn).ToBeVisibleAsync();
            await Assertions.Expect(movedOn).ToBeFocusedAsync();
            await ScreenshotAsync(page, "board-focus-after-keyboard-move");
            await AssertNoAxeViolationsAsync(page);
        });

        (await CardOnBoardAsync(board.Id(), card.Id())).GetProperty("laneId").GetString().ShouldBe(board.LaneId("In progress"));
    }

    private static string Key(JsonElement card) => card.GetProperty("key").GetString()!;

    private static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.TestResults, $"{name}.png") });

    /// <summary>axe with the WCAG 2.0–2.2 A and AA rules (target size among them) and its best practices.</summary>
    internal static async Task AssertNoAxeViolationsAsync(IPage page) => (await Axe.ViolationsAsync(page)).ShouldBeEmpty();

    private static async Task AssertTargetAtLeast24PxAsync(ILocator target)
    {
        var box = (await target.BoundingBoxAsync())!;
        box.Width.ShouldBeGreaterThanOrEqualTo(24);
        box.Height.ShouldBeGreaterThanOrEqualTo(24);
    }

    private async Task<JsonElement> CardOnBoardAsync(string boardId, string cardId)
    {
        var board = await server.Http.GetFromJsonAsync<JsonElement>($"/api/boards/{boardId}");
        return board.GetProperty("cards").EnumerateArray().Single(c => c.GetProperty("id").GetString() == cardId);
    }

    private async Task SetPersonalWipLimitAsync(string boardId, int limit)
    {
        var settings = (await server.Http.GetFromJsonAsync<JsonObject>($"/api/boards/{boardId}/settings"))!;
        settings["personalWipLimit"] = limit;
        settings.Remove("effectiveStopLineThreshold");
        (await server.Http.PutAsJsonAsync($"/api/boards/{boardId}/settings", settings)).EnsureSuccessStatusCode();
    }

    /// <summary>A new person on the board with a role; returns their user id.</summary>
    private async Task<string> AddPersonAsync(string boardId, string name, string role)
    {
        var email = await AddPersonEmailAsync(boardId, name, role);
        var members = await server.Http.GetFromJsonAsync<JsonElement>($"/api/boards/{boardId}/members");
        return members.EnumerateArray().Single(m => m.GetProperty("email").GetString() == email).GetProperty("userId").GetString()!;
    }

    /// <summary>A new person on the board with a role (who can sign in); returns their e-mail.</summary>
    private async Task<string> AddPersonEmailAsync(string boardId, string name, string role)
    {
        var email = $"daily-{Interlocked.Increment(ref s_person)}@e2e.example";
        (await server.Http.PostAsJsonAsync("/api/users", new { email, displayName = name, password = KanbanServer.Password })).EnsureSuccessStatusCode();
        (await server.Http.PostAsJsonAsync($"/api/boards/{boardId}/members", new { email, role })).EnsureSuccessStatusCode();
        return email;
    }

    private async Task<JsonElement> AddCardOfClassAsync(string boardId, string title, string cardClass)
    {
        var submitted = await server.Http.PostAsJsonAsync($"/api/boards/{boardId}/tickets", new
        {
            title,
            description = "Customers charged twice by the overnight batch get their money back before they have to ask for it.",
            definitionOfDone = new[] { "Every double charge since Monday is refunded in full" },
            estimateDays = 1,
            @class = cardClass,
        });
        submitted.EnsureSuccessStatusCode();
        var ticket = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        var accepted = await server.Http.PostAsJsonAsync($"/api/tickets/{ticket.Id()}/accept", new { });
        accepted.EnsureSuccessStatusCode();
        return await accepted.Content.ReadFromJsonAsync<JsonElement>();
    }
}

/// <summary>The demo board as a team sees it, at a laptop's and a desktop's size: the lanes scroll, not the page.</summary>
public sealed class DailyDemoBoardTests(BrowserFixture browser, DemoKanbanServer server) : IClassFixture<DemoKanbanServer>
{
    [Fact]
    public async Task The_demo_board_fills_the_window_and_scrolls_its_lanes_not_the_page_at_1440_and_1920()
    {
        await browser.WithPagesAsync(nameof(The_demo_board_fills_the_window_and_scrolls_its_lanes_not_the_page_at_1440_and_1920), 1, async pages =>
        {
            var page = pages[0];
            await page.SignInAsync(server, "ben@example.com", "kanban-demo");
            await page.GotoAsync(server.BaseAddress.ToString());
            await page.GetByTestId("board-link-DEMO").ClickAsync();
            await Assertions.Expect(page.GetByTestId("connection-state")).ToHaveAttributeAsync("data-state", "connected");
            await Assertions.Expect(page.Locator("[data-card-id]").First).ToBeVisibleAsync();

            foreach (var (width, height) in new[] { (1440, 900), (1920, 1080) })
            {
                await page.SetViewportSizeAsync(width, height);
                (await page.EvaluateAsync<bool>("() => document.documentElement.scrollHeight <= window.innerHeight"))
                    .ShouldBeTrue($"at {width}x{height} the page itself does not scroll");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.TestResults, $"daily-board-{width}.png") });
            }

            await DailyBoardTests.AssertNoAxeViolationsAsync(page);
        });
    }
}
