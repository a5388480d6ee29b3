using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Kanban.Api.Infrastructure.Duplicates;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Kanban.Domain.Duplicates;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kanban.Bench.Duplicates;

internal sealed record SpeedOptions(int Tickets, int Queries, int Warmup, bool Database, string Out, int Seed)
{
    public static SpeedOptions Parse(string[] args)
    {
        var options = new SpeedOptions(100_000, 500, 30, true, "bench/results/duplicates.json", 12);
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new UsageException($"speed: {args[i]} needs a value.");
            int Count(int min) => int.TryParse(Value(), out var n) && n >= min ? n : throw new UsageException($"speed: {args[i - 1]} takes a whole number from {min}.");
            options = args[i] switch
            {
                "--tickets" => options with { Tickets = Count(1) },
                "--queries" => options with { Queries = Count(1) },
                "--warmup" => options with { Warmup = Count(0) },
                "--seed" => options with { Seed = Count(0) },
                "--no-database" => options with { Database = false },
                "--out" => options with { Out = Value() },
                _ => throw new UsageException($"speed: unknown option {args[i]} (known: --tickets, --queries, --warmup, --seed, --no-database, --out)."),
            };
        }

        return options;
    }
}

/// <summary>Nearest-rank percentiles of one measure, in milliseconds.</summary>
internal sealed record Latency(int Count, double Mean, double P50, double P90, double P99, double Max)
{
    public static Latency Of(IReadOnlyCollection<double> samples)
    {
        var sorted = samples.Order().ToArray();
        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Latency(sorted.Length, sorted.Average(), At(0.50), At(0.90), At(0.99), sorted[^1]);
    }
}

internal sealed record SpeedReport(
    DateTimeOffset StartedAt,
    string Machine,
    string? LoadAverageAtStart,
    string? LoadAverageAtEnd,
    SpeedOptions Parameters,
    string Corpus,
    string CorpusProfile,
    double ModelLoadMs,
    double BuildMs,
    double TokenisingMs,
    double ManagedBytesPerTicket,
    long ManagedBytesTotal,
    Latency Check,
    Latency CheckEmbedding,
    Latency CheckFind,
    Latency FindWithoutVector,
    Latency? CheckCpu,
    Latency? CheckEmbeddingCpu,
    Latency? CheckFindCpu,
    EmbeddingProfileReport EmbeddingByTokens,
    bool CheckMedianMet,
    bool CheckP99Met,
    SeedingReport? Database,
    LoadTiming? ColdLoad,
    LoadTiming? WarmProcessLoad);

internal sealed record SeedingReport(double MigrateMs, double InsertMs, int Cards, long FileBytes);

/// <summary>
/// The check at scale, in this process, on one thread, one query at a time: a synthetic board's index
/// built from ready text and vectors; then each query a fresh draft, embedded with the check's word
/// pieces and searched for its top 5, timed as a whole and in its two parts; then the board written to
/// a SQLite file through the app's own model and loaded back by the product's loader.
/// </summary>
internal static class SpeedCommand
{
    public const double MedianTargetMs = 10;
    public const double P99TargetMs = 30;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(SpeedOptions options)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var loadAtStart = LoadAverage();
        var now = startedAt;
        var ct = CancellationToken.None;

        var started = Stopwatch.GetTimestamp();
        var embedder = new MiniLmEmbedder(NullLogger<MiniLmEmbedder>.Instance);
        if (!embedder.Enabled)
        {
            Console.Error.WriteLine("The embedding model did not load: the check's latency includes the embedding, so there is nothing to measure.");
            return 1;
        }

        var modelLoadMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Console.Error.WriteLine($"Model loaded in {modelLoadMs / 1000:0.0} s.");

        // The board: text and vectors made first, so the build is timed from ready input and the
        // memory counts what the index keeps of them once the input is gone.
        var text = new SyntheticText(options.Seed, now);
        IndexLoad.Collect();
        var managedBefore = GC.GetTotalMemory(forceFullCollection: true);
        var input = new List<IndexedTicket>(options.Tickets);
        for (var i = 0; i < options.Tickets; i++)
        {
            var ticket = text.Ticket();
            input.Add(new IndexedTicket(Guid.CreateVersion7(), $"SYN-{i + 1}", ticket.Title, ticket.Description, TicketState.Triage, ticket.CreatedAt, null, ticket.Vector));
        }

        // Not part of the build's time: how much of it the words alone take (profile).
        started = Stopwatch.GetTimestamp();
        var words = 0L;
        foreach (var ticket in input)
        {
            words += TicketTerms.Of(ticket.Title).Count + TicketTerms.Of(ticket.Description).Count;
        }

        var tokenisingMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Console.Error.WriteLine($"{options.Tickets} synthetic tickets made ({words} words, tokenised in {tokenisingMs / 1000:0.0} s); building the index…");
        var index = new DuplicateIndex();
        started = Stopwatch.GetTimestamp();
        foreach (var ticket in input)
        {
            index.Upsert(ticket);
        }

        var buildMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var profile = CorpusProfile.Of(input.Select(t => (t.Title, t.Description)));
        input = null;
        IndexLoad.Collect();
        var managedTotal = GC.GetTotalMemory(forceFullCollection: true) - managedBefore;
        GC.KeepAlive(index);
        Console.Error.WriteLine($"Index built in {buildMs / 1000:0.0} s; {profile.Line()}.");

        // The check: embedding included, as a person typing waits for both.
        var total = new List<double>(options.Queries);
        var embedding = new List<double>(options.Queries);
        var find = new List<double>(options.Queries);
        var wordsOnly = new List<double>(options.Queries);
        var checkCpu = new List<double>(options.Queries);
        var embeddingCpu = new List<double>(options.Queries);
        var findCpu = new List<double>(options.Queries);
        var closedSince = DuplicateRules.ClosedSince(now, BoardSettings.DefaultDuplicateWindowDays);
        for (var i = -options.Warmup; i < options.Queries; i++)
        {
            var draft = text.Ticket();
            var c0 = ThreadClock.Milliseconds();
            var t0 = Stopwatch.GetTimestamp();
            var vector = embedder.Embed(draft.Title, draft.Description, TicketEmbedding.CheckTokens);
            var t1 = Stopwatch.GetTimestamp();
            var c1 = ThreadClock.Milliseconds();
            var found = index.Find(new DuplicateQuery(draft.Title, draft.Description, vector, now, closedSince), DuplicateRules.CandidatesShown);
            var t2 = Stopwatch.GetTimestamp();
            var c2 = ThreadClock.Milliseconds();
            _ = index.Find(new DuplicateQuery(draft.Title, draft.Description, null, now, closedSince), DuplicateRules.CandidatesShown);
            var t3 = Stopwatch.GetTimestamp();
            if (found.Count == 0)
            {
                throw new InvalidOperationException("A synthetic draft found no candidate: the corpus is not what the benchmark means it to be.");
            }

            if (i >= 0)
            {
                total.Add(Stopwatch.GetElapsedTime(t0, t2).TotalMilliseconds);
                embedding.Add(Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds);
                find.Add(Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds);
                wordsOnly.Add(Stopwatch.GetElapsedTime(t2, t3).TotalMilliseconds);
                checkCpu.Add(c2 - c0);
                embeddingCpu.Add(c1 - c0);
                findCpu.Add(c2 - c1);
            }
        }

        var check = Latency.Of(total);
        Console.Error.WriteLine($"Checks: median {check.P50:0.00} ms, p99 {check.P99:0.00} ms. Embedding by word pieces…");
        var embeddingProfile = EmbeddingProfile.Measure(embedder, [.. Enumerable.Range(0, 60).Select(_ => text.Ticket())]);

        SeedingReport? seeding = null;
        LoadTiming? cold = null;
        LoadTiming? warm = null;
        if (options.Database)
        {
            // The same tickets again (same seed), written as the app would hold them, then loaded back.
            var replay = new SyntheticText(options.Seed, now);
            using var database = await IndexLoad.SeedAsync(Enumerable.Range(0, options.Tickets).Select(_ => replay.Ticket()), options.Tickets, now, ct);
            seeding = new SeedingReport(database.MigrateMs, database.InsertMs, database.Cards, new FileInfo(database.Path).Length);
            Console.Error.WriteLine("Loading the index from the database in a new process…");
            cold = await IndexLoad.InChildProcessAsync(database, ct);
            Console.Error.WriteLine("Loading it again in this process (runtime warm, index new)…");
            warm = await IndexLoad.InProcessAsync(database, embedder, ct);
        }

        var report = new SpeedReport(
            startedAt,
            $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}",
            loadAtStart,
            LoadAverage(),
            options,
            $"synthetic: {SyntheticText.VocabularySize} made-up words (Zipf s={SyntheticText.ZipfExponent}), stop words, camelCase, exception, dotted and key identifiers; random unit vectors",
            profile.Line(),
            modelLoadMs,
            buildMs,
            tokenisingMs,
            managedTotal / (double)options.Tickets,
            managedTotal,
            check,
            Latency.Of(embedding),
            Latency.Of(find),
            Latency.Of(wordsOnly),
            ThreadClock.IsAvailable ? Latency.Of(checkCpu) : null,
            ThreadClock.IsAvailable ? Latency.Of(embeddingCpu) : null,
            ThreadClock.IsAvailable ? Latency.Of(findCpu) : null,
            embeddingProfile,
            check.P50 <= MedianTargetMs,
            check.P99 <= P99TargetMs,
            seeding,
            cold,
            warm);
        Console.WriteLine(Table(report));
        var output = Path.GetFullPath(options.Out, Repository.Root());
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(report, Json), ct);
        Console.WriteLine($"JSON: {Repository.Shown(output)}");
        return 0;
    }

    private static string Table(SpeedReport r)
    {
        var t = new StringBuilder();
        t.AppendLine($"Duplicate detection at {r.Parameters.Tickets:N0} tickets in one board's index ({r.Machine}; load average {r.LoadAverageAtStart} at the start, {r.LoadAverageAtEnd} at the end)");
        t.AppendLine($"corpus: {r.Corpus}");
        t.AppendLine($"        {r.CorpusProfile}");
        t.AppendLine();
        t.AppendLine("| measure | value |");
        t.AppendLine("| --- | ---: |");
        t.AppendLine($"| model load (once per process) | {r.ModelLoadMs / 1000:0.0} s |");
        t.AppendLine($"| index build from ready text and vectors | {r.BuildMs / 1000:0.00} s ({r.BuildMs * 1000 / r.Parameters.Tickets:0.0} µs a ticket) |");
        t.AppendLine($"| of which the words (TicketTerms.Of on title and description, timed apart) | {r.TokenisingMs / 1000:0.00} s |");
        t.AppendLine($"| managed memory of the index | {r.ManagedBytesTotal / 1048576.0:0} MiB ({r.ManagedBytesPerTicket:0} bytes a ticket) |");
        if (r.Database is { } db)
        {
            t.AppendLine($"| SQLite file: migrate / insert {db.Cards:N0} cards, vectors and trail entries | {db.MigrateMs / 1000:0.0} s / {db.InsertMs / 1000:0.0} s ({db.FileBytes / 1048576.0:0} MiB) |");
        }

        if (r.ColdLoad is { } cold)
        {
            t.AppendLine($"| start-up, new process: model load | {cold.ModelLoadMs / 1000:0.0} s |");
            t.AppendLine($"| start-up, new process: first query (EF model, connection) | {cold.FirstQueryMs / 1000:0.00} s |");
            t.AppendLine($"| start-up, new process: DuplicateIndexes.CurrentAsync, cold | {cold.IndexLoadMs / 1000:0.0} s ({cold.Tickets:N0} tickets) |");
            t.AppendLine($"| start-up, new process: managed heap after / peak working set | {cold.ManagedBytesAfter / 1048576.0:0} MiB / {cold.PeakWorkingSetBytes / 1048576.0:0} MiB |");
            t.AppendLine($"| start-up, new process: whole process, start to exit | {cold.ProcessMs / 1000:0.0} s |");
        }

        if (r.WarmProcessLoad is { } warm)
        {
            t.AppendLine($"| DuplicateIndexes.CurrentAsync in a warm process, new index | {warm.IndexLoadMs / 1000:0.0} s |");
            t.AppendLine($"| of which reading, timed apart: the cards / the vectors | {warm.CardsReadMs / 1000:0.0} s / {warm.VectorsReadMs / 1000:0.0} s |");
        }

        t.AppendLine();
        t.AppendLine($"| check ({r.Check.Count} queries after {r.Parameters.Warmup} unmeasured) | mean | p50 | p90 | p99 | max |");
        t.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        Row(t, $"embed ({TicketEmbedding.CheckTokens} word pieces) + Find top 5", r.Check);
        Row(t, "  of which embedding", r.CheckEmbedding);
        Row(t, "  of which Find", r.CheckFind);
        Row(t, "Find top 5 without a vector (words only)", r.FindWithoutVector);
        if (r.CheckCpu is { } cpu)
        {
            Row(t, "CPU time of the check's thread (not waiting for a core)", cpu);
            Row(t, "  of which embedding", r.CheckEmbeddingCpu!);
            Row(t, "  of which Find", r.CheckFindCpu!);
        }
        t.AppendLine();
        t.AppendLine($"embedding alone by word pieces kept ({r.EmbeddingByTokens.Drafts} drafts each; median wall / median CPU ms): "
            + string.Join(", ", r.EmbeddingByTokens.ByTokens.Select(c => $"{c.Tokens}: {c.MedianMs:0.0} / {c.MedianCpuMs:0.0}"))
            + $"; the tokeniser alone at {TicketEmbedding.CheckTokens}: {r.EmbeddingByTokens.TokeniserMedianMs * 1000:0} µs median");
        t.AppendLine();
        t.Append($"targets: check median {r.Check.P50:0.00} ms (<= {MedianTargetMs} ms: {(r.CheckMedianMet ? "met" : "MISSED")}), p99 {r.Check.P99:0.00} ms (<= {P99TargetMs} ms: {(r.CheckP99Met ? "met" : "MISSED")})");
        return t.ToString();
    }

    private static void Row(StringBuilder t, string name, Latency l) =>
        t.AppendLine($"| {name} | {l.Mean:0.00} | {l.P50:0.00} | {l.P90:0.00} | {l.P99:0.00} | {l.Max:0.00} |");

    private static string? LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;
}
