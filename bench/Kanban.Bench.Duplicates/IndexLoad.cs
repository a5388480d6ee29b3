using System.Diagnostics;
using System.Text.Json;
using Kanban.Api.Infrastructure;
using Kanban.Api.Infrastructure.Duplicates;
using Kanban.Data;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Kanban.Domain.Duplicates;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kanban.Bench.Duplicates;

/// <summary>A SQLite file made by the app's own migrations, holding one board of synthetic tickets with their vectors.</summary>
internal sealed record SeededDatabase(string Folder, string Path, Guid BoardId, long Version, double MigrateMs, double InsertMs, int Cards) : IDisposable
{
    public DbContextOptions<KanbanDbContext> Options => IndexLoad.OptionsFor(Path);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}

/// <summary>How long the product's loader (<see cref="DuplicateIndexes.CurrentAsync"/>) takes to build a board's index from the database.</summary>
internal sealed record LoadTiming(double ModelLoadMs, double FirstQueryMs, double IndexLoadMs, int Tickets, long ManagedBytesAfter, long PeakWorkingSetBytes, double ProcessMs)
{
    /// <summary>Profile, in this process only: the loader's two reads run again apart, after the load.</summary>
    public double CardsReadMs { get; init; }

    public double VectorsReadMs { get; init; }
}

internal static class IndexLoad
{
    /// <summary>The command the benchmark runs in a process of its own, so the load is measured cold.</summary>
    public const string ChildCommand = "load-index";

    public const int BatchSize = 5_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static DbContextOptions<KanbanDbContext> OptionsFor(string path)
    {
        var options = new DbContextOptionsBuilder<KanbanDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={path}");
        return options.Options;
    }

    /// <summary>
    /// A fresh file, migrated as the app migrates it at start; then one board and its tickets, each
    /// submitted through <see cref="Board.SubmitTicket"/> with its trail entry and its vector, written
    /// in batches inside one transaction (the fast path of a bulk load, as the board file import does).
    /// </summary>
    public static async Task<SeededDatabase> SeedAsync(IEnumerable<SyntheticTicket> tickets, int count, DateTimeOffset now, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("kanban-bench-duplicates-").FullName;
        var path = System.IO.Path.Combine(folder, "kanban.db");
        var options = OptionsFor(path);

        var started = Stopwatch.GetTimestamp();
        await using (var db = new KanbanDbContext(options))
        {
            await db.Database.MigrateAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        var migrateMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        started = Stopwatch.GetTimestamp();
        var board = Board.Create("Synthetic duplicates", "SYN", now.AddYears(-2));
        await using (var db = new KanbanDbContext(options))
        {
            await db.Database.OpenConnectionAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.Boards.Add(board);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = false;

            var written = 0;
            var eventsWritten = board.Events.Count;
            foreach (var ticket in tickets.Take(count))
            {
                var card = board.SubmitTicket(new TicketContent(ticket.Title, ticket.Description, [], 1, CardClass.Standard), ticket.CreatedAt, null);
                db.Cards.Add(card);
                db.TicketVectors.Add(new TicketVector(card.Id, board.Id, TicketEmbedding.ModelName, ticket.Vector, ticket.CreatedAt));
                written++;
                if (written % BatchSize == 0 || written == count)
                {
                    for (; eventsWritten < board.Events.Count; eventsWritten++)
                    {
                        var change = board.Events[eventsWritten];
                        db.Activity.Add(new ActivityEntry(board.Id, change, JsonSerializer.Serialize(change, change.GetType(), BoardChanges.EventJson)));
                    }

                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                    Console.Error.WriteLine($"Database: {written}/{count} cards with their vectors and trail entries, {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s");
                }
            }

            await db.Boards.Where(b => b.Id == board.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Version, board.Version).SetProperty(b => b.LastCardNumber, board.LastCardNumber), ct);
            await transaction.CommitAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
        }

        return new SeededDatabase(folder, path, board.Id, board.Version, migrateMs, Stopwatch.GetElapsedTime(started).TotalMilliseconds, count);
    }

    /// <summary>The load in this process: the runtime and the model warm, the index and the connection pool new.</summary>
    public static async Task<LoadTiming> InProcessAsync(SeededDatabase database, ITicketEmbedder embedder, CancellationToken ct)
    {
        SqliteConnection.ClearAllPools();
        Collect();
        await using var db = new KanbanDbContext(database.Options);
        var started = Stopwatch.GetTimestamp();
        _ = await db.Boards.AsNoTracking().CountAsync(ct);
        var firstQueryMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var indexes = new DuplicateIndexes(embedder, TimeProvider.System, NullLogger<DuplicateIndexes>.Instance);
        started = Stopwatch.GetTimestamp();
        var index = await indexes.CurrentAsync(db, database.BoardId, database.Version, BoardSettings.DefaultDuplicateWindowDays, ct);
        var loadMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var count = index.Count;
        index = null;
        indexes = null;

        // The loader's two reads, as it writes them, to see how much of its time is the database's.
        started = Stopwatch.GetTimestamp();
        var cards = await db.Cards.AsNoTracking().Where(c => c.BoardId == database.BoardId && c.State != TicketState.Merged).ToListAsync(ct);
        var cardsMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        started = Stopwatch.GetTimestamp();
        var vectors = await db.TicketVectors.AsNoTracking()
            .Where(v => v.BoardId == database.BoardId && v.Model == embedder.Model)
            .Select(v => new { v.CardId, v.Vector })
            .ToListAsync(ct);
        _ = vectors.ToDictionary(v => v.CardId, v => TicketVector.ToFloats(v.Vector));
        var vectorsMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        GC.KeepAlive(cards);
        return new LoadTiming(0, firstQueryMs, loadMs, count, GC.GetTotalMemory(forceFullCollection: true), Environment.WorkingSet, 0)
        {
            CardsReadMs = cardsMs,
            VectorsReadMs = vectorsMs,
        };
    }

    /// <summary>The load in a new process: what a server instance pays at start, the model's load apart.</summary>
    public static async Task<LoadTiming> InChildProcessAsync(SeededDatabase database, CancellationToken ct)
    {
        var program = typeof(IndexLoad).Assembly.Location;
        var host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (System.IO.Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(program);
        }

        foreach (var argument in new[] { ChildCommand, database.Path, database.BoardId.ToString(), database.Version.ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        SqliteConnection.ClearAllPools();
        var started = Stopwatch.GetTimestamp();
        using var child = Process.Start(start) ?? throw new InvalidOperationException("The index load could not be started.");
        var output = await child.StandardOutput.ReadToEndAsync(ct);
        await child.WaitForExitAsync(ct);
        var processMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"The index load failed (exit code {child.ExitCode}).");
        }

        var timing = JsonSerializer.Deserialize<LoadTiming>(output.Trim().Split('\n')[^1], Json)
            ?? throw new InvalidOperationException("The index load printed nothing.");
        return timing with { ProcessMs = processMs };
    }

    public static async Task<int> RunChildAsync(string[] args)
    {
        if (args.Length != 3 || !Guid.TryParse(args[1], out var boardId) || !long.TryParse(args[2], out var version))
        {
            throw new UsageException($"{ChildCommand} DB BOARD-ID VERSION (run by speed).");
        }

        // As the app starts: the model first (the warm-up loads it before any index), then the board's index.
        var started = Stopwatch.GetTimestamp();
        var embedder = new MiniLmEmbedder(NullLogger<MiniLmEmbedder>.Instance);
        if (!embedder.Enabled)
        {
            Console.Error.WriteLine("The embedding model did not load.");
            return 1;
        }

        var modelMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        await using var db = new KanbanDbContext(OptionsFor(args[0]));
        started = Stopwatch.GetTimestamp();
        _ = await db.Boards.AsNoTracking().CountAsync();
        var firstQueryMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        var indexes = new DuplicateIndexes(embedder, TimeProvider.System, NullLogger<DuplicateIndexes>.Instance);
        started = Stopwatch.GetTimestamp();
        var index = await indexes.CurrentAsync(db, boardId, version, BoardSettings.DefaultDuplicateWindowDays, CancellationToken.None);
        var loadMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var timing = new LoadTiming(modelMs, firstQueryMs, loadMs, index.Count, GC.GetTotalMemory(forceFullCollection: true), self.PeakWorkingSet64, 0);
        Console.WriteLine(JsonSerializer.Serialize(timing, Json));
        return 0;
    }

    public static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
