using System.Text.Json;
using Microsoft.Playwright;

namespace Kanban.E2E.Tests.Infrastructure;

/// <summary>axe-core, injected from the npm workspace, run with its default rules.</summary>
public static class Axe
{
    private static readonly Lazy<string> Script = new(() =>
        File.ReadAllText(Path.Combine(Repository.Root, "node_modules", "axe-core", "axe.min.js")));

    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        // Evaluated over the DevTools protocol, not as a script tag, so the page's CSP still applies to the app.
        await page.EvaluateAsync(Script.Value);
        var json = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document)).violations.map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)");
        return [.. json.EnumerateArray().Select(v => v.GetString()!)];
    }
}
