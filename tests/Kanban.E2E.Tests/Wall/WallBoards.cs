using System.Net.Http.Json;
using System.Text.Json;
using Kanban.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Kanban.E2E.Tests.Wall;

/// <summary>A server whose every page shows an environment banner, as a staging copy would.</summary>
public sealed class StagingKanbanServer : KanbanServer
{
    public const string Banner = "Staging copy <b>may go down</b> at any time";
    public const string BannerColor = "#7a3e00";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Kanban:EnvironmentBanner"] = Banner,
        ["Kanban:EnvironmentBannerColor"] = BannerColor,
    };
}

/// <summary>Boards arranged for the wall through the API, and what a test reads off the wall.</summary>
public static class WallBoards
{
    /// <summary>A wall share link's path for the board: <c>/wall/{id}?share=TOKEN</c>.</summary>
    public static async Task<string> WallLinkAsync(this HttpClient http, string boardId)
    {
        var response = await http.PostAsJsonAsync($"/api/boards/{boardId}/share-links", new { view = "wall" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
    }

    /// <summary>Changes some of the board's settings, keeping the others as they are.</summary>
    public static async Task SetSettingsAsync(this HttpClient http, string boardId, IReadOnlyDictionary<string, object?> changes)
    {
        var current = await http.GetFromJsonAsync<Dictionary<string, JsonElement>>($"/api/boards/{boardId}/settings");
        var body = current!.Where(kv => kv.Key != "effectiveStopLineThreshold").ToDictionary(kv => kv.Key, kv => (object?)kv.Value);
        foreach (var (key, value) in changes)
        {
            body[key] = value;
        }

        (await http.PutAsJsonAsync($"/api/boards/{boardId}/settings", body)).EnsureSuccessStatusCode();
    }

    /// <summary>Sets a lane's WIP limit by its name.</summary>
    public static async Task SetLimitAsync(this HttpClient http, JsonElement board, string name, int? limit)
    {
        var lane = board.GetProperty("lanes").EnumerateArray().Single(l => l.GetProperty("name").GetString() == name);
        (await http.PutAsJsonAsync($"/api/boards/{board.Id()}/lanes/{lane.Id()}", new
        {
            name,
            kind = lane.GetProperty("kind").GetString(),
            wipLimit = limit,
            untested = lane.GetProperty("untested").GetBoolean(),
            order = lane.GetProperty("order").GetInt32(),
        })).EnsureSuccessStatusCode();
    }

    /// <summary>A card on the board's backlog, accepted even when its title reads like another's.</summary>
    public static async Task<JsonElement> AddDistinctCardAsync(this HttpClient http, string boardId, string title)
    {
        var ticket = await http.SubmitTicketAsync(boardId, title);
        if (ticket.GetProperty("likelyDuplicateOf").ValueKind != JsonValueKind.Null)
        {
            (await http.PostAsync($"/api/tickets/{ticket.Id()}/mark-distinct", null)).EnsureSuccessStatusCode();
        }

        var accepted = await http.PostAsJsonAsync($"/api/tickets/{ticket.Id()}/accept", new { });
        accepted.EnsureSuccessStatusCode();
        return await accepted.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Waits until the wall is drawn and its live link is up.</summary>
    public static async Task WaitLiveAsync(this IPage page)
    {
        await Assertions.Expect(page.GetByTestId("wall")).ToHaveAttributeAsync("data-live", "connected", new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByTestId("wall-lane").First).ToBeVisibleAsync();
    }

    /// <summary>
    /// What must hold at any screen size: nothing scrolls (the page, every lane, every lane's list), every
    /// card lies wholly inside its lane, and no card title is below <paramref name="minTitlePx"/>.
    /// Answers the smallest title size and the cards shown.
    /// </summary>
    public static async Task<(double MinTitlePx, int Cards)> CheckFitsAsync(this IPage page, double minTitlePx, string at)
    {
        var result = await page.EvaluateAsync<JsonElement>(
            """
            () => {
              const root = document.scrollingElement;
              const problems = [];
              if (root.scrollHeight > root.clientHeight) problems.push(`page scrolls down: ${root.scrollHeight} > ${root.clientHeight}`);
              if (root.scrollWidth > root.clientWidth) problems.push(`page scrolls across: ${root.scrollWidth} > ${root.clientWidth}`);
              const lanes = [...document.querySelectorAll('[data-testid=wall-lane], [data-testid=wall-side-lane]')];
              for (const lane of lanes) {
                for (const el of [lane, ...lane.querySelectorAll('ol')]) {
                  if (el.scrollHeight > el.clientHeight) problems.push(`${lane.dataset.laneId} scrolls: ${el.scrollHeight} > ${el.clientHeight}`);
                  if (el.scrollWidth > el.clientWidth) problems.push(`${lane.dataset.laneId} scrolls across: ${el.scrollWidth} > ${el.clientWidth}`);
                }
                const box = lane.getBoundingClientRect();
                for (const card of lane.querySelectorAll('[data-testid=wall-card]')) {
                  const c = card.getBoundingClientRect();
                  if (c.top < box.top - 0.5 || c.bottom > box.bottom + 0.5 || c.left < box.left - 0.5 || c.right > box.right + 0.5)
                    problems.push(`${card.dataset.cardKey} sticks out of its lane`);
                }
              }
              const sizes = [...document.querySelectorAll('[data-testid=wall-card-title]')].map(t => parseFloat(getComputedStyle(t).fontSize));
              const keys = [...document.querySelectorAll('.wall-card__key')].map(t => parseFloat(getComputedStyle(t).fontSize));
              return { problems, min: Math.min(...sizes, ...keys), cards: document.querySelectorAll('[data-testid=wall-lane] [data-testid=wall-card]').length };
            }
            """);
        result.GetProperty("problems").EnumerateArray().Select(p => p.GetString()).ShouldBeEmpty($"at {at}");
        var min = result.GetProperty("min").GetDouble();
        min.ShouldBeGreaterThanOrEqualTo(minTitlePx, $"the smallest card title at {at}");
        return (min, result.GetProperty("cards").GetInt32());
    }
}
