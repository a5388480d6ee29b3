using Kanban.Api.Tests.Infrastructure;

namespace Kanban.Api.Tests.ScaleOut;

/// <summary>
/// Two API processes on one database (the SQLite file of one folder, or that folder's PostgreSQL
/// database on the PostgreSQL run) and one Redis, as behind a load balancer. The test script starts
/// the Redis (KANBAN_TEST_REDIS); without it this fails, saying so.
/// </summary>
public sealed class TwoServers : IAsyncLifetime
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("kanban-two-servers-").FullName;

    public ApiProcess First { get; private set; } = null!;

    public ApiProcess Second { get; private set; } = null!;

    public static string Redis => Environment.GetEnvironmentVariable("KANBAN_TEST_REDIS") is { Length: > 0 } redis
        ? redis
        : throw new InvalidOperationException(
            "KANBAN_TEST_REDIS is not set: the scale-out tests need the Redis that scripts/test.sh starts (source scripts/services.sh; services_start).");

    public Dictionary<string, string> Settings => new() { ["Redis:Connection"] = Redis };

    public async ValueTask InitializeAsync()
    {
        // Started together, as a deployment does: the migrations, the first admin and the seed happen once.
        var first = ApiProcess.StartAsync(_dataDirectory, Settings);
        var second = ApiProcess.StartAsync(_dataDirectory, Settings);
        (First, Second) = (await first, await second);
    }

    public async ValueTask DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await TestDatabase.DropAsync(_dataDirectory);
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
