using Kanban.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kanban.Api.Tests.Infrastructure;

/// <summary>
/// The real app on a real SQLite file of its own, migrated by the app's own start-up path.
/// One per test class; the file is deleted afterwards.
/// </summary>
public class KanbanApiFactory : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("kanban-api-tests-").FullName;

    protected virtual bool SeedDemo => false;

    public string DatabasePath => Path.Combine(_dataDirectory, "kanban.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Kanban:DataDirectory", _dataDirectory);
        builder.UseSetting("Kanban:SeedDemo", SeedDemo ? "true" : "false");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
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
        Directory.Delete(_dataDirectory, recursive: true);
    }
}

public sealed class DemoApiFactory : KanbanApiFactory
{
    protected override bool SeedDemo => true;
}
