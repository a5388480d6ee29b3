using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Kanban.Data;

/// <summary>
/// SQLite takes one writer at a time per file. Writers of this process queue here for it, instead of
/// colliding inside SQLite, whose driver then sleeps 150 ms before trying again. The database still
/// decides who wins (the board's version), so this only makes waiting short; writers in other
/// processes are covered by the busy timeout. Other providers lock rows, and pass straight through.
/// </summary>
public static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new();

    public static async Task<IDisposable> EnterAsync(DbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            return Passage.Open;
        }

        var gate = Gates.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Passage(gate);
    }

    private sealed class Passage(SemaphoreSlim? gate) : IDisposable
    {
        public static readonly Passage Open = new(null);

        public void Dispose() => gate?.Release();
    }
}

/// <summary>
/// Per connection: wait inside SQLite for another process's write lock rather than fail at once,
/// and in WAL mode sync at checkpoints, not at every commit. A crash of the process loses nothing;
/// a power cut can lose the last moments of writes, never the file's consistency (ADR-004).
/// </summary>
/// <remarks>
/// Both settings belong to the SQLite connection, which the driver's pool keeps open between uses,
/// so they are set when it is first opened rather than on every open.
/// </remarks>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";

    private static readonly ConditionalWeakTable<sqlite3, object> SetUp = [];

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsSetUp(connection))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        MarkSetUp(connection);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsSetUp(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        MarkSetUp(connection);
    }

    private static bool IsSetUp(DbConnection connection) => SetUp.TryGetValue(HandleOf(connection), out _);

    private static void MarkSetUp(DbConnection connection) => SetUp.AddOrUpdate(HandleOf(connection), true);

    private static sqlite3 HandleOf(DbConnection connection) => ((SqliteConnection)connection).Handle!;
}
