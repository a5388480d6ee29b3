using System.Security.Cryptography;
using System.Text;
using Kanban.Data;
using Npgsql;

namespace Kanban.Api.Tests.Infrastructure;

/// <summary>
/// Which database a test host uses. SQLite: a file in the host's data folder. PostgreSQL, when
/// KANBAN_TEST_POSTGRES names a server (the test script starts one): a database named after the data
/// folder, so hosts that share a folder (two instances, a restart) share a database, as they share
/// the file on SQLite. The app creates it on its first migration; the folder's owner drops it.
/// </summary>
public static class TestDatabase
{
    private const string ServerVariable = "KANBAN_TEST_POSTGRES";

    public static DatabaseProvider Provider => Server is null ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;

    private static string? Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server ? server : null;

    /// <summary>The connection string of the folder's database; null on SQLite, whose file the app finds in the folder.</summary>
    public static string? ConnectionStringFor(string dataDirectory) =>
        Server is { } server ? new NpgsqlConnectionStringBuilder(server) { Database = NameFor(dataDirectory) }.ConnectionString : null;

    public static async Task DropAsync(string dataDirectory)
    {
        if (Server is not { } server)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{NameFor(dataDirectory)}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static string NameFor(string dataDirectory) =>
        $"kanban_test_{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataDirectory))))[..24]}";
}
