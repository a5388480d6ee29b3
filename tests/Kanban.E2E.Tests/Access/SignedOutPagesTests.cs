using System.Net.Http.Json;
using System.Text.Json;
using Kanban.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Kanban.E2E.Tests.Access;

/// <summary>
/// A stranger's pages (the sign-in page, and any deep link, which sends them there) make no request
/// that fails and log no error: nothing in the network panel or the console says something is broken
/// when nothing is.
/// </summary>
public sealed class SignedOutPagesTests(BrowserFixture browser, DemoKanbanServer server) : IClassFixture<DemoKanbanServer>
{
    [Fact]
    public async Task The_sign_in_page_and_deep_links_opened_signed_out_make_no_failing_request_and_log_no_error()
    {
        var boards = await server.Http.GetFromJsonAsync<JsonElement>("/api/boards");
        var boardId = boards.EnumerateArray().Single(b => b.GetProperty("key").GetString() == "DEMO").GetProperty("id").GetString();
        var board = await server.Http.GetFromJsonAsync<JsonElement>($"/api/boards/{boardId}");
        var ticketId = board.GetProperty("cards").EnumerateArray().First().GetProperty("id").GetString();
        string[] paths =
        [
            "/signin",
            "/",
            $"/boards/{boardId}",
            $"/boards/{boardId}/settings",
            $"/boards/{boardId}/triage",
            $"/tickets/{ticketId}",
            "/admin/people",
            "/no-such-page",
        ];

        await browser.WithPagesAsync(nameof(The_sign_in_page_and_deep_links_opened_signed_out_make_no_failing_request_and_log_no_error), 1, async pages =>
        {
            var page = pages[0];
            var failures = new List<string>();
            page.RequestFailed += (_, request) => failures.Add($"{request.Method} {request.Url}: {request.Failure}");
            page.Response += (_, response) =>
            {
                if (response.Status >= 400)
                {
                    failures.Add($"{response.Request.Method} {response.Url}: {response.Status}");
                }
            };
            page.Console += (_, message) =>
            {
                if (message.Type is "error" or "warning")
                {
                    failures.Add($"console {message.Type}: {message.Text}");
                }
            };

            foreach (var path in paths)
            {
                await page.GotoAsync(new Uri(server.BaseAddress, path).ToString());
                await Assertions.Expect(page.GetByTestId("signin-form")).ToBeVisibleAsync();
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                var expected = path is "/signin" or "/" ? "/signin" : "/signin?next=" + Uri.EscapeDataString(path);
                new Uri(page.Url).PathAndQuery.ShouldBe(expected, $"{path} sends a stranger to the sign-in page, remembering where they were");
            }

            failures.ShouldBeEmpty("no signed-out page may make a failing request or log an error");
        });
    }
}
