using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Kanban.E2E.Tests.Infrastructure;

namespace Kanban.E2E.Tests.Wall;

/// <summary>
/// The built app as its own operating-system process (<c>dotnet Kanban.Api.dll</c>), on a given port and
/// data directory, configured as <see cref="KanbanServer"/> is: so a test can stop the server for real
/// (kill the process) and start it again on the same port and database. Disposing kills it, whatever
/// the test did.
/// </summary>
public sealed class KanbanProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();

    private KanbanProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => Log(e.Data);
        process.ErrorDataReceived += (_, e) => Log(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>What the process wrote, for a failed test's explanation.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>A loopback port nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the app on <paramref name="port"/> with its data in <paramref name="dataDirectory"/>, and waits until it is ready.</summary>
    public static async Task<KanbanProcess> StartAsync(int port, string dataDirectory)
    {
        var project = Path.Combine(Repository.Root, "src", "Kanban.Api");
        var dll = Path.Combine(project, "bin", "Debug", "net10.0", "Kanban.Api.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build the solution first.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                dll,
                "--urls", $"http://127.0.0.1:{port}",
                "--contentRoot", project,
                "--Kanban:DataDirectory", dataDirectory,
                "--Kanban:SeedDemo", "false",
                "--KANBAN_ADMIN_EMAIL", KanbanServer.AdminEmail,
                "--KANBAN_ADMIN_PASSWORD", KanbanServer.Password,
                "--Logging:LogLevel:Default", "Warning",
            },
            // The SPA is served from the project's wwwroot, as the in-process server serves it.
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var app = new KanbanProcess(process, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            using var http = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(5) };
            var deadline = Stopwatch.StartNew();
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The app exited early:\n{app.Output}");
                }

                try
                {
                    if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                    {
                        return app;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                catch (TaskCanceledException)
                {
                    // Not answering yet.
                }

                if (deadline.Elapsed > TimeSpan.FromSeconds(90))
                {
                    throw new TimeoutException($"The app did not get ready on port {port}:\n{app.Output}");
                }

                await Task.Delay(200);
            }
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>An API client signed in as the first Admin, with a bearer token.</summary>
    public async Task<HttpClient> AdminClientAsync()
    {
        var http = new HttpClient { BaseAddress = Address };
        var token = await http.PostAsJsonAsync("/api/auth/token", new { email = KanbanServer.AdminEmail, password = KanbanServer.Password });
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return http;
    }

    /// <summary>Stops the server the hard way, as a crash or a pulled plug would: no goodbye to its clients.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void Log(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
