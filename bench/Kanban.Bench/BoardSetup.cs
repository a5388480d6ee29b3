using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Kanban.Bench;

public sealed record LaneInfo(Guid Id, string Name, string Kind, int? WipLimit, int Order, int Count);

public sealed record CardInfo(Guid Id, string Key, Guid LaneId);

/// <summary>A board as the benchmark drives it: its lanes in flow order and the cards it made.</summary>
public sealed record BoardLayout(Guid Id, string Key, IReadOnlyList<LaneInfo> Lanes, IReadOnlyList<CardInfo> Cards)
{
    public int BacklogIndex => IndexOfKind("Backlog");

    public int LaneIndex(Guid laneId) => Lanes.ToList().FindIndex(l => l.Id == laneId);

    /// <summary>Lanes where one client keeps at most one of its cards, so its own moves stay under every limit.</summary>
    public bool IsExclusive(int laneIndex) => Lanes[laneIndex].Kind is not ("Backlog" or "Done");

    private int IndexOfKind(string kind) => Lanes.ToList().FindIndex(l => l.Kind == kind);
}

/// <summary>Creates what the scenarios move, through the same public HTTP contract as any client.</summary>
public static class BoardSetup
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    /// <summary>Signs in as the API's first Admin when the API has accounts; an API without them answers 404.</summary>
    public static async Task AuthenticateAsync(HttpClient http, CancellationToken ct)
    {
        var (email, password) = ApiProcess.Admin;
        using var response = await http.PostAsJsonAsync("api/auth/token", new { email, password }, Json, ct);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
        {
            return;
        }

        await EnsureSuccessAsync(response, "POST /api/auth/token", ct);
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(Json, ct)
            ?? throw new BenchmarkException("POST /api/auth/token answered without a token.");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
    }

    public static async Task<BoardLayout> CreateBoardAsync(HttpClient http, string key, int tickets, CancellationToken ct)
    {
        using var created = await http.PostAsJsonAsync("api/boards", new { name = $"Bench {key}", key }, Json, ct);
        await EnsureSuccessAsync(created, "POST /api/boards", ct);
        var boardId = (await created.Content.ReadFromJsonAsync<IdResponse>(Json, ct))!.Id;

        var keys = new List<string>();
        for (var i = 0; i < tickets; i++)
        {
            keys.Add(await SubmitAsync(http, boardId, TicketText.For(key, i), ct));
        }

        var board = await http.GetFromJsonAsync<BoardResponse>($"api/boards/{boardId}", Json, ct)
            ?? throw new BenchmarkException($"GET /api/boards/{boardId} answered nothing.");
        var lanes = board.Lanes.OrderBy(l => l.Order).ToList();
        var cards = keys.Select(k => board.Cards.SingleOrDefault(c => c.Key == k)
            ?? throw new BenchmarkException($"Ticket {k} is not on board {key} after it was submitted (and accepted).")).ToList();
        var layout = new BoardLayout(boardId, key, lanes, cards);
        if (layout.BacklogIndex < 0 || !lanes.Any(l => l.Kind == "Done"))
        {
            throw new BenchmarkException($"Board {key} has no Backlog or no Done lane: {string.Join(", ", lanes.Select(l => l.Name))}.");
        }

        return layout;
    }

    /// <summary>Lanes holding more cards than their limit, as "name count/limit".</summary>
    public static async Task<IReadOnlyList<string>> LanesOverLimitAsync(HttpClient http, Guid boardId, CancellationToken ct)
    {
        var board = await http.GetFromJsonAsync<BoardResponse>($"api/boards/{boardId}", Json, ct)
            ?? throw new BenchmarkException($"GET /api/boards/{boardId} answered nothing.");
        return [.. board.Lanes.Where(l => l.WipLimit is { } limit && l.Count > limit).Select(l => $"{l.Name} {l.Count}/{l.WipLimit}")];
    }

    /// <summary>Submits a ticket and, if the API puts it in triage first, accepts it onto the backlog.</summary>
    private static async Task<string> SubmitAsync(HttpClient http, Guid boardId, TicketText text, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync($"api/boards/{boardId}/tickets", text, Json, ct);
        await EnsureSuccessAsync(response, "POST /api/boards/{id}/tickets", ct);
        var ticket = (await response.Content.ReadFromJsonAsync<TicketResponse>(Json, ct))!;
        if (ticket.State is not (null or "OnBoard"))
        {
            using var accepted = await http.PostAsJsonAsync($"api/tickets/{ticket.Id}/accept", new { }, Json, ct);
            await EnsureSuccessAsync(accepted, $"POST /api/tickets/{ticket.Key}/accept", ct);
        }

        return ticket.Key;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            throw new BenchmarkException($"{what} answered {(int)response.StatusCode}: {body}");
        }
    }

    private sealed record TokenResponse(string AccessToken);

    private sealed record IdResponse(Guid Id);

    private sealed record TicketResponse(Guid Id, string Key, string? State);

    private sealed record BoardResponse(Guid Id, IReadOnlyList<LaneInfo> Lanes, IReadOnlyList<CardInfo> Cards);
}

/// <summary>
/// Ticket text a real team might write, varied per ticket so the quality gates pass and no two
/// tickets look like duplicates of each other: title of 8+ characters, description of 15+ words,
/// one criterion of 4+ words without filler.
/// </summary>
public sealed record TicketText(string Title, string Description, IReadOnlyList<string> DefinitionOfDone, decimal EstimateDays)
{
    private static readonly string[] Verbs = ["Export", "Import", "Reconcile", "Archive", "Validate", "Schedule", "Refund", "Audit", "Merge", "Approve", "Notify", "Forecast"];
    private static readonly string[] Things = ["invoices", "receipts", "payouts", "chargebacks", "mandates", "ledgers", "statements", "vouchers", "subscriptions", "settlements", "disputes", "transfers", "quotes", "orders", "credit notes", "remittances"];
    private static readonly string[] Places = ["billing portal", "merchant dashboard", "treasury console", "partner API", "mobile wallet", "support desk", "finance report", "checkout page", "nightly batch", "admin screen"];
    private static readonly string[] People = ["accountants", "merchants", "auditors", "cashiers", "partners", "customers", "analysts", "operators", "controllers", "resellers"];
    private static readonly string[] Pains = ["retype every figure by hand", "wait hours for a spreadsheet", "phone the bank to confirm amounts", "lose track of pending items", "miss the monthly cutoff", "chase colleagues over email", "copy totals between systems", "guess which currency applies"];
    private static readonly string[] Gains = ["close the month two days sooner", "spot mistakes before customers do", "answer regulators without delay", "keep one trusted history", "stop duplicate payments", "trust every balance shown"];
    private static readonly string[] Checks = ["An automated test compares", "A reviewer signs off", "The release notes describe", "A dashboard chart shows", "An integration test covers", "The runbook explains"];

    public static TicketText For(string boardKey, int index)
    {
        var random = new Random(boardKey.Aggregate(index + 17, (hash, c) => (hash * 31) + c));
        string Pick(string[] words) => words[random.Next(words.Length)];
        var thing = Pick(Things);
        var place = Pick(Places);
        return new TicketText(
            $"{Pick(Verbs)} {thing} from the {place} ({boardKey} #{index + 1})",
            $"Today {Pick(People)} using the {place} must {Pick(Pains)} whenever {thing} change. "
                + $"With this change they can {Pick(Gains)} and {Pick(Gains)}.",
            [$"{Pick(Checks)} the {thing} totals against the {Pick(Places)} figures"],
            2m);
    }
}
