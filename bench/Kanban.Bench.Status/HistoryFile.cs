using System.Globalization;
using System.Text.Json.Nodes;

namespace Kanban.Bench.Status;

/// <summary>
/// A board file of a year of work ending now: <c>done</c> cards completed evenly over the 365 days, each
/// through Ready, Doing, Review and Testing in 1 to 15 working days; <c>inProgress</c> cards in those
/// lanes started in the last four weeks (every twentieth blocked); 50 in the backlog; a line stop a week.
/// </summary>
public static class HistoryFile
{
    private static readonly string[] FlowLanes = ["Ready", "Doing", "Review", "Testing"];

    public static JsonObject Create(string key, DateTimeOffset now, int done, int inProgress)
    {
        var random = new Random(14);
        var tickets = new JsonArray();
        var number = 0;
        var yearAgo = now.AddDays(-365);
        for (var i = 0; i < done; i++)
        {
            var completed = yearAgo + TimeSpan.FromTicks((now - yearAgo).Ticks / done * i);
            var started = completed - TimeSpan.FromHours(random.Next(24, 24 * 21));
            var steps = new List<(string Lane, DateTimeOffset At)> { ("Backlog", started.AddDays(-random.Next(1, 30))) };
            for (var lane = 0; lane < FlowLanes.Length; lane++)
            {
                steps.Add((FlowLanes[lane], started + ((completed - started) * lane / FlowLanes.Length)));
            }

            steps.Add(("Done", completed));
            tickets.Add(Ticket(key, ++number, "Done", steps, blocked: null, i % 25 == 0 ? (started.AddHours(2), started.AddHours(30)) : null));
        }

        for (var i = 0; i < inProgress; i++)
        {
            var started = now.AddHours(-random.Next(2, 24 * 28));
            var lane = 1 + (i % FlowLanes.Length);
            var steps = new List<(string Lane, DateTimeOffset At)> { ("Backlog", started.AddDays(-3)) };
            for (var l = 0; l < lane; l++)
            {
                steps.Add((FlowLanes[l], started + ((now - started) * l / (lane + 1))));
            }

            var blockedSince = i % 20 == 0 ? now.AddHours(-random.Next(1, 72)) : (DateTimeOffset?)null;
            tickets.Add(Ticket(key, ++number, FlowLanes[lane - 1], steps, blockedSince, null));
        }

        for (var i = 0; i < 50; i++)
        {
            tickets.Add(Ticket(key, ++number, "Backlog", [("Backlog", now.AddDays(-random.Next(1, 200)))], null, null));
        }

        var line = new JsonArray();
        for (var week = 1; week <= 52; week++)
        {
            var stopped = now.AddDays(-7 * week).AddHours(-3);
            line.Add(new JsonObject
            {
                ["kind"] = "Manual", ["reason"] = "Production incident", ["by"] = null, ["stoppedAt"] = Iso(stopped),
                ["resumedAt"] = Iso(stopped.AddHours(2)), ["resumedBy"] = null, ["resumeNote"] = "Fixed",
            });
        }

        return new JsonObject
        {
            ["format"] = "kanban-board/1",
            ["board"] = new JsonObject { ["name"] = "Status benchmark", ["key"] = key, ["timeZone"] = "Europe/London" },
            ["lanes"] = new JsonArray(
                new JsonObject { ["name"] = "Backlog", ["kind"] = "Backlog", ["order"] = 0 },
                new JsonObject { ["name"] = "Ready", ["kind"] = "Queue", ["wipLimit"] = 60, ["order"] = 1 },
                new JsonObject { ["name"] = "Doing", ["kind"] = "Active", ["wipLimit"] = 60, ["order"] = 2 },
                new JsonObject { ["name"] = "Review", ["kind"] = "Queue", ["wipLimit"] = 60, ["order"] = 3 },
                new JsonObject { ["name"] = "Testing", ["kind"] = "Active", ["wipLimit"] = 60, ["order"] = 4 },
                new JsonObject { ["name"] = "Done", ["kind"] = "Done", ["order"] = 5 }),
            ["members"] = new JsonArray(),
            ["tickets"] = tickets,
            ["line"] = line,
        };
    }

    private static JsonObject Ticket(
        string key, int number, string lane, List<(string Lane, DateTimeOffset At)> steps, DateTimeOffset? blocked, (DateTimeOffset From, DateTimeOffset Until)? period)
    {
        var history = new JsonArray();
        string? from = null;
        foreach (var (to, at) in steps)
        {
            history.Add(new JsonObject { ["at"] = Iso(at), ["from"] = from, ["to"] = to });
            from = to;
        }

        var ticket = new JsonObject
        {
            ["key"] = $"{key}-{number}", ["title"] = $"Piece of work number {number}", ["estimateDays"] = 3, ["state"] = "OnBoard", ["lane"] = lane,
            ["createdAt"] = Iso(steps[0].At), ["updatedAt"] = Iso(steps[^1].At), ["history"] = history,
        };
        var blocks = new JsonArray();
        if (period is { } p)
        {
            blocks.Add(new JsonObject { ["reason"] = "Waiting on another team", ["since"] = Iso(p.From), ["until"] = Iso(p.Until) });
        }

        if (blocked is { } since)
        {
            ticket["blocked"] = new JsonObject { ["reason"] = "Waiting on another team", ["since"] = Iso(since) };
            blocks.Add(new JsonObject { ["reason"] = "Waiting on another team", ["since"] = Iso(since), ["until"] = null });
        }

        if (blocks.Count > 0)
        {
            ticket["blocks"] = blocks;
        }

        return ticket;
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
