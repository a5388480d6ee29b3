using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Kanban.Bench;

/// <summary>
/// The real API as a separate process on Kestrel, with its own SQLite file in a temporary folder.
/// Disposing kills the process tree and deletes the folder, whatever happened before.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 40;

    private readonly Process _process;
    private readonly string _dataDirectory;
    private readonly ConcurrentQueue<string> _output = new();

    private ApiProcess(Process process, string dataDirectory, Uri baseAddress)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The first Admin the API creates on its empty database, for when the API asks who is calling.</summary>
    public static (string Email, string Password) Admin { get; } = ("bench@example.com", $"Bench-{Guid.NewGuid():N}!");

    public static async Task<ApiProcess> StartAsync(string repoRoot, CancellationToken ct)
    {
        var apiDirectory = Path.Combine(repoRoot, "src", "Kanban.Api");
        var dll = Path.Combine(apiDirectory, "bin", "Release", "net10.0", "Kanban.Api.dll");
        if (!File.Exists(dll))
        {
            throw new BenchmarkException($"{dll} is missing: build it first with `dotnet build src/Kanban.Api -c Release -p:SkipSpaBuild=true` (bench/run.sh does).");
        }

        var port = FreePort();
        var dataDirectory = Directory.CreateTempSubdirectory("kanban-bench-").FullName;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = apiDirectory,
        };
        foreach (var argument in new[]
        {
            dll,
            "--urls", $"http://127.0.0.1:{port}",
            "--Kanban:DataDirectory", dataDirectory,
            "--Kanban:SeedDemo", "false",
            "--contentRoot", apiDirectory,
            "--Logging:LogLevel:Default", "Warning",
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["KANBAN_ADMIN_EMAIL"] = Admin.Email;
        start.Environment["KANBAN_ADMIN_PASSWORD"] = Admin.Password;

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new BenchmarkException("dotnet did not start.");
        }
        catch
        {
            Directory.Delete(dataDirectory, recursive: true);
            throw;
        }

        var api = new ApiProcess(process, dataDirectory, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => api.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => api.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await api.WaitUntilReadyAsync(ct);
            return api;
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    /// <summary>What the API printed last, to explain a failure.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _output);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
            Console.Error.WriteLine($"The API process did not stop cleanly: {e.Message}");
        }
        finally
        {
            _process.Dispose();
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"Could not delete {_dataDirectory}: {e.Message}");
            }
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.GetTimestamp() + (60 * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited)
            {
                throw new BenchmarkException($"The API exited with code {_process.ExitCode} while starting:{Environment.NewLine}{RecentOutput}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("health/ready", UriKind.Relative), ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // Starting slowly: ask again.
            }

            await Task.Delay(200, ct);
        }

        throw new BenchmarkException($"The API was not ready within 60 s:{Environment.NewLine}{RecentOutput}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > KeptOutputLines)
        {
            _output.TryDequeue(out _);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The benchmark itself could not run (as opposed to a target being missed).</summary>
public sealed class BenchmarkException(string message) : Exception(message);
