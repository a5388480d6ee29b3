using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Kanban.Api.Realtime;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Kanban.Api.Tests.Infrastructure;

/// <summary>The API as a separate operating-system process, on a free loopback port.</summary>
public sealed partial class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output;

    private ApiProcess(Process process, Uri address, System.Text.StringBuilder output)
    {
        _process = process;
        _output = output;
        Address = address;
        Http = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    /// <param name="settings">More configuration, as <c>--Key value</c> pairs (e.g. <c>Redis:Connection</c>).</param>
    public static async Task<ApiProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string>? settings = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                typeof(Program).Assembly.Location,
                "--urls", "http://127.0.0.1:0",
                "--Kanban:DataDirectory", dataDirectory,
                "--Kanban:SeedDemo", "false",
                "--KANBAN_ADMIN_EMAIL", KanbanApiFactory.AdminEmail,
                "--KANBAN_ADMIN_PASSWORD", KanbanApiFactory.Password,
                "--Logging:LogLevel:Default", "Information",
            },
            WorkingDirectory = dataDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("--Database:Provider");
        start.ArgumentList.Add(TestDatabase.Provider.ToString());
        if (TestDatabase.ConnectionStringFor(dataDirectory) is { } connectionString)
        {
            start.ArgumentList.Add("--ConnectionStrings:Kanban");
            start.ArgumentList.Add(connectionString);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.ArgumentList.Add($"--{key}");
            start.ArgumentList.Add(value);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data is { } line && ListeningOn().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _ = process.WaitForExitAsync().ContinueWith(_ => listening.TrySetException(new InvalidOperationException($"The API exited early:\n{output}")), TaskScheduler.Default);

        var address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var api = new ApiProcess(process, address, output);
        var token = await api.Http.PostAsJsonAsync("/api/auth/token", new { email = KanbanApiFactory.AdminEmail, password = KanbanApiFactory.Password });
        api.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", (await token.ReadAsync<Kanban.Api.Features.Auth.TokenResponse>()).AccessToken);
        return api;
    }

    /// <summary>A hub connection to this process, signed in as its admin, or as <paramref name="email"/> with <paramref name="password"/>.</summary>
    public async Task<HubConnection> ConnectHubAsync(string? email = null, string? password = null)
    {
        var token = Http.DefaultRequestHeaders.Authorization!.Parameter!;
        if (email is not null)
        {
            var issued = await Http.PostAsJsonAsync("/api/auth/token", new { email, password });
            token = (await issued.ReadAsync<Kanban.Api.Features.Auth.TokenResponse>()).AccessToken;
        }

        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(Address, BoardHub.Path), options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .AddJsonProtocol(options =>
            {
                options.PayloadSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
                options.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter());
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    /// <summary>Kills the process at once, as a crash or a pulled plug would (SIGKILL), without a shutdown.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();

        // Shown with a failed test only: a 500 from this process is explained in its own log, not the test's.
        lock (_output)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"API process at {Address}:\n{_output}");
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningOn();
}
