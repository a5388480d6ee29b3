using System.Text.Json;
using Kanban.Api.Tests.Infrastructure;

namespace Kanban.Api.Tests.ScaleOut;

/// <summary>Issue 16, point 4: several processes started at once on an empty database set it up once.</summary>
public sealed class StartTogetherTests : IAsyncDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("kanban-start-together-").FullName;

    [Fact]
    public async Task Three_processes_started_at_once_on_an_empty_database_migrate_it_and_seed_one_demo_board_and_one_admin()
    {
        var settings = new Dictionary<string, string> { ["Redis:Connection"] = TwoServers.Redis, ["Kanban:SeedDemo"] = "true" };

        var starting = Enumerable.Range(0, 3).Select(_ => ApiProcess.StartAsync(_dataDirectory, settings)).ToList();
        var servers = await Task.WhenAll(starting);
        try
        {
            foreach (var server in servers)
            {
                var boards = await (await server.Http.GetAsync("/api/boards")).ReadAsync<JsonElement>();
                boards.GetArrayLength().ShouldBe(1, "one demo board, however many processes seeded at once");
                var users = await (await server.Http.GetAsync("/api/users")).ReadAsync<JsonElement>();
                users.EnumerateArray().Count(u => u.GetProperty("email").GetString() == KanbanApiFactory.AdminEmail).ShouldBe(1);
            }
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await TestDatabase.DropAsync(_dataDirectory);
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
