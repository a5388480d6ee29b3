using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Kanban.Api.Infrastructure.Duplicates;

namespace Kanban.Bench.Duplicates;

/// <summary>
/// Each ticket's vector as the product stores it (its text embedded once, cut to
/// <see cref="TicketEmbedding.StoredTokens"/> word pieces), computed once per dataset and kept in
/// bench/results/embeddings/, keyed by the hash of tickets.jsonl, the model and the cut: a re-run
/// reads them back instead of embedding again.
/// </summary>
internal static class StoredVectors
{
    private const string Magic = "KANBAN-VECTORS-1";

    public static float[][] For(Dataset data, ITicketEmbedder embedder)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{data.TicketsHash}|{embedder.Model}|{TicketEmbedding.StoredTokens}")))[..24].ToLowerInvariant();
        var path = Path.Combine(Repository.Root(), "bench", "results", "embeddings", $"{key}.bin");
        if (TryRead(path, data.Tickets.Count) is { } cached)
        {
            Console.Error.WriteLine($"Stored vectors read from {Repository.Shown(path)} ({cached.Length} tickets).");
            return cached;
        }

        var vectors = Embed(data, embedder);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        using (var writer = new BinaryWriter(File.Create(temporary)))
        {
            writer.Write(Magic);
            writer.Write(vectors.Length);
            foreach (var vector in vectors)
            {
                writer.Write(vector.Length);
                foreach (var x in vector)
                {
                    writer.Write(x);
                }
            }
        }

        File.Move(temporary, path, overwrite: true);
        Console.Error.WriteLine($"Stored vectors written to {Repository.Shown(path)}; the next run reads them.");
        return vectors;
    }

    private static float[][] Embed(Dataset data, ITicketEmbedder embedder)
    {
        var vectors = new float[data.Tickets.Count][];
        var done = 0;
        var started = Stopwatch.GetTimestamp();
        var lastReport = started;
        var progress = new Lock();

        // Two at a time: the session runs one thread per call, and the machine has two cores.
        Parallel.For(0, vectors.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var ticket = data.Tickets[i];
            vectors[i] = embedder.Embed(ticket.Title, ticket.Body, TicketEmbedding.StoredTokens)
                ?? throw new InvalidOperationException("The embedding model did not load.");
            var count = Interlocked.Increment(ref done);
            lock (progress)
            {
                if (count == vectors.Length || Stopwatch.GetElapsedTime(lastReport).TotalSeconds >= 5)
                {
                    lastReport = Stopwatch.GetTimestamp();
                    Console.Error.WriteLine($"Embedding the tickets ({TicketEmbedding.StoredTokens} word pieces): {count}/{vectors.Length} in {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s");
                }
            }
        });
        return vectors;
    }

    private static float[][]? TryRead(string path, int count)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            if (reader.ReadString() != Magic || reader.ReadInt32() != count)
            {
                return null;
            }

            var vectors = new float[count][];
            for (var i = 0; i < count; i++)
            {
                var vector = new float[reader.ReadInt32()];
                for (var d = 0; d < vector.Length; d++)
                {
                    vector[d] = reader.ReadSingle();
                }

                vectors[i] = vector;
            }

            return vectors;
        }
        catch (EndOfStreamException)
        {
            return null;
        }
    }
}
