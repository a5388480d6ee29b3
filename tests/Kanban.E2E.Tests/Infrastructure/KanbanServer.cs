using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kanban.E2E.Tests.Infrastructure;

/// <summary>
/// The real app on Kestrel, on a free loopback port, with its own SQLite file and a first Admin.
/// <see cref="Http"/> calls the API as that Admin, who sees every board as its product owner.
/// </summary>
public class KanbanServer : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@e2e.example";
    public const string Password = "correct horse battery staple";

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("kanban-e2e-").FullName;

    public KanbanServer()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Http = new HttpClient { BaseAddress = BaseAddress };
        var token = Http.PostAsJsonAsync("/api/auth/token", new { email = AdminEmail, password = Password }).GetAwaiter().GetResult();
        token.EnsureSuccessStatusCode();
        var accessToken = token.Content.ReadFromJsonAsync<JsonElement>().GetAwaiter().GetResult().GetProperty("accessToken").GetString();
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
    }

    protected virtual bool SeedDemo => false;

    /// <summary>More configuration for a server a test class needs (e.g. the environment banner).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public Uri BaseAddress { get; }

    /// <summary>A client over the real port, for arranging what a test needs through the API.</summary>
    public HttpClient Http { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Kanban:DataDirectory", _dataDirectory);
        builder.UseSetting("Kanban:SeedDemo", SeedDemo ? "true" : "false");
        builder.UseSetting("KANBAN_ADMIN_EMAIL", AdminEmail);
        builder.UseSetting("KANBAN_ADMIN_PASSWORD", Password);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    public override async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}

public sealed class DemoKanbanServer : KanbanServer
{
    /// <summary>Every demo person's password (the admin has <see cref="KanbanServer.Password"/>).</summary>
    public const string DemoPassword = "kanban-demo";

    protected override bool SeedDemo => true;

    /// <summary>An API client signed in with a bearer token as one of the demo's people.</summary>
    public async Task<HttpClient> ClientForAsync(string email)
    {
        var login = await Http.PostAsJsonAsync("/api/auth/token", new { email, password = DemoPassword });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
