using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Kanban.Bench;

/// <summary>Latency percentiles in milliseconds, exact (nearest rank over the sorted samples).</summary>
public sealed record Latency(int Count, double P50, double P90, double P99, double Max)
{
    public static Latency? Of(IEnumerable<long> ticks)
    {
        var sorted = ticks.ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        Array.Sort(sorted);
        double At(double p) => Milliseconds(sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)]);
        return new Latency(sorted.Length, At(0.50), At(0.90), At(0.99), Milliseconds(sorted[^1]));
    }

    private static double Milliseconds(long ticks) => Math.Round(ticks * 1000.0 / Stopwatch.Frequency, 3);
}

public sealed record ScenarioResult(
    string Scenario,
    string Request,
    int Clients,
    double Seconds,
    int Requests,
    int Successes,
    int Refused,
    IReadOnlyDictionary<string, int> Refusals,
    int Errors,
    IReadOnlyDictionary<string, int> ErrorKinds,
    double SuccessesPerSecond,
    double RequestsPerSecond,
    Latency? LatencyMs,
    Latency? SuccessLatencyMs)
{
    /// <summary>Lanes found over their WIP limit after the run: a rule that did not hold under concurrency.</summary>
    public IReadOnlyList<string> LanesOverLimit { get; init; } = [];

    public static ScenarioResult From(string scenario, string request, int clients, double seconds, IReadOnlyList<Recorder> recorders)
    {
        static SortedDictionary<string, int> Sum(IEnumerable<Dictionary<string, int>> counts) =>
            new(counts.SelectMany(c => c).GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.Sum(c => c.Value)), StringComparer.Ordinal);

        var refusals = Sum(recorders.Select(r => r.Refusals));
        var errors = Sum(recorders.Select(r => r.Errors));
        var requests = recorders.Sum(r => r.All.Count);
        var successes = recorders.Sum(r => r.Successful.Count);
        return new ScenarioResult(
            scenario,
            request,
            clients,
            Math.Round(seconds, 3),
            requests,
            successes,
            refusals.Values.Sum(),
            refusals,
            errors.Values.Sum(),
            errors,
            Math.Round(successes / seconds, 1),
            Math.Round(requests / seconds, 1),
            Latency.Of(recorders.SelectMany(r => r.All)),
            Latency.Of(recorders.SelectMany(r => r.Successful)));
    }
}

/// <summary>A target from the issue; <see cref="Passed"/> is null when its scenario was not run.</summary>
public sealed record Target(string Name, bool? Passed, string Detail);

/// <summary>Where the figures come from; the load average says whether something else was competing for the cores.</summary>
public sealed record Machine(int ProcessorCount, string Os, string Dotnet, string? Commit, bool? UncommittedChanges, string? LoadAverageAtStart)
{
    public static Machine Current(string repoRoot)
    {
        var commit = Git(repoRoot, "rev-parse --short HEAD");
        var status = commit is null ? null : Git(repoRoot, "status --porcelain --untracked-files=no");
        return new Machine(
            Environment.ProcessorCount,
            RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription,
            commit,
            status is null ? null : status.Length > 0,
            LoadAverage());
    }

    public static string? LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;

    private static string? Git(string repoRoot, string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", arguments)
            {
                WorkingDirectory = repoRoot,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (git is null)
            {
                return null;
            }

            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}

public sealed record Report(DateTimeOffset StartedAt, Machine Machine, Options Parameters, IReadOnlyList<ScenarioResult> Results, IReadOnlyList<Target> Targets)
{
    public const double MaxMoveToFloorRatio = 5;
    public const double MinMovesPerSecond = 1_000;
    public const int ThroughputClients = 8;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static IReadOnlyList<Target> Check(IReadOnlyList<ScenarioResult> results)
    {
        var floor = results.FirstOrDefault(r => r.Scenario == "health" && r.Clients == 1)?.LatencyMs;
        var move = results.FirstOrDefault(r => r.Scenario == "moves, own board" && r.Clients == 1)?.LatencyMs;
        var latency = floor is null || move is null
            ? new Target("move p50 within 5x of the health floor", null, "needs health and own-board moves at 1 client")
            : new Target(
                "move p50 within 5x of the health floor",
                move.P50 <= MaxMoveToFloorRatio * floor.P50,
                F($"move p50 {move.P50:0.###} ms / health p50 {floor.P50:0.###} ms = {move.P50 / floor.P50:0.0}x (limit {MaxMoveToFloorRatio}x, at 1 client)"));

        var eight = results.FirstOrDefault(r => r.Scenario == "moves, own board" && r.Clients == ThroughputClients);
        var throughput = eight is null
            ? new Target("1,000 moves/s at 8 clients with zero errors", null, "needs own-board moves at 8 clients")
            : new Target(
                "1,000 moves/s at 8 clients with zero errors",
                eight.SuccessesPerSecond >= MinMovesPerSecond && eight.Errors == 0,
                F($"{eight.SuccessesPerSecond:0} successful moves/s (at least {MinMovesPerSecond:0}), {eight.Errors} error(s), {eight.Refused} refusal(s)"));

        return [latency, throughput];
    }

    public string ToTable()
    {
        var text = new StringBuilder();
        text.AppendLine(F($"{Machine.ProcessorCount} cores, {Machine.Os}, {Machine.Dotnet}, commit {Machine.Commit ?? "unknown"}{(Machine.UncommittedChanges == true ? " with uncommitted changes" : "")}; load average at start {Machine.LoadAverageAtStart ?? "unknown"}, at end {Machine.LoadAverage() ?? "unknown"}"));
        text.AppendLine();
        text.AppendLine("| scenario | clients | requests | ok | refused | errors | ok/s | p50 ms | p90 ms | p99 ms | max ms | ok p50 ms | ok p99 ms |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in Results)
        {
            text.AppendLine(F($"| {r.Scenario} | {r.Clients} | {r.Requests} | {r.Successes} | {r.Refused} | {r.Errors} | {r.SuccessesPerSecond:0} | {Ms(r.LatencyMs?.P50)} | {Ms(r.LatencyMs?.P90)} | {Ms(r.LatencyMs?.P99)} | {Ms(r.LatencyMs?.Max)} | {Ms(r.SuccessLatencyMs?.P50)} | {Ms(r.SuccessLatencyMs?.P99)} |"));
        }

        foreach (var r in Results.Where(r => r.Refused + r.Errors + r.LanesOverLimit.Count > 0))
        {
            var parts = r.Refusals.Select(p => $"{p.Key} {p.Value}")
                .Concat(r.ErrorKinds.Select(p => $"error {p.Key} {p.Value}"))
                .Concat(r.LanesOverLimit.Count > 0 ? [$"OVER WIP LIMIT after the run: {string.Join(", ", r.LanesOverLimit)}"] : []);
            text.AppendLine(F($"- {r.Scenario}, {r.Clients} clients: {string.Join(", ", parts)}"));
        }

        text.AppendLine();
        foreach (var target in Targets)
        {
            var verdict = target.Passed switch { true => "PASS", false => "FAIL", null => "NOT RUN" };
            text.AppendLine(F($"{verdict}  {target.Name}: {target.Detail}"));
        }

        return text.ToString();
    }

    public async Task WriteJsonAsync(string path, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, this, Json, ct);
    }

    private static string Ms(double? value) => value is { } ms ? ms.ToString(ms < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) : "-";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
