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
        var starting = new[] { ApiProcess.StartAsync(_dataDirectory, Settings), ApiProcess.StartAsync(_dataDirectory, Settings) };
        try
        {
            await Task.WhenAll(starting);
        }
        catch
        {
            // One did not start: the other must not outlive the test run.
            foreach (var started in starting.Where(s => s.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }

            throw;
        }

        (First, Second) = (starting[0].Result, starting[1].Result);
    }

    public async ValueTask DisposeAsync()
    {
        // Null when they did not start (InitializeAsync ended them).
        foreach (var server in new ApiProcess?[] { First, Second }.OfType<ApiProcess>())
        {
            await server.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await TestDatabase.DropAsync(_dataDirectory);
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
