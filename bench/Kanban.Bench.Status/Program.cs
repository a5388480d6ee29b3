using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kanban.Bench;
using Kanban.Bench.Status;

// The status benchmark: a board of --done completed cards over a year and --in-progress cards in flow,
// imported as a board file into the real API on Kestrel; GET /status over HTTP, cold (the board changed
// just before: a status note, not timed) and warm (the same version, from the cache), beside the
// GET /health/live floor of the same run. Prints a table; JSON in bench/results/status.json.
var done = Option("--done", 10_000);
var inProgress = Option("--in-progress", 200);
var rounds = Option("--rounds", 200);
var repoRoot = FindRepoRoot();
var json = JsonSerializerOptions.Web;

Console.Error.WriteLine("Starting the API (Release, SQLite in a temporary folder)…");
await using var api = await ApiProcess.StartAsync(repoRoot, CancellationToken.None);
using var http = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
var (email, password) = ApiProcess.Admin;
var token = await (await http.PostAsJsonAsync("api/auth/token", new { email, password }, json)).Content.ReadFromJsonAsync<JsonElement>(json);
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());

var file = HistoryFile.Create("BENCH", DateTimeOffset.UtcNow, done, inProgress);
var importWatch = Stopwatch.StartNew();
using var imported = await http.PostAsJsonAsync("api/boards/import", file, json);
if (!imported.IsSuccessStatusCode)
{
    Console.Error.WriteLine($"Import failed: {(int)imported.StatusCode} {await imported.Content.ReadAsStringAsync()}");
    return 1;
}

var boardId = (await imported.Content.ReadFromJsonAsync<JsonElement>(json)).GetProperty("id").GetGuid();
Console.Error.WriteLine($"Imported {done:N0} done and {inProgress:N0} in progress in {importWatch.Elapsed.TotalSeconds:0.0} s.");

async Task<double> TimedAsync(string url)
{
    var watch = Stopwatch.StartNew();
    using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead);
    var elapsed = watch.Elapsed.TotalMilliseconds;
    response.EnsureSuccessStatusCode();
    return elapsed;
}

for (var i = 0; i < 20; i++)
{
    await TimedAsync("health/live");
    await TimedAsync($"api/boards/{boardId}/status");
    await http.PostAsJsonAsync($"api/boards/{boardId}/status/notes", new { text = $"Warm-up note {i}" }, json);
}

var health = new List<double>();
for (var i = 0; i < rounds * 2; i++)
{
    health.Add(await TimedAsync("health/live"));
}

var cold = new List<double>();
for (var i = 0; i < rounds; i++)
{
    using var note = await http.PostAsJsonAsync($"api/boards/{boardId}/status/notes", new { text = $"Benchmark note {i}" }, json);
    note.EnsureSuccessStatusCode();
    // Let the change's push and outlier check finish, so the timed read is the status alone.
    await Task.Delay(30);
    cold.Add(await TimedAsync($"api/boards/{boardId}/status"));
}

await TimedAsync($"api/boards/{boardId}/status");
var warm = new List<double>();
for (var i = 0; i < rounds * 2; i++)
{
    warm.Add(await TimedAsync($"api/boards/{boardId}/status"));
}

var metrics = new List<double>();
foreach (var route in new[] { "metrics/cfd", "metrics/cycle-times", "metrics/throughput", "forecast" })
{
    for (var i = 0; i < 10; i++)
    {
        metrics.Add(await TimedAsync($"api/boards/{boardId}/{route}"));
    }
}

var sample = await (await http.GetAsync($"api/boards/{boardId}/status")).Content.ReadFromJsonAsync<JsonElement>(json);
var rows = new[]
{
    ("GET /health/live", health),
    ("GET /status, cold (after a change)", cold),
    ("GET /status, warm (cached)", warm),
    ("metrics and forecast routes (90 days)", metrics),
};
Console.WriteLine();
Console.WriteLine($"Board: {done:N0} done over a year, {inProgress:N0} in progress; status rag {sample.GetProperty("rag")}, cycle times of {sample.GetProperty("cycleTimeDays").GetProperty("count")} cards, {Environment.ProcessorCount} cores, load {LoadAverage()}");
Console.WriteLine("| request | n | median | p95 |");
Console.WriteLine("| --- | ---: | ---: | ---: |");
foreach (var (name, values) in rows)
{
    Console.WriteLine($"| {name} | {values.Count} | {Ms(Percentile(values, 50))} | {Ms(Percentile(values, 95))} |");
}

var output = Path.Combine(repoRoot, "bench", "results", "status.json");
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllTextAsync(output, JsonSerializer.Serialize(new
{
    at = DateTimeOffset.UtcNow, done, inProgress, rounds, load = LoadAverage(),
    rows = rows.Select(r => new { request = r.Item1, n = r.Item2.Count, medianMs = Percentile(r.Item2, 50), p95Ms = Percentile(r.Item2, 95) }),
}, new JsonSerializerOptions(json) { WriteIndented = true }));
Console.WriteLine($"JSON: {Path.GetRelativePath(repoRoot, output)}");
return Percentile(cold, 50) <= 50 ? 0 : 3;

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

static double Percentile(List<double> values, int percent)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Max(0, ((percent * sorted.Count) + 99) / 100 - 1)];
}

static string Ms(double ms) => ms.ToString("0.00", CultureInfo.InvariantCulture) + " ms";

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

static string FindRepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Kanban.sln")))
        {
            return dir.FullName;
        }
    }

    throw new BenchmarkException("Kanban.sln not found above the benchmark.");
}
