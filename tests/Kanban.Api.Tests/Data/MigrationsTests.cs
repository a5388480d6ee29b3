using Kanban.Data;
using Kanban.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Tests.Data;

public sealed class MigrationsTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    public static TheoryData<DatabaseProvider, string> Providers => new()
    {
        { DatabaseProvider.Sqlite, "Data Source=unused.db" },
        { DatabaseProvider.SqlServer, "Server=unused;Database=kanban;TrustServerCertificate=True" },
        { DatabaseProvider.Postgres, "Host=unused;Database=kanban;Username=unused" },
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_providers_migrations_match_the_model(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<KanbanDbContext>();
        DatabaseSetup.Configure(options, provider, connectionString);
        using var db = new KanbanDbContext(options.Options);

        db.Database.GetMigrations().ShouldNotBeEmpty();
        db.Database.HasPendingModelChanges().ShouldBeFalse(
            $"The {provider} migrations lag the model: run scripts/add-migration.sh NAME.");
    }

    [Fact]
    public async Task The_app_applies_every_migration_to_its_database_at_start()
    {
        _ = factory.Server;

        var (applied, all) = await factory.WithDbAsync(async db =>
            ((await db.Database.GetAppliedMigrationsAsync()).ToList(), db.Database.GetMigrations().ToList()));

        File.Exists(factory.DatabasePath).ShouldBe(KanbanApiFactory.Provider == DatabaseProvider.Sqlite, "the SQLite file is in the data folder; PostgreSQL has none");
        (await factory.WithDbAsync(db => Task.FromResult(db.Database.ProviderName))).ShouldEndWith(KanbanApiFactory.Provider == DatabaseProvider.Sqlite ? "Sqlite" : "PostgreSQL");
        applied.ShouldBe(all);
    }
}
