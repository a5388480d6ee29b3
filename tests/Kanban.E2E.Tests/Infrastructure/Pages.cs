using Microsoft.Playwright;

namespace Kanban.E2E.Tests.Infrastructure;

public static class Pages
{
    /// <summary>Signs the page's browser context in through the API, as the SPA's sign-in does: a session cookie.</summary>
    public static async Task SignInAsync(this IPage page, KanbanServer server, string email = KanbanServer.AdminEmail, string password = KanbanServer.Password)
    {
        var response = await page.Context.APIRequest.PostAsync(new Uri(server.BaseAddress, "/api/auth/login").ToString(), new APIRequestContextOptions
        {
            DataObject = new { email, password },
        });
        response.Ok.ShouldBeTrue(await response.TextAsync());
    }

    /// <summary>Opens a board and waits until its live connection is up.</summary>
    public static async Task OpenBoardAsync(this IPage page, KanbanServer server, string boardId)
    {
        await page.SignInAsync(server);
        await page.GotoAsync(new Uri(server.BaseAddress, $"/boards/{boardId}").ToString());
        await Assertions.Expect(page.GetByTestId("connection-state")).ToHaveAttributeAsync("data-state", "connected");
    }

    /// <summary>A person's drag: press, move in small steps (dnd-kit starts a drag after a few pixels), release.</summary>
    public static async Task DragAsync(this IPage page, ILocator item, ILocator target)
    {
        var from = (await item.BoundingBoxAsync())!;
        var to = (await target.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(from.X + (from.Width / 2), from.Y + (from.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(from.X + (from.Width / 2) + 10, from.Y + (from.Height / 2) + 10, new MouseMoveOptions { Steps = 5 });
        await page.Mouse.MoveAsync(to.X + (to.Width / 2), to.Y + (to.Height / 2), new MouseMoveOptions { Steps = 15 });
        await page.Mouse.UpAsync();
    }

    /// <summary>
    /// Space on the focused drag handle, and a person's pause once the pick-up is announced: dnd-kit's
    /// keyboard sensor starts listening for the arrows in a timer after the pick-up and measures the
    /// drop targets in an effect, so on a loaded machine an arrow pressed at once can go unheard.
    /// </summary>
    public static async Task PickUpByKeyboardAsync(this IPage page, string announcement)
    {
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.GetByText(announcement)).ToBeAttachedAsync();
        await page.WaitForTimeoutAsync(250);
    }

    /// <summary>The whole page at the two sizes people use most, kept in TestResults/.</summary>
    public static async Task ScreenshotsAsync(this IPage page, string name)
    {
        foreach (var (width, height) in new[] { (1440, 900), (1920, 1080) })
        {
            await page.SetViewportSizeAsync(width, height);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.TestResults, $"{name}-{width}x{height}.png"), FullPage = true });
        }

        await page.SetViewportSizeAsync(1440, 900);
    }

    /// <summary>A keyboard user's move one lane to the right: focus the card, Space, arrow right, Space.</summary>
    public static async Task MoveRightByKeyboardAsync(this IPage page, string key, string targetLane)
    {
        await page.GetByTestId($"card-{key}").FocusAsync();
        await page.PickUpByKeyboardAsync($"Picked up {key}.");
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(page.GetByText($"{key} is over {targetLane}")).ToBeAttachedAsync();
        await page.Keyboard.PressAsync("Space");
    }
}
