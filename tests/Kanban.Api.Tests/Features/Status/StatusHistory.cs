using System.Globalization;
using System.Text.Json.Nodes;

namespace Kanban.Api.Tests.Features.Status;

/// <summary>
/// A board file with a known answer, in UTC, for a clock at Monday 12 October 2026, 10:00. Ten cards are
/// done: each left the backlog for Ready on Monday 14 September at 09:00, went into Doing a working day
/// later, and into Done after 1 to 10 more, so their cycle times are 2 to 11 working days (nearest rank:
/// 50th percentile 6, 85th 10, 95th 11), their time in Doing 1 to 10 (flow efficiency 55 / 65), and one
/// was done on each working day from Wednesday 16 to Tuesday 29 September. In progress: one fresh card
/// in Doing (no outlier); in the backlog one more. Each set-up adds to that.
/// </summary>
public static class StatusHistory
{
    public static readonly DateTimeOffset Now = new(2026, 10, 12, 10, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset FirstStart = new(2026, 9, 14, 9, 0, 0, TimeSpan.Zero);

    public const string ProductOwner = "po@status.example";

    /// <param name="blocks">Block periods of the done cards, by their number (1 to 10).</param>
    public static JsonObject Board(
        string key, IEnumerable<JsonObject>? extraTickets = null, IEnumerable<JsonObject>? line = null, int doingLimit = 3,
        JsonObject? settings = null, IReadOnlyDictionary<int, JsonArray>? blocks = null)
    {
        var tickets = new JsonArray();
        for (var i = 1; i <= 10; i++)
        {
            var doing = AddWorkingDays(FirstStart, 1);
            var done = Ticket($"{key}-{i}", "Done", [("Backlog", FirstStart.AddDays(-1)), ("Ready", FirstStart), ("Doing", doing), ("Done", AddWorkingDays(doing, i))]);
            if (blocks?.GetValueOrDefault(i) is { } periods)
            {
                done["blocks"] = periods;
            }

            tickets.Add(done);
        }

        tickets.Add(Ticket($"{key}-21", "Doing", [("Backlog", At("2026-10-08T10:00:00Z")), ("Doing", At("2026-10-09T10:00:00Z"))], updatedAt: At("2026-10-12T09:00:00Z")));
        tickets.Add(Ticket($"{key}-22", "Backlog", [("Backlog", At("2026-10-01T10:00:00Z"))]));
        foreach (var extra in extraTickets ?? [])
        {
            tickets.Add(extra);
        }

        return new JsonObject
        {
            ["format"] = "kanban-board/1",
            ["board"] = new JsonObject { ["name"] = $"Status {key}", ["key"] = key, ["timeZone"] = "UTC", ["settings"] = settings },
            ["lanes"] = new JsonArray(
                new JsonObject { ["name"] = "Backlog", ["kind"] = "Backlog", ["order"] = 0 },
                new JsonObject { ["name"] = "Ready", ["kind"] = "Queue", ["wipLimit"] = 5, ["order"] = 1 },
                new JsonObject { ["name"] = "Doing", ["kind"] = "Active", ["wipLimit"] = doingLimit, ["order"] = 2 },
                new JsonObject { ["name"] = "Done", ["kind"] = "Done", ["order"] = 3 }),
            ["members"] = new JsonArray(new JsonObject { ["email"] = ProductOwner, ["role"] = "ProductOwner" }),
            ["tickets"] = tickets,
            ["line"] = new JsonArray([.. line ?? []]),
        };
    }

    /// <summary>A card that went through <paramref name="moves"/> (the first its arrival in the backlog) and is in <paramref name="lane"/>.</summary>
    public static JsonObject Ticket(
        string key, string lane, (string Lane, DateTimeOffset At)[] moves, DateTimeOffset? updatedAt = null, JsonObject? blocked = null, decimal estimate = 5)
    {
        var history = new JsonArray();
        string? from = null;
        foreach (var (to, at) in moves)
        {
            history.Add(new JsonObject { ["at"] = Iso(at), ["from"] = from, ["to"] = to });
            from = to;
        }

        var ticket = new JsonObject
        {
            ["key"] = key, ["title"] = $"Piece of work {key}", ["estimateDays"] = estimate, ["state"] = "OnBoard", ["lane"] = lane,
            ["createdAt"] = Iso(moves[0].At), ["updatedAt"] = Iso(updatedAt ?? moves[^1].At), ["history"] = history,
        };
        if (blocked is not null)
        {
            ticket["blocked"] = blocked;
        }

        return ticket;
    }

    public static JsonObject Stop(DateTimeOffset stoppedAt, DateTimeOffset? resumedAt, string reason = "Payments are down") => new()
    {
        ["kind"] = "Manual", ["reason"] = reason, ["by"] = ProductOwner, ["stoppedAt"] = Iso(stoppedAt),
        ["resumedAt"] = resumedAt is { } r ? Iso(r) : null, ["resumedBy"] = resumedAt is null ? null : ProductOwner, ["resumeNote"] = resumedAt is null ? null : "Fixed",
    };

    // Whole working days after a moment, at the same time of day.
    public static DateTimeOffset AddWorkingDays(DateTimeOffset from, int days)
    {
        var at = from;
        while (days > 0)
        {
            at = at.AddDays(1);
            if (at.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days--;
            }
        }

        return at;
    }

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    public static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
