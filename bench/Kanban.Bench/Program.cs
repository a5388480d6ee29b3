using System.Globalization;
using System.Runtime.InteropServices;
using Kanban.Bench;

Options options;
try
{
    options = Options.Parse(args);
}
catch (FormatException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Options.Usage);
    return 2;
}

if (options.Help)
{
    Console.WriteLine(Options.Usage);
    return 0;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

try
{
    var ct = stop.Token;
    var repoRoot = Options.FindRepoRoot();
    var startedAt = DateTimeOffset.UtcNow;
    var machine = Machine.Current(repoRoot);
    Console.Error.WriteLine("Starting the API (Release, SQLite in a temporary folder)…");
    await using var api = await ApiProcess.StartAsync(repoRoot, ct);

    using var handler = new SocketsHttpHandler
    {
        UseProxy = false,
        UseCookies = false,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        MaxConnectionsPerServer = Math.Max(options.Clients.Max(), 8),
    };
    using var http = new HttpClient(handler, disposeHandler: false) { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    await BoardSetup.AuthenticateAsync(http, ct);

    var scenarios = new Scenarios(http, api, options);
    var results = new List<ScenarioResult>
    {
        await scenarios.HealthAsync(1, ct),
        await scenarios.HealthAsync(8, ct),
    };
    foreach (var clients in options.Clients)
    {
        results.Add(await scenarios.OwnBoardAsync(clients, ct));
    }

    foreach (var clients in options.Clients.Where(c => c > 1))
    {
        results.Add(await scenarios.SharedBoardAsync(clients, ct));
    }

    var report = new Report(startedAt, machine, options, results, Report.Check(results));
    Console.WriteLine();
    Console.WriteLine(report.ToTable());
    var output = Path.GetFullPath(options.Out, repoRoot);
    await report.WriteJsonAsync(output, ct);
    var shown = Path.GetRelativePath(repoRoot, output);
    Console.WriteLine($"JSON: {(shown.StartsWith("..", StringComparison.Ordinal) ? output : shown)}");
    return 0;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("Stopped.");
    return 130;
}
catch (Exception e) when (e is BenchmarkException or HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
{
    Console.Error.WriteLine($"The benchmark could not run: {e.Message}");
    return 1;
}

/// <summary>The command line: <c>--duration 10 --warmup 2 --clients 1,8,32 --out bench/results/moves.json</c>.</summary>
public sealed record Options(double DurationSeconds, double WarmupSeconds, IReadOnlyList<int> Clients, string Out)
{
    public const string Usage = """
        bench/run.sh [--duration SECONDS] [--warmup SECONDS] [--clients 1,8,32] [--out bench/results/moves.json]
          --duration  measured seconds per scenario (default 10)
          --warmup    unmeasured seconds before each scenario (default 2)
          --clients   concurrent clients for the move scenarios (default 1,8,32; the shared board uses those above 1)
          --out       where the JSON goes, relative to the repository root (default bench/results/moves.json)
        """;

    [System.Text.Json.Serialization.JsonIgnore]
    public bool Help { get; private init; }

    public static Options Parse(IReadOnlyList<string> args)
    {
        var options = new Options(10, 2, [1, 8, 32], Path.Combine("bench", "results", "moves.json"));
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--duration" => options with { DurationSeconds = Seconds(Value(), "--duration", minimum: 0.1) },
                "--warmup" => options with { WarmupSeconds = Seconds(Value(), "--warmup", minimum: 0) },
                "--clients" => options with { Clients = ClientCounts(Value()) },
                "--out" => options with { Out = Value() },
                "-h" or "--help" => options with { Help = true },
                var unknown => throw new FormatException($"Unknown option {unknown}."),
            };
        }

        return options;
    }

    /// <summary>The folder holding Kanban.sln, found upwards from where the benchmark was built.</summary>
    public static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Kanban.sln")))
            {
                return directory.FullName;
            }
        }

        throw new BenchmarkException($"No Kanban.sln above {AppContext.BaseDirectory}.");
    }

    private static double Seconds(string text, string option, double minimum) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= minimum
            ? value
            : throw new FormatException($"{option} takes a number of seconds of at least {minimum}, not '{text}'.");

    private static int[] ClientCounts(string text)
    {
        var counts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(c => int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 1024
                ? n
                : throw new FormatException($"--clients takes counts from 1 to 1024 separated by commas, not '{text}'."))
            .Distinct()
            .ToArray();
        return counts.Length > 0 ? counts : throw new FormatException("--clients needs at least one count.");
    }
}
