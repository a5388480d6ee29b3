using Microsoft.EntityFrameworkCore;

namespace Kanban.Data;

/// <summary>The one place that turns configuration into a database provider and its migrations.</summary>
public static class DatabaseSetup
{

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(connectionString, x => x.MigrationsAssembly("Kanban.Migrations.Sqlite"))
                    .AddInterceptors(new SqliteConnectionSetup());
                break;
            case DatabaseProvider.SqlServer:
                options.UseSqlServer(connectionString, x => x.MigrationsAssembly("Kanban.Migrations.SqlServer"));
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(connectionString, x => x.MigrationsAssembly("Kanban.Migrations.Postgres"));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Database:Provider is Sqlite, SqlServer or Postgres.");
        }
    }
}
