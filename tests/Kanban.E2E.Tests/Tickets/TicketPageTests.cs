using System.Net.Http.Json;
using System.Text.Json;
using Kanban.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Kanban.E2E.Tests.Tickets;

/// <summary>
/// The ticket page and triage's undo, as the demo's people use them: comments arrive live on a second
/// screen, a viewer reads a card's ticket with no control, a member blocks and unblocks from the ticket,
/// and a product owner takes back an accept from the keyboard so the card leaves every board.
/// </summary>
public sealed class TicketPageTests(BrowserFixture browser, DemoKanbanServer server) : IClassFixture<DemoKanbanServer>
{
    private const string DemoPassword = "kanban-demo";

    [Fact]
    public async Task A_comment_made_on_one_screen_appears_on_another_open_on_the_same_ticket_without_a_reload()
    {
        var boardId = await DemoBoardIdAsync();
        var card = await server.Http.AddCardAsync(boardId, "Show the approver of each refund on the payment page");
        var ticketId = card.Id();
        const string Comment = "The bank's API names the approver as <b>name</b>; show it as it comes.";

        await browser.WithPagesAsync(nameof(A_comment_made_on_one_screen_appears_on_another_open_on_the_same_ticket_without_a_reload), 2, async pages =>
        {
            var (reader, writer) = (pages[0], pages[1]);
            await OpenTicketAsync(reader, "ana@example.com", ticketId);
            await reader.EvaluateAsync("() => { window.notReloaded = true; }");
            await Assertions.Expect(reader.GetByTestId("ticket-no-comments")).ToBeVisibleAsync();

            await OpenTicketAsync(writer, "ben@example.com", ticketId);
            await writer.GetByLabel("Add a comment").FillAsync(Comment);
            await writer.GetByTestId("ticket-comment-submit").ClickAsync();
            await Assertions.Expect(writer.GetByTestId("ticket-comment-text")).ToHaveTextAsync(Comment);
            await Assertions.Expect(writer.GetByLabel("Add a comment")).ToHaveValueAsync("");

            // The other screen shows it by itself, with who wrote it, as text.
            var shown = reader.GetByTestId("ticket-comment");
            await Assertions.Expect(shown).ToHaveCountAsync(1);
            await Assertions.Expect(reader.GetByTestId("ticket-comment-text")).ToHaveTextAsync(Comment);
            await Assertions.Expect(reader.GetByTestId("ticket-comment-by")).ToHaveTextAsync("Ben Member");
            await Assertions.Expect(shown.Locator("b")).ToHaveCountAsync(0);
            (await reader.EvaluateAsync<bool>("() => window.notReloaded === true")).ShouldBeTrue("the reader's page was not reloaded");

            // Every history entry names its person.
            var names = await reader.GetByTestId("ticket-history-by").AllInnerTextsAsync();
            names.ShouldNotBeEmpty();
            names.ShouldAllBe(n => !n.Contains("imported") && !n.Contains("someone"), "each entry carries its person's name");

            await reader.ScreenshotsAsync("ticket-page");
            (await Axe.ViolationsAsync(reader)).ShouldBeEmpty();
        });
    }

    [Fact]
    public async Task A_viewer_opens_a_ticket_on_the_board_and_reads_it_with_its_block_and_comments_and_no_control()
    {
        var boardId = await DemoBoardIdAsync();
        var card = await server.Http.AddCardAsync(boardId, "Explain declined payments to merchants in plain words");
        var (ticketId, key) = (card.Id(), card.GetProperty("key").GetString()!);
        (await server.Http.PostAsJsonAsync($"/api/cards/{ticketId}/block", new { reason = "Waiting for the bank's list of decline codes" })).EnsureSuccessStatusCode();
        (await server.Http.PostAsJsonAsync($"/api/tickets/{ticketId}/comments", new { text = "Asked the bank on Monday." })).EnsureSuccessStatusCode();

        await browser.WithPagesAsync(nameof(A_viewer_opens_a_ticket_on_the_board_and_reads_it_with_its_block_and_comments_and_no_control), 1, async pages =>
        {
            var viewer = pages[0];
            await viewer.SignInAsync(server, "cleo@example.com", DemoPassword);
            await viewer.GotoAsync(new Uri(server.BaseAddress, $"/boards/{boardId}").ToString());
            await Assertions.Expect(viewer.GetByTestId("connection-state")).ToHaveAttributeAsync("data-state", "connected");
            await Assertions.Expect(viewer.GetByTestId($"card-{key}")).ToBeVisibleAsync();

            // The card's ticket, as its link opens it (opening by click or Enter is the board's own test).
            await viewer.GotoAsync(new Uri(server.BaseAddress, $"/tickets/{ticketId}").ToString());

            var page = viewer.GetByTestId("ticket-page");
            await Assertions.Expect(page).ToHaveAttributeAsync("data-ticket-id", ticketId);
            await Assertions.Expect(page).ToHaveAttributeAsync("data-live", "connected");
            await Assertions.Expect(viewer.GetByTestId("ticket-state")).ToHaveAttributeAsync("data-state", "OnBoard");
            await Assertions.Expect(viewer.GetByTestId("ticket-blocked-reason")).ToHaveTextAsync("Waiting for the bank's list of decline codes");
            await Assertions.Expect(viewer.GetByTestId("ticket-comment-text")).ToHaveTextAsync("Asked the bank on Monday.");
            await Assertions.Expect(viewer.GetByTestId("ticket-history")).ToBeVisibleAsync();

            // Read only: no edit, assign, block or comment, and nothing else to press on the ticket.
            foreach (var control in new[] { "ticket-edit", "ticket-assign", "ticket-unassign", "ticket-block", "ticket-unblock", "ticket-comment-form" })
            {
                await Assertions.Expect(viewer.GetByTestId(control)).ToHaveCountAsync(0);
            }

            await Assertions.Expect(page.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByRole(AriaRole.Textbox)).ToHaveCountAsync(0);

            await viewer.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.TestResults, "ticket-page-viewer.png"), FullPage = true });
            (await Axe.ViolationsAsync(viewer)).ShouldBeEmpty();
        });
    }

    [Fact]
    public async Task A_member_blocks_a_card_from_its_ticket_with_a_reason_sees_for_how_long_and_unblocks_it()
    {
        var boardId = await DemoBoardIdAsync();
        var card = await server.Http.AddCardAsync(boardId, "Retry failed card payments once after a minute");
        var ticketId = card.Id();
        const string Reason = "The payment provider's sandbox is down";

        await browser.WithPagesAsync(nameof(A_member_blocks_a_card_from_its_ticket_with_a_reason_sees_for_how_long_and_unblocks_it), 1, async pages =>
        {
            var member = pages[0];
            await OpenTicketAsync(member, "ben@example.com", ticketId);
            await Assertions.Expect(member.GetByTestId("ticket-not-blocked")).ToBeVisibleAsync();

            // From the keyboard: the button opens the reason, Enter blocks.
            await member.GetByTestId("ticket-block").FocusAsync();
            await member.Keyboard.PressAsync("Enter");
            await Assertions.Expect(member.GetByLabel("What blocks it?")).ToBeFocusedAsync();
            await member.Keyboard.PressAsync("Enter");
            await Assertions.Expect(member.GetByTestId("ticket-block-error")).ToContainTextAsync("Say what blocks it");
            await member.Keyboard.TypeAsync(Reason);
            await member.Keyboard.PressAsync("Enter");

            await Assertions.Expect(member.GetByTestId("ticket-blocked-reason")).ToHaveTextAsync(Reason);
            await Assertions.Expect(member.GetByTestId("ticket-blocked")).ToContainTextAsync("Blocked for less than a minute");
            await Assertions.Expect(member.GetByTestId("ticket-unblock")).ToBeFocusedAsync();
            await Assertions.Expect(member.GetByTestId("ticket-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("blocked\\.$"));
            var blocked = await server.Http.GetTicketAsync(ticketId);
            blocked.GetProperty("blocked").GetBoolean().ShouldBeTrue();
            blocked.GetProperty("blockedReason").GetString().ShouldBe(Reason);

            await member.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.TestResults, "ticket-page-blocked.png"), FullPage = true });
            (await Axe.ViolationsAsync(member)).ShouldBeEmpty();

            await member.Keyboard.PressAsync("Enter");
            await Assertions.Expect(member.GetByTestId("ticket-not-blocked")).ToBeVisibleAsync();
            (await server.Http.GetTicketAsync(ticketId)).GetProperty("blocked").GetBoolean().ShouldBeFalse();
        });
    }

    [Fact]
    public async Task A_product_owner_undoes_an_accept_from_the_keyboard_and_the_ticket_is_back_in_the_inbox_and_off_every_board()
    {
        var boardId = await DemoBoardIdAsync();
        using var ben = await server.ClientForAsync("ben@example.com");
        var first = await ben.SubmitTicketAsync(boardId, "Let merchants download their monthly statement as a spreadsheet");
        var second = await ben.SubmitTicketAsync(boardId, "Warn merchants a week before their card on file expires");
        var (ticketId, key) = (first.Id(), first.GetProperty("key").GetString()!);
        var (secondId, secondKey) = (second.Id(), second.GetProperty("key").GetString()!);

        await browser.WithPagesAsync(nameof(A_product_owner_undoes_an_accept_from_the_keyboard_and_the_ticket_is_back_in_the_inbox_and_off_every_board), 2, async pages =>
        {
            var (owner, watcher) = (pages[0], pages[1]);
            await watcher.OpenBoardAsync(server, boardId);

            await owner.SignInAsync(server, "ana@example.com", DemoPassword);
            await owner.GotoAsync(new Uri(server.BaseAddress, $"/boards/{boardId}/triage").ToString());
            var item = owner.GetByTestId($"triage-item-{key}");
            await SelectAsync(owner, item);

            // Accept with a: what was done is said, with its undo.
            await owner.Keyboard.PressAsync("a");
            await Assertions.Expect(item).ToHaveCountAsync(0);
            await Assertions.Expect(owner.GetByTestId("triage-status")).ToHaveTextAsync($"{key} accepted to the end of the backlog.");
            await Assertions.Expect(owner.GetByTestId("triage-undo")).ToBeVisibleAsync();
            await Assertions.Expect(watcher.GetByTestId($"card-{key}")).ToBeVisibleAsync();

            // z takes it back: in the inbox again, selected, and the card gone from the other screen.
            await owner.Keyboard.PressAsync("z");
            await Assertions.Expect(item).ToHaveAttributeAsync("data-selected", "true");
            await Assertions.Expect(owner.GetByTestId("triage-status")).ToHaveTextAsync($"Undone: {key} is back in triage.");
            await Assertions.Expect(owner.GetByTestId("triage-undo")).ToHaveCountAsync(0);
            (await server.Http.GetTicketAsync(ticketId)).GetProperty("state").GetString().ShouldBe("Triage");
            var board = await server.Http.GetFromJsonAsync<JsonElement>($"/api/boards/{boardId}");
            board.GetProperty("cards").EnumerateArray().ShouldNotContain(c => c.Id() == ticketId, "an undone accept takes the card off the board");

            // The board no longer shows it (that an open board drops it live is the board's own test).
            await watcher.ReloadAsync();
            await Assertions.Expect(watcher.GetByTestId("connection-state")).ToHaveAttributeAsync("data-state", "connected");
            await Assertions.Expect(watcher.GetByTestId($"card-{key}")).ToHaveCountAsync(0);

            // Accept the other to the top; the undo waits while it has the focus, for the screenshots and axe.
            await SelectAsync(owner, owner.GetByTestId($"triage-item-{secondKey}"));
            await owner.Keyboard.PressAsync("Shift+A");
            var undo = owner.GetByTestId("triage-undo");
            await Assertions.Expect(owner.GetByTestId("triage-status")).ToHaveTextAsync($"{secondKey} accepted to the top of the backlog.");
            await undo.FocusAsync();
            await owner.ScreenshotsAsync("triage-undo");
            (await Axe.ViolationsAsync(owner)).ShouldBeEmpty();
            await owner.Keyboard.PressAsync("Enter");
            await Assertions.Expect(owner.GetByTestId($"triage-item-{secondKey}")).ToHaveAttributeAsync("data-selected", "true");
            (await server.Http.GetTicketAsync(secondId)).GetProperty("state").GetString().ShouldBe("Triage");
        });
    }

    private async Task<string> DemoBoardIdAsync()
    {
        var boards = await server.Http.GetFromJsonAsync<JsonElement>("/api/boards");
        return boards.EnumerateArray().Single(b => b.GetProperty("key").GetString() == "DEMO").Id();
    }

    private async Task OpenTicketAsync(IPage page, string email, string ticketId)
    {
        await page.SignInAsync(server, email, DemoPassword);
        await page.GotoAsync(new Uri(server.BaseAddress, $"/tickets/{ticketId}").ToString());
        await Assertions.Expect(page.GetByTestId("ticket-page")).ToHaveAttributeAsync("data-live", "connected");
    }

    private static async Task SelectAsync(IPage page, ILocator item)
    {
        await Assertions.Expect(item).ToBeVisibleAsync();
        for (var presses = 0; presses < 12 && await item.GetAttributeAsync("data-selected") != "true"; presses++)
        {
            await page.Keyboard.PressAsync("j");
        }

        await Assertions.Expect(item).ToHaveAttributeAsync("data-selected", "true");
    }
}
