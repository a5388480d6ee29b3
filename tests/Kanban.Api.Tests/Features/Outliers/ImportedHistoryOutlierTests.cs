using System.Globalization;
using System.Text.Json.Nodes;
using Kanban.Api.Features.Outliers;
using Kanban.Api.Tests.Features.BoardFiles;
using Kanban.Api.Tests.Infrastructure;

namespace Kanban.Api.Tests.Features.Outliers;

/// <summary>
/// A history imported as a board file, with a known answer: ten cards done in the last 90 days in
/// 1 to 10 working days (so the 85th percentile, nearest rank, is 9), one done long before that and
/// one done an hour before the window, and in progress one card for each test, one for none and one
/// in the backlog.
/// </summary>
public sealed class ImportedHistoryOutlierTests(ClockedApiFactory factory) : IClassFixture<ClockedApiFactory>
{
    /// <summary>Monday 12 October 2026, 10:00 UTC (11:00 in London, the board's zone).</summary>
    private static readonly DateTimeOffset Now = ClockedApiFactory.Now;

    [Fact]
    public async Task Exactly_the_cards_beyond_the_85th_percentile_twice_their_estimate_or_the_stale_period_are_outliers()
    {
        factory.Clock.Set(Now);
        using var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);
        var imported = await admin.ImportOkAsync(History("OUT"));

        var outliers = await (await admin.GetAsync($"/api/boards/{imported.Id}/outliers")).ReadAsync<List<OutlierResponse>>();

        // Right to left by lane, then oldest first.
        outliers.Select(o => (o.Key, string.Join(",", o.Reasons), o.AgeDays, o.ThresholdDays)).ShouldBe(
        [
            ("OUT-21", "percentile", 10m, 9m),
            ("OUT-23", "stale", 4m, 3m),
            ("OUT-22", "estimate", 3m, 2m),
        ]);
        outliers.Single(o => o.Key == "OUT-23").Details.ShouldHaveSingleItem().FigureDays.ShouldBe(4m, "no move or change since it started");
    }

    private static JsonObject History(string key)
    {
        var tickets = new JsonArray();
        for (var days = 1; days <= 10; days++)
        {
            var started = At("2026-08-31T09:00:00Z");
            tickets.Add(Ticket($"{key}-{days}", "Done", 2, started, AddWorkingDays(started, days)));
        }

        tickets.Add(Ticket($"{key}-11", "Done", 2, At("2026-05-04T09:00:00Z"), AddWorkingDays(At("2026-05-04T09:00:00Z"), 50)));
        // Done an hour before the window opens (90 days before now): outside it. Inside, its 51 days
        // would make the 85th percentile 10, and the first card below would be no outlier.
        tickets.Add(Ticket($"{key}-12", "Done", 2, At("2026-05-04T09:00:00Z"), Now.AddDays(-90).AddHours(-1)));
        // Ten working days old (from Monday 28 September), moved on Friday: beyond the 85th percentile only.
        tickets.Add(Ticket($"{key}-21", "Doing", 8, At("2026-09-28T10:00:00Z"), null, movedAt: At("2026-10-09T10:00:00Z")));
        // Three working days old, estimated 1: beyond twice its estimate only.
        tickets.Add(Ticket($"{key}-22", "Ready", 1, At("2026-10-07T10:00:00Z"), null));
        // Four working days without a move or change, estimated 5: standing still only.
        tickets.Add(Ticket($"{key}-23", "Doing", 5, At("2026-10-06T10:00:00Z"), null));
        // Two working days old: nothing.
        tickets.Add(Ticket($"{key}-24", "Doing", 5, At("2026-10-08T10:00:00Z"), null));
        // In the backlog for months: not tested.
        tickets.Add(new JsonObject
        {
            ["key"] = $"{key}-25", ["title"] = "Waiting in the backlog", ["estimateDays"] = 1, ["state"] = "OnBoard", ["lane"] = "Backlog",
            ["createdAt"] = "2026-06-01T09:00:00Z", ["updatedAt"] = "2026-06-01T09:00:00Z",
            ["history"] = new JsonArray(new JsonObject { ["at"] = "2026-06-01T09:00:00Z", ["from"] = null, ["to"] = "Backlog" }),
        });

        return new JsonObject
        {
            ["format"] = "kanban-board/1",
            ["board"] = new JsonObject { ["name"] = "Outlier history", ["key"] = key, ["timeZone"] = "Europe/London" },
            ["lanes"] = new JsonArray(
                new JsonObject { ["name"] = "Backlog", ["kind"] = "Backlog", ["order"] = 0 },
                new JsonObject { ["name"] = "Ready", ["kind"] = "Queue", ["wipLimit"] = 10, ["order"] = 1 },
                new JsonObject { ["name"] = "Doing", ["kind"] = "Active", ["wipLimit"] = 10, ["order"] = 2 },
                new JsonObject { ["name"] = "Done", ["kind"] = "Done", ["order"] = 3 }),
            ["members"] = new JsonArray(new JsonObject { ["email"] = "po@history.example", ["role"] = "ProductOwner" }),
            ["tickets"] = tickets,
            ["line"] = new JsonArray(),
        };
    }

    /// <param name="done">When it entered Done, or null for a card still in <paramref name="lane"/>.</param>
    /// <param name="movedAt">When it entered its lane, if not when it started.</param>
    private static JsonObject Ticket(string key, string lane, decimal estimate, DateTimeOffset started, DateTimeOffset? done, DateTimeOffset? movedAt = null)
    {
        var created = started.AddDays(-1);
        var history = new JsonArray(
            new JsonObject { ["at"] = Iso(created), ["from"] = null, ["to"] = "Backlog" },
            new JsonObject { ["at"] = Iso(started), ["from"] = "Backlog", ["to"] = movedAt is null && done is null ? lane : "Ready" });
        if (movedAt is { } moved)
        {
            history.Add(new JsonObject { ["at"] = Iso(moved), ["from"] = "Ready", ["to"] = lane });
        }

        if (done is { } finished)
        {
            history.Add(new JsonObject { ["at"] = Iso(finished), ["from"] = "Ready", ["to"] = "Done" });
        }

        return new JsonObject
        {
            ["key"] = key, ["title"] = $"Piece of work {key}", ["estimateDays"] = estimate, ["state"] = "OnBoard", ["lane"] = lane,
            ["createdAt"] = Iso(created), ["updatedAt"] = Iso(done ?? movedAt ?? started), ["history"] = history,
        };
    }

    // Whole working days after a moment, at the same time of day (the board's weekends skipped; no holidays).
    private static DateTimeOffset AddWorkingDays(DateTimeOffset from, int days)
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

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    private static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
