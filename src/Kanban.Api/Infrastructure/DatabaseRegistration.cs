using Kanban.Data;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Infrastructure;

public static class DatabaseRegistration
{
    public static IServiceCollection AddKanbanDatabase(this IServiceCollection services) =>
        // Resolved lazily, so configuration a test host adds after Program runs still applies. Pooled,
        // so a request reuses a context and its options instead of building them again.
        services
            .AddHostedService<DatabaseInitializer>()
            .AddDbContextPool<KanbanDbContext>((sp, options) =>
            {
                var configuration = sp.GetRequiredService<IConfiguration>();
                var environment = sp.GetRequiredService<IHostEnvironment>();
                DatabaseSetup.Configure(options, ProviderOf(configuration), ConnectionStringOf(configuration, environment));
            });

    public static DatabaseProvider ProviderOf(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider '{value}' is not known; use Sqlite, SqlServer or Postgres.");
    }

    public static string ConnectionStringOf(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetConnectionString("Kanban") is { Length: > 0 } connectionString
            ? connectionString
            : $"Data Source={Path.Combine(DataDirectoryOf(configuration, environment), "kanban.db")}";

    /// <summary>Where the embedded database lives unless a connection string says otherwise.</summary>
    public static string DataDirectoryOf(IConfiguration configuration, IHostEnvironment environment) =>
        Path.GetFullPath(configuration["Kanban:DataDirectory"] ?? Path.Combine(environment.ContentRootPath, "data"));

    /// <summary>Applies the migrations of the configured provider, then seeds the demo board if asked.</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KanbanDbContext>();
        var configuration = scope.ServiceProvider.GetRequiredService<IConfiguration>();

        if (db.Database.IsSqlite())
        {
            Directory.CreateDirectory(DataDirectoryOf(configuration, scope.ServiceProvider.GetRequiredService<IHostEnvironment>()));
        }

        await db.Database.MigrateAsync(ct);

        if (db.Database.IsSqlite())
        {
            // Readers never wait for a writer, and concurrent writers queue instead of failing.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        await scope.ServiceProvider.GetRequiredService<Access.AccountSeeder>().EnsureFirstAdminAsync();
        if (configuration.GetValue("Kanban:SeedDemo", defaultValue: true))
        {
            var demo = scope.ServiceProvider.GetRequiredService<Demo.DemoBoardSeeder>();
            await demo.SeedIfEmptyAsync(ct);
            await demo.AnnounceAsync(ct);
        }
    }
}

/// <summary>Prepares the database before the server takes its first request, in every kind of host.</summary>
internal sealed class DatabaseInitializer(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => services.PrepareDatabaseAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
