using System.Text.Json;
using Microsoft.Playwright;

namespace Kanban.E2E.Tests.Infrastructure;

/// <summary>
/// axe-core, injected from the npm workspace, run with the WCAG 2.0, 2.1 and 2.2 A and AA rules and
/// axe's best practices (not only its defaults, which leave out WCAG 2.2's target size, for one).
/// </summary>
public static class Axe
{
    /// <summary>The rule tags every page is checked against.</summary>
    public static readonly IReadOnlyList<string> Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    private static readonly Lazy<string> Script = new(() =>
        File.ReadAllText(Path.Combine(Repository.Root, "node_modules", "axe-core", "axe.min.js")));

    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        // Evaluated over the DevTools protocol, not as a script tag, so the page's CSP still applies to the app.
        await page.EvaluateAsync(Script.Value);
        var json = await page.EvaluateAsync<JsonElement>(
            """
            async (tags) => (await axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations.map(v =>
              `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(n => `${n.target.join(' ')}${n.any.concat(n.all, n.none).map(c => c.message).filter(Boolean).map(m => ` [${m}]`).join('')}`).join(', ')}`)
            """,
            Tags);
        return [.. json.EnumerateArray().Select(v => v.GetString()!)];
    }
}
