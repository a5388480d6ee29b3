using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kanban.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Kanban.E2E.Tests.Wall;

/// <summary>
/// The wall on a kiosk (opened with a wall share link, nobody signed in) on a staging server: the
/// whole board fits at 1920x1080 in type of 24 px and more, shrinks or pages at other sizes, says at
/// once when the line stops, and shows the environment banner like every other page.
/// </summary>
public sealed class WallTests(BrowserFixture browser, StagingKanbanServer server) : IClassFixture<StagingKanbanServer>
{
    private static readonly string[] Lanes = ["Ready", "In progress", "Ready for test", "Testing"];

    private static string LongTitle(int i) =>
        $"Show merchant {i} every refund and chargeback of the last ninety days with its state, amount and bank reference";

    private async Task<JsonElement> BoardWithCardsInProgressAsync(string name, int perLane)
    {
        var board = await server.Http.CreateBoardAsync(name);
        var id = board.Id();
        // Room for them all, and no automatic stop on the way.
        await server.Http.SetSettingsAsync(id, new Dictionary<string, object?> { ["stopLineThreshold"] = 500, ["personalWipLimit"] = 20 });
        foreach (var lane in Lanes)
        {
            await server.Http.SetLimitAsync(board, lane, perLane);
        }

        var me = await server.Http.GetFromJsonAsync<JsonElement>("/api/me");
        var n = 0;
        foreach (var lane in Lanes)
        {
            for (var i = 0; i < perLane; i++)
            {
                var card = await server.Http.AddDistinctCardAsync(id, LongTitle(++n));
                await server.Http.MoveAsync(card, board.LaneId(lane));
                if (n % 3 == 0)
                {
                    (await server.Http.PostAsJsonAsync($"/api/cards/{card.Id()}/assign", new { userId = me.Id() })).EnsureSuccessStatusCode();
                }

                if (n % 7 == 0)
                {
                    (await server.Http.PostAsJsonAsync($"/api/cards/{card.Id()}/block", new { reason = "Waiting for the bank's sandbox" })).EnsureSuccessStatusCode();
                }
            }
        }

        for (var i = 0; i < 5; i++)
        {
            await server.Http.AddDistinctCardAsync(id, $"Backlog idea {i}: let merchants export their payouts as a spreadsheet every week");
        }

        return board;
    }

    [Fact]
    public async Task Forty_cards_in_progress_with_long_titles_fit_at_1920x1080_in_type_of_24px_or_more_and_fit_or_page_at_720p_and_4k()
    {
        var board = await BoardWithCardsInProgressAsync("Wall of forty", perLane: 10);
        var link = await server.Http.WallLinkAsync(board.Id());

        await browser.WithPagesAsync(nameof(Forty_cards_in_progress_with_long_titles_fit_at_1920x1080_in_type_of_24px_or_more_and_fit_or_page_at_720p_and_4k), 1, async pages =>
        {
            var page = pages[0];
            await page.SetViewportSizeAsync(1920, 1080);
            await page.GotoAsync(new Uri(server.BaseAddress, link).ToString());
            await page.WaitLiveAsync();

            // Everything on one page, nothing scrolls, every title 24 px or more.
            await Assertions.Expect(page.GetByTestId("wall-lane").GetByTestId("wall-card")).ToHaveCountAsync(40);
            await Assertions.Expect(page.GetByTestId("wall-page")).ToHaveCountAsync(0);
            var (min, cards) = await page.CheckFitsAsync(24, "1920x1080");
            cards.ShouldBe(40);
            min.ShouldBeGreaterThanOrEqualTo(24);

            // Lane titles say count/limit, and a lane at its limit says so in words.
            var ready = page.GetByTestId("wall-lane").Filter(new() { HasText = "Ready" }).First;
            await Assertions.Expect(ready.GetByTestId("wall-lane-count")).ToHaveTextAsync("10/10");
            await Assertions.Expect(ready.GetByTestId("wall-lane-limit")).ToHaveTextAsync("Full");
            await Assertions.Expect(page.GetByTestId("wall-lane-limit")).ToHaveCountAsync(4);
            // The backlog and done as counts and the next few cards.
            var backlog = page.GetByTestId("wall-side-lane").First;
            await Assertions.Expect(backlog.GetByTestId("wall-lane-count")).ToHaveTextAsync("5");
            await Assertions.Expect(backlog.GetByTestId("wall-card")).ToHaveCountAsync(3);
            // Markers: blocked in words, assignee initials, age in days.
            await Assertions.Expect(page.GetByTestId("wall-card-blocked")).ToHaveCountAsync(5);
            await Assertions.Expect(page.GetByTestId("wall-card-assignee").First).ToContainTextAsync("A");
            await Assertions.Expect(page.GetByTestId("wall-lane").GetByTestId("wall-card-age").First).ToHaveTextAsync(new Regex(@"^\d+(\.\d+)?d"));
            // No controls: nothing on the wall takes focus.
            (await page.Locator("[data-testid=wall] a, [data-testid=wall] button, [data-testid=wall] input").CountAsync()).ShouldBe(0);

            await page.ScreenshotAsync(new() { Path = Path.Combine(Repository.TestResults, "wall-40-cards-1920x1080.png") });
            (await Axe.ViolationsAsync(page)).ShouldBeEmpty();

            foreach (var (width, height) in new[] { (3840, 2160), (1280, 720) })
            {
                await page.SetViewportSizeAsync(width, height);
                await Assertions.Expect(page.GetByTestId("wall")).ToHaveAttributeAsync("data-title-px", new Regex(@"^\d+$"));
                await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=wall-lane] [data-testid=wall-card]').length > 0");
                var pagesCount = int.Parse((await page.GetByTestId("wall").GetAttributeAsync("data-pages"))!);
                var (smallest, shown) = await page.CheckFitsAsync(24, $"{width}x{height}");
                if (pagesCount == 1)
                {
                    shown.ShouldBe(40, $"one page at {width}x{height} shows every card");
                }
                else
                {
                    await Assertions.Expect(page.GetByTestId("wall-page")).ToHaveTextAsync(new Regex($"^Page \\d of {pagesCount}$"));
                    smallest.ShouldBe(24, 0.5, "a paged wall is at the floor");
                }

                if (width == 3840)
                {
                    pagesCount.ShouldBe(1);
                    smallest.ShouldBeGreaterThanOrEqualTo(1.6 * min, "4K shows the board in type much larger than 1080p");
                }

                await page.ScreenshotAsync(new() { Path = Path.Combine(Repository.TestResults, $"wall-40-cards-{width}x{height}.png") });
            }
        });
    }

    [Fact]
    public async Task The_stopped_line_banner_appears_within_a_second_of_the_stop_with_its_reason_kind_who_and_a_ticking_time_and_beeps_only_when_the_sound_is_on()
    {
        var board = await server.Http.CreateBoardAsync("Wall alarms");
        var id = board.Id();
        await server.Http.AddDistinctCardAsync(id, "Refund status on the order page for every merchant");
        var link = await server.Http.WallLinkAsync(id);

        await browser.WithPagesAsync(nameof(The_stopped_line_banner_appears_within_a_second_of_the_stop_with_its_reason_kind_who_and_a_ticking_time_and_beeps_only_when_the_sound_is_on), 1, async pages =>
        {
            var page = pages[0];
            await page.SetViewportSizeAsync(1920, 1080);
            await page.GotoAsync(new Uri(server.BaseAddress, link).ToString());
            await page.WaitLiveAsync();
            await Assertions.Expect(page.GetByTestId("wall-line-banner")).ToHaveCountAsync(0);

            // Sound off (the default): the banner, no beep.
            var stop = await server.Http.PostAsJsonAsync($"/api/boards/{id}/line/stop", new { reason = "Payments to the sandbox fail" });
            stop.EnsureSuccessStatusCode();
            var sinceStop = Stopwatch.StartNew();
            await Assertions.Expect(page.GetByTestId("wall-line-banner")).ToBeVisibleAsync(new() { Timeout = 5_000 });
            sinceStop.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1), "the wall shows a stopped line within a second");

            var banner = page.GetByTestId("wall-line-banner");
            await Assertions.Expect(banner.GetByTestId("wall-line-reason")).ToHaveTextAsync("Payments to the sandbox fail");
            await Assertions.Expect(banner.GetByTestId("wall-line-kind")).ToHaveTextAsync("Andon cord pulled by Administrator");
            var first = await banner.GetByTestId("wall-line-for").TextContentAsync();
            await Assertions.Expect(banner.GetByTestId("wall-line-for")).Not.ToHaveTextAsync(first!, new() { Timeout = 5_000 });
            await Assertions.Expect(banner.GetByTestId("wall-line-for")).ToHaveTextAsync(new Regex(@"for \d+ s \(since \d\d:\d\d\)"));
            var box = (await banner.BoundingBoxAsync())!;
            box.Width.ShouldBe(1920, 1, "the banner is full width");
            await page.ScreenshotAsync(new() { Path = Path.Combine(Repository.TestResults, "wall-line-stopped-1920x1080.png") });
            (await Axe.ViolationsAsync(page)).ShouldBeEmpty();
            await Assertions.Expect(page.GetByTestId("wall")).ToHaveAttributeAsync("data-beeps", "0");

            (await server.Http.PostAsJsonAsync($"/api/boards/{id}/line/resume", new { note = "Sandbox is back" })).EnsureSuccessStatusCode();
            await Assertions.Expect(page.GetByTestId("wall-line-banner")).ToHaveCountAsync(0);

            // Sound on: the next stop beeps once.
            await server.Http.SetSettingsAsync(id, new Dictionary<string, object?> { ["lineStopSound"] = true });
            await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=wall]')?.dataset.live === 'connected'");
            await page.WaitForTimeoutAsync(500); // The board's reload after the settings change brings the setting.
            (await server.Http.PostAsJsonAsync($"/api/boards/{id}/line/stop", new { reason = "Again" })).EnsureSuccessStatusCode();
            await Assertions.Expect(page.GetByTestId("wall-line-banner")).ToBeVisibleAsync(new() { Timeout = 1_000 });
            await Assertions.Expect(page.GetByTestId("wall")).ToHaveAttributeAsync("data-beeps", "1");
        });
    }

    [Fact]
    public async Task A_kiosk_needs_no_sign_in_a_revoked_link_says_so_instead_of_asking_to_sign_in_and_a_member_opens_the_wall_signed_in()
    {
        var board = await server.Http.CreateBoardAsync("Wall access");
        var id = board.Id();
        var link = await server.Http.WallLinkAsync(id);
        var links = await server.Http.GetFromJsonAsync<JsonElement>($"/api/boards/{id}/share-links");

        await browser.WithPagesAsync(nameof(A_kiosk_needs_no_sign_in_a_revoked_link_says_so_instead_of_asking_to_sign_in_and_a_member_opens_the_wall_signed_in), 1, async pages =>
        {
            var page = pages[0];
            await page.SetViewportSizeAsync(1920, 1080);
            await page.GotoAsync(new Uri(server.BaseAddress, link).ToString());
            await page.WaitLiveAsync();
            var environment = page.GetByTestId("environment-banner");
            await Assertions.Expect(environment).ToHaveTextAsync(StagingKanbanServer.Banner);
            (await environment.Locator("b").CountAsync()).ShouldBe(0, "the banner is text, never markup");
            (await environment.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor")).ShouldBe("rgb(122, 62, 0)");

            // Revoked: the kiosk is told, and is not sent to sign in.
            var linkId = links.EnumerateArray().Single(l => l.GetProperty("revokedAt").ValueKind == JsonValueKind.Null).Id();
            (await server.Http.DeleteAsync($"/api/share-links/{linkId}")).EnsureSuccessStatusCode();
            await Assertions.Expect(page.GetByTestId("wall-revoked")).ToBeVisibleAsync();
            await page.ReloadAsync();
            await Assertions.Expect(page.GetByTestId("wall-link-invalid")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("wall-link-invalid")).ToContainTextAsync("not valid, or it was revoked");
            await page.WaitForTimeoutAsync(1_000);
            page.Url.ShouldContain("/wall/", customMessage: "a revoked link stays on the wall, not the sign-in page");
            await Assertions.Expect(environment).ToBeVisibleAsync();
            (await Axe.ViolationsAsync(page)).ShouldBeEmpty();

            // Without a link, a stranger signs in first, and the sign-in page shows the banner too.
            await page.GotoAsync(new Uri(server.BaseAddress, $"/wall/{id}").ToString());
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/signin"));
            await Assertions.Expect(environment).ToHaveTextAsync(StagingKanbanServer.Banner);

            // A signed-in member of the board opens it without a link; the board's own page has the banner as well.
            await page.SignInAsync(server);
            await page.GotoAsync(new Uri(server.BaseAddress, $"/boards/{id}").ToString());
            await Assertions.Expect(environment).ToHaveTextAsync(StagingKanbanServer.Banner);
            await page.GotoAsync(new Uri(server.BaseAddress, $"/wall/{id}").ToString());
            await page.WaitLiveAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Wall access", Level = 1 })).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task A_wall_whose_link_goes_silent_without_closing_says_so_within_5_seconds_and_comes_back_by_itself()
    {
        var board = await server.Http.CreateBoardAsync("Wall gone quiet");
        var id = board.Id();
        var link = await server.Http.WallLinkAsync(id);

        await browser.WithPagesAsync(nameof(A_wall_whose_link_goes_silent_without_closing_says_so_within_5_seconds_and_comes_back_by_itself), 1, async pages =>
        {
            var page = pages[0];
            await page.SetViewportSizeAsync(1920, 1080);
            await page.GotoAsync(new Uri(server.BaseAddress, link).ToString());
            await page.WaitLiveAsync();

            // The network goes away under an open link: no close arrives, only the pings stop.
            await page.Context.SetOfflineAsync(true);
            var sinceSilence = Stopwatch.StartNew();
            await Assertions.Expect(page.GetByTestId("wall-stale")).ToBeVisibleAsync(new() { Timeout = 15_000 });
            sinceSilence.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5.5), "a silent link is seen within 5 s (the client's server timeout)");

            await page.Context.SetOfflineAsync(false);
            (await server.Http.PostAsJsonAsync($"/api/boards/{id}/line/stop", new { reason = "Stopped while the wall was offline" })).EnsureSuccessStatusCode();
            await Assertions.Expect(page.GetByTestId("wall")).ToHaveAttributeAsync("data-live", "connected", new() { Timeout = 60_000 });
            await Assertions.Expect(page.GetByTestId("wall-line-reason")).ToHaveTextAsync("Stopped while the wall was offline");
        });
    }
}
