using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kanban.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Kanban.E2E.Tests.Status;

/// <summary>
/// The status page as a stakeholder opens it: from a status share link, in a browser that has never
/// signed in; what it shows is what GET /status says; it passes axe, prints on one or two A4 pages,
/// and follows the board live.
/// </summary>
public sealed partial class StatusPageTests(BrowserFixture browser, DemoKanbanServer server) : IClassFixture<DemoKanbanServer>
{
    [Fact]
    public async Task A_status_share_link_opens_the_status_without_signing_in_as_the_server_computes_it_prints_on_A4_and_follows_the_board_live()
    {
        using var ana = await server.ClientForAsync("ana@example.com");
        var boards = await ana.GetFromJsonAsync<JsonElement>("/api/boards");
        var boardId = boards.EnumerateArray().Single(b => b.GetProperty("key").GetString() == "DEMO").Id();
        (await ana.PostAsJsonAsync($"/api/boards/{boardId}/status/notes", new { text = "The bank's sandbox keys arrive on Monday." })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var link = await CreateStatusLinkAsync(ana, boardId);

        // What the page must show: the status as the link itself reads it.
        using var stranger = new HttpClient { BaseAddress = server.BaseAddress };
        var token = Regex.Match(link, "share=([^&]+)").Groups[1].Value;
        var status = await stranger.GetFromJsonAsync<JsonElement>($"/api/boards/{boardId}/status?share={token}");
        var rag = status.GetProperty("rag").GetString()!;
        var reasons = status.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("text").GetString()!).ToArray();
        var rules = status.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("rule").GetString()!).ToArray();

        await browser.WithPagesAsync(nameof(A_status_share_link_opens_the_status_without_signing_in_as_the_server_computes_it_prints_on_A4_and_follows_the_board_live), 1, async pages =>
        {
            var page = pages[0];
            (await page.Context.CookiesAsync()).ShouldBeEmpty("a stakeholder has never signed in");
            await page.GotoAsync(new Uri(server.BaseAddress, link).ToString());

            await Assertions.Expect(page.GetByTestId("status-page")).ToBeVisibleAsync();
            page.Url.ShouldNotContain("/signin");
            await Assertions.Expect(page.GetByTestId("status-rag")).ToHaveAttributeAsync("data-rag", rag);
            await Assertions.Expect(page.GetByTestId("status-rag-word")).ToHaveTextAsync(rag);
            if (reasons.Length > 0)
            {
                await Assertions.Expect(page.GetByTestId("status-reason-text")).ToHaveTextAsync(reasons);
                (await page.GetByTestId("status-reason").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.rule)")).ShouldBe(rules);
            }
            else
            {
                await Assertions.Expect(page.GetByTestId("status-reason")).ToHaveCountAsync(0);
            }

            await Assertions.Expect(page.GetByTestId("status-note").First).ToContainTextAsync("The bank's sandbox keys arrive on Monday.");
            await Assertions.Expect(page.GetByTestId("status-note-form")).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByTestId("status-cfd-chart").Locator("canvas").First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("status-scatter")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("status-aging")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("status-forecast")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("status-live")).ToHaveAttributeAsync("data-state", "live");

            // Every chart is an image with a name, and its data is a table.
            foreach (var chart in new[] { "status-cfd-chart", "status-aging-chart", "status-scatter-chart" })
            {
                await Assertions.Expect(page.GetByTestId(chart)).ToHaveAttributeAsync("role", "img");
                (await page.GetByTestId(chart).GetAttributeAsync("aria-label")).ShouldNotBeNullOrWhiteSpace();
            }

            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await page.ScreenshotsAsync("status");
            (await Axe.ViolationsAsync(page)).ShouldBeEmpty();

            // Printed from Chromium on A4, as the browser prints it (print media, the window as it is):
            // one or two pages, the colour in it. The print layout is kept to look at, too.
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true });
            await File.WriteAllBytesAsync(Path.Combine(Repository.TestResults, "status.pdf"), pdf);
            await page.SetViewportSizeAsync(703, 1032);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.TestResults, "status-print-layout.png"), FullPage = true });
            await page.EmulateMediaAsync(new() { Media = Media.Screen });
            await page.SetViewportSizeAsync(1440, 900);
            var pageCount = PdfPageCount(pdf);
            pageCount.ShouldBeInRange(1, 2, "a normal board's status prints on one or two A4 pages");
            PdfTitle(pdf).ShouldStartWith($"{rag} · Status", Case.Sensitive, "the printed status names its colour");

            // Live: a change made elsewhere shows without reloading the page.
            await page.EvaluateAsync("() => { window.__notReloaded = true; }");
            var versionBefore = long.Parse((await page.GetByTestId("status-page").GetAttributeAsync("data-version"))!);
            var board = await ana.GetFromJsonAsync<JsonElement>($"/api/boards/{boardId}");
            var inProgress = board.LaneId("In progress");
            var card = board.GetProperty("cards").EnumerateArray().First(c => c.GetProperty("laneId").GetString() == inProgress && !c.GetProperty("blocked").GetBoolean());
            var key = card.GetProperty("key").GetString()!;
            (await ana.PostAsJsonAsync($"/api/cards/{card.Id()}/block", new { reason = "waiting for the bank's test keys" })).EnsureSuccessStatusCode();

            await Assertions.Expect(page.GetByTestId("status-blocked-card").Filter(new() { HasText = key })).ToContainTextAsync("waiting for the bank's test keys");
            long.Parse((await page.GetByTestId("status-page").GetAttributeAsync("data-version"))!).ShouldBeGreaterThan(versionBefore);
            (await page.EvaluateAsync<bool>("() => window.__notReloaded === true")).ShouldBeTrue("the page refetched, it did not reload");

            // A note added meanwhile arrives too (StatusNoteAdded), beside the colour.
            (await ana.PostAsJsonAsync($"/api/boards/{boardId}/status/notes", new { text = "Testing is short of one person this week." })).EnsureSuccessStatusCode();
            await Assertions.Expect(page.GetByTestId("status-note").First).ToContainTextAsync("Testing is short of one person this week.");
            (await page.EvaluateAsync<bool>("() => window.__notReloaded === true")).ShouldBeTrue("the note came live, not by a reload");
            var after = await stranger.GetFromJsonAsync<JsonElement>($"/api/boards/{boardId}/status?share={token}");
            await Assertions.Expect(page.GetByTestId("status-rag")).ToHaveAttributeAsync("data-rag", after.GetProperty("rag").GetString()!);
        });
    }

    [Fact]
    public async Task A_revoked_status_link_says_it_is_not_valid_and_does_not_send_the_stakeholder_to_sign_in()
    {
        using var ana = await server.ClientForAsync("ana@example.com");
        var boards = await ana.GetFromJsonAsync<JsonElement>("/api/boards");
        var boardId = boards.EnumerateArray().Single(b => b.GetProperty("key").GetString() == "DEMO").Id();
        var created = await (await ana.PostAsJsonAsync($"/api/boards/{boardId}/share-links", new { view = "status" })).Content.ReadFromJsonAsync<JsonElement>();
        (await ana.DeleteAsync($"/api/share-links/{created.Id()}")).EnsureSuccessStatusCode();

        await browser.WithPagesAsync(nameof(A_revoked_status_link_says_it_is_not_valid_and_does_not_send_the_stakeholder_to_sign_in), 1, async pages =>
        {
            var page = pages[0];
            await page.GotoAsync(new Uri(server.BaseAddress, created.GetProperty("url").GetString()!).ToString());
            await Assertions.Expect(page.GetByTestId("status-link-invalid")).ToContainTextAsync("This link is not valid or was revoked");
            await page.WaitForTimeoutAsync(500);
            page.Url.ShouldNotContain("/signin");
            (await Axe.ViolationsAsync(page)).ShouldBeEmpty();
        });
    }

    [Fact]
    public async Task A_product_owner_adds_a_note_beside_the_status_and_it_does_not_change_the_colour()
    {
        using var ana = await server.ClientForAsync("ana@example.com");
        var boards = await ana.GetFromJsonAsync<JsonElement>("/api/boards");
        var boardId = boards.EnumerateArray().Single(b => b.GetProperty("key").GetString() == "DEMO").Id();
        var before = await ana.GetFromJsonAsync<JsonElement>($"/api/boards/{boardId}/status");

        await browser.WithPagesAsync(nameof(A_product_owner_adds_a_note_beside_the_status_and_it_does_not_change_the_colour), 1, async pages =>
        {
            var page = pages[0];
            await page.SignInAsync(server, "ana@example.com", DemoKanbanServer.DemoPassword);
            await page.GotoAsync(new Uri(server.BaseAddress, $"/status/{boardId}").ToString());
            await Assertions.Expect(page.GetByTestId("status-rag")).ToHaveAttributeAsync("data-rag", before.GetProperty("rag").GetString()!);

            // With the keyboard: to the note's box, type, and send.
            await page.GetByLabel("Add a dated note").FocusAsync();
            await page.Keyboard.TypeAsync("Green by Friday, says the team.");
            await page.Keyboard.PressAsync("Tab");
            await Assertions.Expect(page.GetByTestId("status-note-add")).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter");

            await Assertions.Expect(page.GetByTestId("status-note").First).ToContainTextAsync("Green by Friday, says the team.");
            await Assertions.Expect(page.GetByTestId("status-note").First).ToContainTextAsync("Ana");
            await Assertions.Expect(page.GetByTestId("status-rag")).ToHaveAttributeAsync("data-rag", before.GetProperty("rag").GetString()!);

            // The chosen set: how many Standard cards by a date four weeks out.
            await page.GetByLabel("Cards of class").SelectOptionAsync("Standard");
            await page.GetByLabel("How many by (optional)").FillAsync(DateTime.UtcNow.AddDays(28).ToString("yyyy-MM-dd"));
            await page.GetByTestId("status-chosen-submit").ClickAsync();
            await Assertions.Expect(page.GetByTestId("status-chosen")).ToBeVisibleAsync();
            (await Axe.ViolationsAsync(page)).ShouldBeEmpty();
        });

        var after = await ana.GetFromJsonAsync<JsonElement>($"/api/boards/{boardId}/status");
        after.GetProperty("notes")[0].GetProperty("text").GetString().ShouldBe("Green by Friday, says the team.");
    }

    private static async Task<string> CreateStatusLinkAsync(HttpClient http, string boardId)
    {
        var response = await http.PostAsJsonAsync($"/api/boards/{boardId}/share-links", new { view = "status" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
    }

    /// <summary>The number of page objects (<c>/Type /Page</c>, not <c>/Pages</c>), in plain objects or in compressed object streams.</summary>
    internal static int PdfPageCount(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var plain = PageObject().Matches(text).Count;
        var inStreams = ObjectStreams(pdf).Sum(s => PageObject().Matches(s).Count);
        return plain + inStreams;
    }

    /// <summary>The document's title from its Info dictionary: a literal or a UTF-16 hex string.</summary>
    internal static string PdfTitle(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var hex = Regex.Match(text, @"/Title\s*<([0-9A-Fa-f\s]+)>");
        if (hex.Success)
        {
            var bytes = Convert.FromHexString(Regex.Replace(hex.Groups[1].Value, @"\s", ""));
            return bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF
                ? Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2)
                : Encoding.Latin1.GetString(bytes);
        }

        var literal = Regex.Match(text, @"/Title\s*\(((?:\\.|[^\\)])*)\)");
        return literal.Success ? literal.Groups[1].Value : "";
    }

    private static IEnumerable<string> ObjectStreams(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        foreach (Match m in Regex.Matches(text, @"/Type\s*/ObjStm[^>]*>>\s*stream\r?\n"))
        {
            var start = m.Index + m.Length;
            var end = text.IndexOf("endstream", start, StringComparison.Ordinal);
            if (end < 0)
            {
                continue;
            }

            string? inflated = null;
            try
            {
                using var input = new MemoryStream(pdf, start, end - start);
                using var zlib = new ZLibStream(input, CompressionMode.Decompress);
                using var reader = new StreamReader(zlib, Encoding.Latin1);
                inflated = reader.ReadToEnd();
            }
            catch (InvalidDataException)
            {
            }

            if (inflated is not null)
            {
                yield return inflated;
            }
        }
    }

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();
}
