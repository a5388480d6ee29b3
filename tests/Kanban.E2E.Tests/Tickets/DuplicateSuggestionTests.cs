using System.Net.Http.Json;
using System.Text.Json;
using Kanban.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Kanban.E2E.Tests.Tickets;

/// <summary>
/// Duplicate detection as people meet it on the demo board: a member typing a ticket that already
/// exists is asked "Is it one of these?" with the original listed, and a product owner sees a flagged
/// ticket's candidates beside its text and merges it into the original with one button.
/// </summary>
public sealed class DuplicateSuggestionTests(BrowserFixture browser, DemoKanbanServer server) : IClassFixture<DemoKanbanServer>
{
    private const string DemoPassword = "kanban-demo";

    [Fact]
    public async Task A_member_typing_a_reworded_copy_of_a_demo_ticket_with_a_typo_is_shown_the_original_under_Is_it_one_of_these()
    {
        var boardId = await DemoBoardIdAsync();

        await browser.WithPagesAsync(nameof(A_member_typing_a_reworded_copy_of_a_demo_ticket_with_a_typo_is_shown_the_original_under_Is_it_one_of_these), 1, async pages =>
        {
            var page = pages[0];
            await page.SignInAsync(server, "ben@example.com", DemoPassword);
            await page.GotoAsync(new Uri(server.BaseAddress, $"/boards/{boardId}/tickets/new").ToString());
            await Assertions.Expect(page.GetByTestId("ticket-form")).ToBeVisibleAsync();
            var suggestions = page.GetByRole(AriaRole.Region, new() { Name = "Is it one of these?" });

            // DEMO-2 is "Support partial refunds against captured payments"; this says the same in other words, with a typo.
            await page.GetByTestId("ticket-title").PressSequentiallyAsync("Allow partial refnds on payments that were captured");
            await page.GetByTestId("ticket-description").PressSequentiallyAsync(
                "When one item of an order comes back, merchants have to give back only part of the money. Add an endpoint for partial refunds that keeps the refunded total of each payment, so what is left to refund is always known and never drops below zero.");

            await Assertions.Expect(suggestions).ToBeVisibleAsync();
            var original = suggestions.GetByTestId("duplicate-DEMO-2");
            await Assertions.Expect(original).ToBeVisibleAsync();
            await Assertions.Expect(original.GetByRole(AriaRole.Link)).ToContainTextAsync("DEMO-2 Support partial refunds against captured payments");
            await Assertions.Expect(original.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/tickets/"));
            await Assertions.Expect(original.GetByTestId("duplicate-match-DEMO-2")).ToHaveTextAsync(
                new System.Text.RegularExpressions.Regex("^(Very likely the same ticket|Similar|Loosely related)$"));
            await Assertions.Expect(original).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\d{1,3}% alike"));
            // The section is under the form, apart from the gates; a polite live region names the closest in one line.
            await Assertions.Expect(page.GetByTestId("ticket-suggestions-status")).ToHaveAttributeAsync("aria-live", "polite");
            await Assertions.Expect(page.GetByTestId("ticket-suggestions-status")).ToContainTextAsync("the closest is DEMO-2");
            (await page.GetByTestId("ticket-gates").Locator("[data-testid='ticket-suggestions']").CountAsync()).ShouldBe(0);

            // The original's link is reached from the description with the keyboard, with a visible focus.
            await page.GetByTestId("ticket-description").FocusAsync();
            var link = original.GetByRole(AriaRole.Link);
            for (var presses = 0; presses < 30 && !await link.EvaluateAsync<bool>("el => el === document.activeElement"); presses++)
            {
                await page.Keyboard.PressAsync("Tab");
            }

            await Assertions.Expect(link).ToBeFocusedAsync();
            (await link.EvaluateAsync<string>("el => getComputedStyle(el).outlineStyle")).ShouldNotBe("none", "the focused link shows its focus");

            await page.ScreenshotsAsync("duplicate-suggestions");
            (await Axe.ViolationsAsync(page)).ShouldBeEmpty();

            // Typing on into something else entirely: the original is no longer suggested.
            await page.GetByTestId("ticket-title").FillAsync("Plan the office party for December");
            await page.GetByTestId("ticket-description").FillAsync("Book a room and order a cake for the team celebration in the second week of December.");
            await Assertions.Expect(page.GetByTestId("duplicate-DEMO-2")).ToHaveCountAsync(0);
        });
    }

    [Fact]
    public async Task In_triage_a_flagged_ticket_shows_its_candidate_beside_its_text_and_Merge_into_the_original_takes_it_out_of_the_inbox()
    {
        var boardId = await DemoBoardIdAsync();
        using var ben = await server.ClientForAsync("ben@example.com");
        // DEMO-10 is "Mask card numbers in application logs" (done): submitted again, reworded, with a typo.
        var response = await ben.PostAsJsonAsync($"/api/boards/{boardId}/tickets", new
        {
            title = "Mask the card numbrs in our application logs",
            description = "Last week a support engineer saw full card numbers in the payments API request logs, which breaches PCI DSS. Mask each primary account number in the log output so only its first six and last four digits are left.",
            definitionOfDone = new[] { "A logged request shows card numbers with only the first six and last four digits" },
            estimateDays = 1,
        });
        response.EnsureSuccessStatusCode();
        var submitted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var (ticketId, key) = (submitted.Id(), submitted.GetProperty("key").GetString()!);
        var original = submitted.GetProperty("duplicates").EnumerateArray().FirstOrDefault(d => d.GetProperty("key").GetString() == "DEMO-10");
        original.ValueKind.ShouldBe(JsonValueKind.Object, $"DEMO-10 is among the new ticket's duplicates: {submitted.GetProperty("duplicates")}");
        var originalId = original.GetProperty("ticketId").GetString()!;
        submitted.GetProperty("likelyDuplicateOf").GetString().ShouldBe(originalId, "the reworded copy is flagged as a likely duplicate of DEMO-10");

        await browser.WithPagesAsync(nameof(In_triage_a_flagged_ticket_shows_its_candidate_beside_its_text_and_Merge_into_the_original_takes_it_out_of_the_inbox), 1, async pages =>
        {
            var owner = pages[0];
            await owner.SignInAsync(server, "ana@example.com", DemoPassword);
            await owner.GotoAsync(new Uri(server.BaseAddress, $"/boards/{boardId}/triage").ToString());
            var item = owner.GetByTestId($"triage-item-{key}");
            await Assertions.Expect(item).ToBeVisibleAsync();
            for (var presses = 0; presses < 12 && await item.GetAttributeAsync("data-selected") != "true"; presses++)
            {
                await owner.Keyboard.PressAsync("j");
            }

            await Assertions.Expect(item).ToHaveAttributeAsync("data-selected", "true");
            await Assertions.Expect(owner.GetByTestId("triage-detail")).ToHaveAttributeAsync("data-ticket", key);

            // The candidate, beside the ticket's own text: key, title, match in words, state and excerpt.
            var text = owner.GetByTestId("triage-ticket-text");
            var candidates = owner.GetByTestId("triage-candidates");
            await Assertions.Expect(text).ToContainTextAsync("Last week a support engineer saw full card numbers");
            var candidate = candidates.GetByTestId("triage-candidate-DEMO-10");
            await Assertions.Expect(candidate).ToBeVisibleAsync();
            await Assertions.Expect(candidate.GetByRole(AriaRole.Link)).ToHaveTextAsync("DEMO-10 Mask card numbers in application logs");
            await Assertions.Expect(candidate.GetByTestId("triage-candidate-match-DEMO-10")).ToHaveTextAsync("Very likely the same ticket");
            await Assertions.Expect(candidate.GetByTestId("triage-candidate-state-DEMO-10")).ToHaveTextAsync("done");
            await Assertions.Expect(candidate.GetByTestId("triage-candidate-excerpt-DEMO-10")).ToContainTextAsync("A support engineer found full card numbers");
            await Assertions.Expect(candidate).ToContainTextAsync("flagged as the likely original");
            await Assertions.Expect(owner.GetByTestId("triage-mark-distinct")).ToBeVisibleAsync();

            // Two columns at both common sizes; one above the other on a narrow screen.
            foreach (var (width, height) in new[] { (1440, 900), (1920, 1080) })
            {
                await owner.SetViewportSizeAsync(width, height);
                var (own, others) = ((await text.BoundingBoxAsync())!, (await candidates.BoundingBoxAsync())!);
                others.X.ShouldBeGreaterThanOrEqualTo(own.X + own.Width, $"at {width}x{height} the candidates stand beside the ticket's text");
                Math.Abs(others.Y - own.Y).ShouldBeLessThan(4, $"at {width}x{height} both columns start at the same height");
                await owner.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.TestResults, $"triage-duplicates-{width}x{height}.png"), FullPage = true });
            }

            await owner.SetViewportSizeAsync(600, 900);
            var (narrowOwn, narrowOthers) = ((await text.BoundingBoxAsync())!, (await candidates.BoundingBoxAsync())!);
            narrowOthers.Y.ShouldBeGreaterThanOrEqualTo(narrowOwn.Y + narrowOwn.Height, "on a narrow screen the candidates come under the ticket's text");
            await owner.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.TestResults, "triage-duplicates-600x900.png"), FullPage = true });
            await owner.SetViewportSizeAsync(1440, 900);

            (await Axe.ViolationsAsync(owner)).ShouldBeEmpty();

            // The merge button is reached with Tab from the candidate's link, and shows its focus.
            var merge = candidate.GetByRole(AriaRole.Button, new() { Name = "Merge into DEMO-10" });
            await candidate.GetByRole(AriaRole.Link).FocusAsync();
            await owner.Keyboard.PressAsync("Tab");
            await Assertions.Expect(merge).ToBeFocusedAsync();
            (await merge.EvaluateAsync<string>("el => getComputedStyle(el).outlineStyle")).ShouldNotBe("none", "the focused button shows its focus");

            // One press: no prompt, and the ticket leaves the inbox.
            await owner.Keyboard.PressAsync("Enter");
            await Assertions.Expect(owner.GetByTestId("triage-prompt")).ToHaveCountAsync(0);
            await Assertions.Expect(item).ToHaveCountAsync(0);
            await Assertions.Expect(owner.GetByTestId("triage-status")).ToHaveTextAsync($"{key} merged into DEMO-10.");
        });

        var merged = await server.Http.GetTicketAsync(ticketId);
        merged.GetProperty("state").GetString().ShouldBe("Merged");
        merged.GetProperty("duplicateOf").GetString().ShouldBe(originalId);
    }

    private async Task<string> DemoBoardIdAsync()
    {
        var boards = await server.Http.GetFromJsonAsync<JsonElement>("/api/boards");
        return boards.EnumerateArray().Single(b => b.GetProperty("key").GetString() == "DEMO").Id();
    }
}
