using Kanban.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

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

        await MigrateOnceAsync(db, ct);

        if (db.Database.IsSqlite())
        {
            // Readers never wait for a writer, and concurrent writers queue instead of failing.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        // Several instances starting together on an empty database: the migrations take EF Core's own
        // lock; the first admin and the demo are made by one instance at a time, and each finds what
        // the one before it made.
        var leases = scope.ServiceProvider.GetRequiredService<Leases.DatabaseLeases>();
        await HoldSetupLeaseAsync(leases, ct);
        try
        {
            // The first key that protects sign-ins is made here, by one instance at a time: two instances
            // each making their own at once would each refuse the other's tokens until they reload.
            scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>()
                .CreateProtector("Kanban.Setup").Protect("key ring ready"u8.ToArray());
            await scope.ServiceProvider.GetRequiredService<Access.AccountSeeder>().EnsureFirstAdminAsync();
            if (configuration.GetValue("Kanban:SeedDemo", defaultValue: true))
            {
                var demo = scope.ServiceProvider.GetRequiredService<Demo.DemoBoardSeeder>();
                await demo.SeedIfEmptyAsync(ct);
                await demo.AnnounceAsync(ct);
            }
        }
        finally
        {
            await leases.ReleaseAsync(SetupLease, CancellationToken.None);
        }
    }

    private const string SetupLease = "setup";

    /// <summary>An arbitrary number of Kanban's own, naming its PostgreSQL advisory lock on migrations.</summary>
    private const long MigrationLock = 0x4B414E42414E;

    /// <summary>
    /// Applies the migrations, one instance at a time when several start together. SQLite and SQL
    /// Server take EF Core's own migration lock; on PostgreSQL two instances that find no database
    /// both create it and both run the first migration, so the database is created first (the loser of
    /// that race finds it made) and the migrations run under an advisory lock.
    /// </summary>
    private static async Task MigrateOnceAsync(KanbanDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            await db.Database.MigrateAsync(ct);
            return;
        }

        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(ct))
        {
            try
            {
                await creator.CreateAsync(ct);
            }
            catch (Npgsql.PostgresException e) when (e.SqlState is "42P04" or "23505")
            {
                // Another instance created it a moment ago.
            }
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // Tried, not waited on in one statement: a long migration of another instance must not run
            // into this statement's timeout.
            while (!await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({MigrationLock}) AS \"Value\"").SingleAsync(ct))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
            }

            try
            {
                await db.Database.MigrateAsync(ct);
            }
            finally
            {
                await db.Database.SqlQuery<bool>($"SELECT pg_advisory_unlock({MigrationLock}) AS \"Value\"").SingleAsync(CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task HoldSetupLeaseAsync(Leases.DatabaseLeases leases, CancellationToken ct)
    {
        // Long enough for the demo's import; an instance that dies while holding it lets it expire.
        var period = TimeSpan.FromMinutes(2);
        while (!await leases.TryHoldAsync(SetupLease, period, ct))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }
    }
}

/// <summary>Prepares the database before the server takes its first request, in every kind of host.</summary>
internal sealed class DatabaseInitializer(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => services.PrepareDatabaseAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
