using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Kanban.Api.Features.Auth;
using Kanban.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kanban.Api.Tests.Infrastructure;

/// <summary>
/// The real app on a real database of its own, migrated by the app's own start-up path, with a
/// first Admin from KANBAN_ADMIN_EMAIL. One per test class; the database is deleted afterwards. The
/// database is a SQLite file, or, when KANBAN_TEST_POSTGRES names a PostgreSQL server (the test
/// script starts one), a new database on that server: the same tests run on both providers.
/// <see cref="WebApplicationFactory{T}.CreateClient()"/> gives a client signed in (bearer) as
/// <see cref="Owner"/>, an ordinary person, who becomes product owner of the boards they create.
/// </summary>
public class KanbanApiFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.example";
    public const string Password = "correct horse battery staple";
    public const string Owner = "owner@test.example";

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("kanban-api-tests-").FullName;
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _tokens = new();

    protected virtual bool SeedDemo => false;

    public string DatabasePath => Path.Combine(_dataDirectory, "kanban.db");

    /// <summary>Which provider the tests run on: SQLite unless KANBAN_TEST_POSTGRES is set.</summary>
    public static DatabaseProvider Provider => TestDatabase.Provider;

    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        UseDataDirectory(builder, _dataDirectory);
        builder.UseSetting("Kanban:SeedDemo", SeedDemo ? "true" : "false");
        builder.UseSetting("KANBAN_ADMIN_EMAIL", AdminEmail);
        builder.UseSetting("KANBAN_ADMIN_PASSWORD", Password);
        builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Warning);
            logging.AddProvider(Logs);
            logging.AddFilter<CapturedLogs>(_ => true);
        });
    }

    /// <summary>
    /// Puts the app's data (keys, and the database: the SQLite file, or the folder's PostgreSQL
    /// database) in <paramref name="directory"/>: hosts given the same folder share them, as two
    /// instances or a restart do.
    /// </summary>
    protected static void UseDataDirectory(IWebHostBuilder builder, string directory)
    {
        builder.UseSetting("Kanban:DataDirectory", directory);
        builder.UseSetting("Database:Provider", Provider.ToString());
        if (TestDatabase.ConnectionStringFor(directory) is { } connectionString)
        {
            builder.UseSetting("ConnectionStrings:Kanban", connectionString);
        }
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenForAsync(Owner).GetAwaiter().GetResult());
    }

    /// <summary>A client with no credentials at all.</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    /// <summary>A client signed in with a bearer token as <paramref name="email"/>, who is created (by the Admin) if new.</summary>
    public async Task<HttpClient> CreateClientForAsync(string email)
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenForAsync(email));
        return client;
    }

    public async Task<Guid> UserIdOfAsync(string email)
    {
        using var client = await CreateClientForAsync(email);
        return (await (await client.GetAsync("/api/me")).ReadAsync<MeResponse>()).Id;
    }

    /// <summary>A client signed in with an existing account's own password, such as the demo's people.</summary>
    public async Task<HttpClient> CreateClientForAsync(string email, string password)
    {
        var client = CreateAnonymousClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { email, password });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await response.ReadAsync<TokenResponse>()).AccessToken);
        return client;
    }

    public Task<string> TokenForAsync(string email) =>
        _tokens.GetOrAdd(email, e => new Lazy<Task<string>>(() => CreateTokenAsync(e))).Value;

    private async Task<string> CreateTokenAsync(string email)
    {
        using var http = Server.CreateClient();
        if (email != AdminEmail)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenForAsync(AdminEmail));
            var created = await http.PostAsJsonAsync("/api/users", new { email, displayName = email.Split('@')[0], password = Password });
            created.EnsureSuccessStatusCode();
            http.DefaultRequestHeaders.Authorization = null;
        }

        var response = await http.PostAsJsonAsync("/api/auth/token", new { email, password = Password });
        return (await response.ReadAsync<TokenResponse>()).AccessToken;
    }

    public async Task<T> WithDbAsync<T>(Func<KanbanDbContext, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<KanbanDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await TestDatabase.DropAsync(_dataDirectory);
        Directory.Delete(_dataDirectory, recursive: true);
    }
}

public sealed class DemoApiFactory : KanbanApiFactory
{
    protected override bool SeedDemo => true;
}

/// <summary>Every log line the app writes, to check what must never be in them.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{category}: {formatter(state, exception)} {exception}");
    }
}
