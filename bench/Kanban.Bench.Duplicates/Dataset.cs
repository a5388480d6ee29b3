using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Kanban.Bench.Duplicates;

internal sealed class DatasetException(string message) : Exception(message);

/// <summary>One ticket of a dataset, with a stable id for the index (a hash of the dataset's id).</summary>
internal sealed record DatasetTicket(string Id, string Title, string Body, DateTimeOffset Created)
{
    public Guid Key { get; } = new(MD5.HashData(Encoding.UTF8.GetBytes(Id)));
}

internal sealed record DuplicatePair(string DuplicateId, string OriginalId);

/// <summary>
/// A folder of tickets.jsonl and pairs.jsonl (../shared/data/duplicates/README.md). The tickets are
/// kept in the file's order (the stored vectors follow it); <see cref="ByCreation"/> is the
/// protocol's order: by creation time, ties in the file's order.
/// </summary>
internal sealed class Dataset
{
    private Dataset(string directory, List<DatasetTicket> tickets, List<DuplicatePair> pairs, string ticketsHash)
    {
        Directory = directory;
        Tickets = tickets;
        Pairs = pairs;
        TicketsHash = ticketsHash;
        ById = tickets.ToDictionary(t => t.Id, StringComparer.Ordinal);
        ByCreation = [.. Enumerable.Range(0, tickets.Count).OrderBy(i => tickets[i].Created).ThenBy(i => i)];
    }

    public string Directory { get; }

    public IReadOnlyList<DatasetTicket> Tickets { get; }

    public IReadOnlyList<DuplicatePair> Pairs { get; }

    /// <summary>SHA-256 of tickets.jsonl: what the stored vectors' cache is keyed by.</summary>
    public string TicketsHash { get; }

    public IReadOnlyDictionary<string, DatasetTicket> ById { get; }

    /// <summary>Positions in <see cref="Tickets"/>, oldest first.</summary>
    public IReadOnlyList<int> ByCreation { get; }

    public static Dataset Load(string directory)
    {
        var ticketsPath = Path.Combine(directory, "tickets.jsonl");
        var pairsPath = Path.Combine(directory, "pairs.jsonl");
        foreach (var path in new[] { ticketsPath, pairsPath })
        {
            if (!File.Exists(path))
            {
                throw new DatasetException($"{path} is missing: the folder needs tickets.jsonl and pairs.jsonl.");
            }
        }

        var bytes = File.ReadAllBytes(ticketsPath);
        var tickets = new List<DatasetTicket>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, number) in Lines(ticketsPath))
        {
            var json = Parse(line, ticketsPath, number);
            var id = Text(json, "id", ticketsPath, number, required: true);
            if (!seen.Add(id))
            {
                throw new DatasetException($"{ticketsPath}:{number}: the id {id} is there twice.");
            }

            var created = Text(json, "created", ticketsPath, number, required: true);
            if (!DateTimeOffset.TryParse(created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                throw new DatasetException($"{ticketsPath}:{number}: created '{created}' is not an ISO 8601 time.");
            }

            tickets.Add(new DatasetTicket(id, Text(json, "title", ticketsPath, number, required: false), Text(json, "body", ticketsPath, number, required: false), at));
        }

        var pairs = new List<DuplicatePair>();
        foreach (var (line, number) in Lines(pairsPath))
        {
            var json = Parse(line, pairsPath, number);
            var pair = new DuplicatePair(Text(json, "duplicate_id", pairsPath, number, required: true), Text(json, "original_id", pairsPath, number, required: true));
            foreach (var id in new[] { pair.DuplicateId, pair.OriginalId })
            {
                if (!seen.Contains(id))
                {
                    throw new DatasetException($"{pairsPath}:{number}: the ticket {id} is not in tickets.jsonl.");
                }
            }

            pairs.Add(pair);
        }

        if (pairs.Count == 0)
        {
            throw new DatasetException($"{pairsPath} holds no pair: there is nothing to measure.");
        }

        return new Dataset(Path.GetFullPath(directory), tickets, pairs, Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant());
    }

    private static IEnumerable<(string Line, int Number)> Lines(string path)
    {
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return (line, number);
            }
        }
    }

    private static JsonElement Parse(string line, string path, int number)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Clone()
                : throw new DatasetException($"{path}:{number}: each line is one JSON object.");
        }
        catch (JsonException e)
        {
            throw new DatasetException($"{path}:{number}: not JSON ({e.Message.Split('\n')[0]}).");
        }
    }

    private static string Text(JsonElement json, string name, string path, int number, bool required)
    {
        if (!json.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? throw new DatasetException($"{path}:{number}: \"{name}\" is missing.") : "";
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Number => value.GetRawText(),
            _ => throw new DatasetException($"{path}:{number}: \"{name}\" is a string."),
        };
    }
}
