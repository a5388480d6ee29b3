using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Kanban.E2E.Tests.Infrastructure.BrowserFixture))]

namespace Kanban.E2E.Tests.Infrastructure;

/// <summary>
/// One headless Chromium for the whole run: Debian's own build, since no browser can be downloaded here.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: scripts/test.sh installs the Debian package 'chromium'.");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
    }

    /// <summary>A fresh page at 1440×900; on failure of <paramref name="test"/> a screenshot is kept under TestResults/.</summary>
    public async Task WithPagesAsync(string name, int count, Func<IReadOnlyList<IPage>, Task> test)
    {
        var contexts = new List<IBrowserContext>();
        var pages = new List<IPage>();
        var blocked = new List<string>();
        var errors = new List<string>();
        var uncaught = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
            contexts.Add(context);
            var page = await context.NewPageAsync();
            var pageNumber = i + 1;
            page.PageError += (_, error) =>
            {
                lock (errors)
                {
                    errors.Add($"page{pageNumber} uncaught: {error}");
                    uncaught.Add(error);
                }
            };
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    lock (errors)
                    {
                        errors.Add($"page{pageNumber} console: {message.Text}");
                    }
                }

                if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                {
                    lock (blocked)
                    {
                        blocked.Add(message.Text);
                    }
                }
            };
            pages.Add(page);
        }

        try
        {
            await test(pages);
            blocked.ShouldBeEmpty("the app itself must run within its Content-Security-Policy");
            uncaught.ShouldBeEmpty("no page may throw an error it does not handle");
        }
        catch
        {
            for (var i = 0; i < pages.Count; i++)
            {
                await pages[i].ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.TestResults, $"failed-{name}-page{i + 1}.png"), FullPage = true });
            }

            // What the pages said about themselves is often the quickest way to the cause.
            await File.WriteAllLinesAsync(Path.Combine(Repository.TestResults, $"failed-{name}-console.txt"), errors);

            throw;
        }
        finally
        {
            foreach (var context in contexts)
            {
                await context.CloseAsync();
            }
        }
    }
}
