using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Kanban.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Kanban.E2E.Tests.Wall;

/// <summary>
/// A wall whose server process dies says so within 5 seconds and greys, and when the server is back on
/// the same port and database it is live again by itself, showing what changed while it was down
/// (made by a second server process on the same database), without the page being reloaded.
/// </summary>
public sealed class WallReconnectTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_wall_says_connection_lost_within_5_seconds_of_the_server_dying_and_comes_back_live_with_what_changed_meanwhile_without_a_reload()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("kanban-wall-restart-").FullName;
        var port = KanbanProcess.FreePort();
        var processes = new List<KanbanProcess>();
        try
        {
            var first = await KanbanProcess.StartAsync(port, dataDirectory);
            processes.Add(first);
            string boardId;
            string link;
            using (var admin = await first.AdminClientAsync())
            {
                var board = await admin.CreateBoardAsync("Wall across restarts");
                boardId = board.Id();
                await admin.AddDistinctCardAsync(boardId, "Refund status on the order page for every merchant");
                var card = await admin.AddDistinctCardAsync(boardId, "Email merchants a daily summary of failed payments");
                await admin.MoveAsync(card, board.LaneId("Ready"));
                link = await admin.WallLinkAsync(boardId);
            }

            await browser.WithPagesAsync(nameof(A_wall_says_connection_lost_within_5_seconds_of_the_server_dying_and_comes_back_live_with_what_changed_meanwhile_without_a_reload), 1, async pages =>
            {
                var page = pages[0];
                await page.SetViewportSizeAsync(1920, 1080);
                await page.GotoAsync(new Uri(first.Address, link).ToString());
                await page.WaitLiveAsync();
                await Assertions.Expect(page.GetByTestId("wall-lane").GetByTestId("wall-card")).ToHaveCountAsync(1);
                // Gone if the page were loaded again.
                await page.EvaluateAsync("() => { window.sameWall = true; }");

                // The server process dies: within 5 s the wall says it is not live, and since when, and greys.
                await first.KillAsync();
                var sinceDeath = Stopwatch.StartNew();
                var stale = page.GetByTestId("wall-stale");
                await Assertions.Expect(stale).ToBeVisibleAsync(new() { Timeout = 10_000 });
                sinceDeath.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5), "the wall says it is stale within 5 seconds");
                await Assertions.Expect(stale).ToHaveTextAsync(new Regex(@"^Connection lost, shown as of \d\d:\d\d\."));
                await Assertions.Expect(page.GetByTestId("wall")).ToHaveAttributeAsync("data-live", "lost");
                (await page.Locator(".wall__board").EvaluateAsync<string>("e => getComputedStyle(e).filter")).ShouldContain("grayscale");
                await page.ScreenshotAsync(new() { Path = Path.Combine(Repository.TestResults, "wall-connection-lost-1920x1080.png") });

                // Meanwhile a second server process on the same database takes a change: a card pulled into Ready, the line stopped.
                var second = await KanbanProcess.StartAsync(KanbanProcess.FreePort(), dataDirectory);
                processes.Add(second);
                using (var admin = await second.AdminClientAsync())
                {
                    var board = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/boards/{boardId}");
                    var card = await admin.AddDistinctCardAsync(boardId, "Made while the wall was down: show payouts per week");
                    await admin.MoveAsync(card, board.LaneId("Ready"));
                    (await admin.PostAsJsonAsync($"/api/boards/{boardId}/line/stop", new { reason = "Stopped while the wall was down" })).EnsureSuccessStatusCode();
                }

                await second.KillAsync();
                await Assertions.Expect(stale).ToBeVisibleAsync();
                await Assertions.Expect(page.GetByText("Made while the wall was down")).ToHaveCountAsync(0);

                // The first server again, on the same port and database: the wall reconnects by itself and reloads the board.
                processes.Add(await KanbanProcess.StartAsync(port, dataDirectory));
                await Assertions.Expect(page.GetByTestId("wall")).ToHaveAttributeAsync("data-live", "connected", new() { Timeout = 90_000 });
                await Assertions.Expect(stale).ToHaveCountAsync(0);
                await Assertions.Expect(page.GetByTestId("wall-lane").GetByTestId("wall-card")).ToHaveCountAsync(2);
                await Assertions.Expect(page.GetByText("Made while the wall was down: show payouts per week")).ToBeVisibleAsync();
                await Assertions.Expect(page.GetByTestId("wall-line-reason")).ToHaveTextAsync("Stopped while the wall was down");
                (await page.EvaluateAsync<bool>("() => window.sameWall === true")).ShouldBeTrue("the page was not reloaded");
                (await page.Locator(".wall__board").EvaluateAsync<string>("e => getComputedStyle(e).filter")).ShouldBe("none");
                await page.ScreenshotAsync(new() { Path = Path.Combine(Repository.TestResults, "wall-reconnected-1920x1080.png") });
            });
        }
        catch
        {
            foreach (var process in processes)
            {
                TestContext.Current.TestOutputHelper?.WriteLine($"Server process {process.Id} at {process.Address}:\n{process.Output}");
            }

            throw;
        }
        finally
        {
            foreach (var process in processes)
            {
                await process.DisposeAsync();
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
