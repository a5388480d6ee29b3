using System.Net.Http.Json;
using System.Text.Json;
using Kanban.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Kanban.E2E.Tests.Triage;

/// <summary>Rules 5 and 6 end to end: a member's ticket passes the live gates, the product owner accepts it from the keyboard, and the board shows it everywhere at once.</summary>
public sealed class TriageFlowTests(BrowserFixture browser, DemoKanbanServer server) : IClassFixture<DemoKanbanServer>
{
    private const string DemoPassword = "kanban-demo";

    [Fact]
    public async Task A_member_fixes_what_the_gates_point_out_and_the_product_owner_accepts_it_from_the_keyboard_onto_every_open_board()
    {
        var boards = await server.Http.GetFromJsonAsync<JsonElement>("/api/boards");
        var boardId = boards.EnumerateArray().Single(b => b.GetProperty("key").GetString() == "DEMO").Id();
        var board = await server.Http.GetFromJsonAsync<JsonElement>($"/api/boards/{boardId}");
        var backlog = board.LaneId("Backlog");

        await browser.WithPagesAsync(nameof(A_member_fixes_what_the_gates_point_out_and_the_product_owner_accepts_it_from_the_keyboard_onto_every_open_board), 3, async pages =>
        {
            var (member, owner, watcher) = (pages[0], pages[1], pages[2]);

            await watcher.OpenBoardAsync(server, boardId);
            await watcher.EvaluateAsync("() => { window.notReloaded = true; }");

            // The member writes a ticket the way tickets get written in a hurry, and the gates say what is wrong.
            await member.SignInAsync(server, "ben@example.com", DemoPassword);
            await member.GotoAsync(new Uri(server.BaseAddress, $"/boards/{boardId}").ToString());
            await member.GetByTestId("new-ticket-link").ClickAsync();
            await Assertions.Expect(member.GetByTestId("ticket-form")).ToBeVisibleAsync();

            await member.GetByTestId("ticket-title").FillAsync("FIX EMAILS");
            await member.GetByTestId("ticket-description").FillAsync("Merchants want an email.");
            await member.GetByTestId("ticket-dod-0").FillAsync("It works");
            await member.GetByTestId("ticket-estimate").FillAsync("12");

            await Assertions.Expect(member.GetByTestId("gate-title")).ToHaveAttributeAsync("data-passed", "false");
            await Assertions.Expect(member.GetByTestId("gate-title")).ToContainTextAsync("capitals");
            await Assertions.Expect(member.GetByTestId("gate-description")).ToHaveAttributeAsync("data-passed", "false");
            await Assertions.Expect(member.GetByTestId("gate-description")).ToContainTextAsync("4 words");
            await Assertions.Expect(member.GetByTestId("gate-definition-of-done")).ToHaveAttributeAsync("data-passed", "false");
            await Assertions.Expect(member.GetByTestId("gate-definition-of-done")).ToContainTextAsync("\"works\"");
            await Assertions.Expect(member.GetByTestId("gate-estimate")).ToHaveAttributeAsync("data-passed", "false");
            await Assertions.Expect(member.GetByTestId("gate-estimate")).ToContainTextAsync("split");
            await Assertions.Expect(member.GetByTestId("ticket-submit")).ToBeDisabledAsync();
            await member.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.TestResults, "submit-form-gates.png"), FullPage = true });
            await Assertions.Expect(member.GetByTestId("ticket-submit")).ToContainTextAsync("4");

            // The member fixes each one.
            await member.GetByTestId("ticket-title").FillAsync("Email merchants a daily summary of failed payments");
            await member.GetByTestId("ticket-description").FillAsync(
                "Merchants only learn about failed payments when customers complain. Send each merchant an email every morning listing the payments that failed the day before, with the reason for each.");
            await member.GetByTestId("ticket-dod-0").FillAsync("The morning email lists every payment that failed the previous day");
            await member.GetByTestId("ticket-estimate").FillAsync("2");

            foreach (var gate in new[] { "title", "description", "definition-of-done", "estimate", "duplicate" })
            {
                await Assertions.Expect(member.GetByTestId($"gate-{gate}")).ToHaveAttributeAsync("data-passed", "true");
            }

            await Assertions.Expect(member.GetByTestId("ticket-submit")).ToBeEnabledAsync();
            await member.GetByTestId("ticket-submit").ClickAsync();
            await Assertions.Expect(member.GetByTestId("ticket-submitted")).ToBeVisibleAsync();
            var key = System.Text.RegularExpressions.Regex.Match(await member.GetByTestId("ticket-submitted").InnerTextAsync(), @"DEMO-\d+").Value;
            key.ShouldNotBeNullOrEmpty("the confirmation names the new ticket");
            await Assertions.Expect(watcher.GetByTestId($"card-{key}")).ToHaveCountAsync(0);

            // The product owner finds it in the inbox and accepts it with the keyboard alone.
            await owner.SignInAsync(server, "ana@example.com", DemoPassword);
            await owner.GotoAsync(new Uri(server.BaseAddress, $"/boards/{boardId}/triage").ToString());
            await Assertions.Expect(owner.GetByTestId("triage-inbox")).ToBeVisibleAsync();
            var item = owner.GetByTestId($"triage-item-{key}");
            await Assertions.Expect(item).ToBeVisibleAsync();
            for (var presses = 0; presses < 10 && await item.GetAttributeAsync("data-selected") != "true"; presses++)
            {
                await owner.Keyboard.PressAsync("j");
            }

            await Assertions.Expect(item).ToHaveAttributeAsync("data-selected", "true");
            await Assertions.Expect(owner.GetByTestId("triage-detail")).ToContainTextAsync("Email merchants a daily summary of failed payments");
            await owner.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.TestResults, "triage-inbox.png"), FullPage = true });
            await owner.Keyboard.PressAsync("a");
            await Assertions.Expect(item).ToHaveCountAsync(0);

            // Every open board shows the new card in the backlog, without reloading.
            await Assertions.Expect(watcher.GetByTestId($"lane-{backlog}").GetByTestId($"card-{key}")).ToBeVisibleAsync();
            (await watcher.EvaluateAsync<bool>("() => window.notReloaded === true")).ShouldBeTrue("the watcher's page was not reloaded");
            (await Axe.ViolationsAsync(owner)).ShouldBeEmpty();
        });
    }

    [Fact]
    public async Task A_ticket_sent_back_from_the_keyboard_shows_its_comment_to_the_submitter_who_fixes_and_resubmits_it()
    {
        var boards = await server.Http.GetFromJsonAsync<JsonElement>("/api/boards");
        var boardId = boards.EnumerateArray().Single(b => b.GetProperty("key").GetString() == "DEMO").Id();
        using var ben = await ClientForAsync("ben@example.com");
        var submitted = await ben.SubmitTicketAsync(boardId, "Let support search payments by the card's last four digits");
        var (ticketId, key) = (submitted.Id(), submitted.GetProperty("key").GetString()!);
        const string Comment = "Which screen gets the search, and what does it show when two payments match?";

        await browser.WithPagesAsync(nameof(A_ticket_sent_back_from_the_keyboard_shows_its_comment_to_the_submitter_who_fixes_and_resubmits_it), 2, async pages =>
        {
            var (owner, member) = (pages[0], pages[1]);

            // The product owner sends it back, typing the comment inline.
            await owner.SignInAsync(server, "ana@example.com", DemoPassword);
            await owner.GotoAsync(new Uri(server.BaseAddress, $"/boards/{boardId}/triage").ToString());
            var item = owner.GetByTestId($"triage-item-{key}");
            await Assertions.Expect(item).ToBeVisibleAsync();
            for (var presses = 0; presses < 10 && await item.GetAttributeAsync("data-selected") != "true"; presses++)
            {
                await owner.Keyboard.PressAsync("j");
            }

            await Assertions.Expect(item).ToHaveAttributeAsync("data-selected", "true");
            await owner.Keyboard.PressAsync("s");
            await Assertions.Expect(owner.GetByTestId("triage-comment-input")).ToBeFocusedAsync();
            await owner.Keyboard.TypeAsync(Comment);
            await owner.Keyboard.PressAsync("Enter");
            await Assertions.Expect(item).ToHaveCountAsync(0);
            await Assertions.Expect(owner.GetByTestId("triage-sent-back-section")).ToContainTextAsync(key);

            // The submitter reads why, fixes the ticket and resubmits it.
            await member.SignInAsync(server, "ben@example.com", DemoPassword);
            await member.GotoAsync(new Uri(server.BaseAddress, $"/tickets/{ticketId}").ToString());
            await Assertions.Expect(member.GetByTestId("ticket-state")).ToHaveAttributeAsync("data-state", "SentBack");
            await Assertions.Expect(member.GetByTestId("ticket-sent-back-comment")).ToContainTextAsync(Comment);
            await member.GetByTestId("ticket-edit").ClickAsync();
            await member.GetByTestId("ticket-description").FillAsync(
                "Support staff answer calls about payments but can only search by order number. Add a search on the payments screen by the card's last four digits and the payment date, listing every match.");
            await Assertions.Expect(member.GetByTestId("ticket-submit")).ToContainTextAsync("Resubmit for triage");
            await member.GetByTestId("ticket-submit").ClickAsync();
            await Assertions.Expect(member.GetByTestId("ticket-state")).ToHaveAttributeAsync("data-state", "Triage");

            // It is back in the owner's inbox, without a reload.
            await Assertions.Expect(owner.GetByTestId($"triage-item-{key}")).ToBeVisibleAsync();
        });
    }

    private async Task<HttpClient> ClientForAsync(string email)
    {
        var login = await server.Http.PostAsJsonAsync("/api/auth/token", new { email, password = DemoPassword });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var client = new HttpClient { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
