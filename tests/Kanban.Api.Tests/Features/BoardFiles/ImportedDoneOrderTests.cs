using System.Globalization;
using System.Text.Json.Nodes;
using Kanban.Api.Tests.Infrastructure;

namespace Kanban.Api.Tests.Features.BoardFiles;

/// <summary>The board lists a done lane's most recent cards: after an import too, whatever order the file's ranks give.</summary>
public sealed class ImportedDoneOrderTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private static JsonObject DoneTicket(string key, int number, long rank, DateTimeOffset doneAt) => new()
    {
        ["key"] = $"{key}-{number}",
        ["title"] = $"Finished piece of work {number}",
        ["description"] = "d",
        ["definitionOfDone"] = new JsonArray(),
        ["estimateDays"] = 1,
        ["state"] = "OnBoard",
        ["lane"] = "Done",
        ["rank"] = rank,
        ["createdAt"] = doneAt.AddDays(-3).ToString("O", CultureInfo.InvariantCulture),
        ["history"] = new JsonArray(
            new JsonObject { ["at"] = doneAt.AddDays(-3).ToString("O", CultureInfo.InvariantCulture), ["from"] = null, ["to"] = "Backlog" },
            new JsonObject { ["at"] = doneAt.ToString("O", CultureInfo.InvariantCulture), ["from"] = "Backlog", ["to"] = "Done" }),
    };

    [Fact]
    public async Task A_done_lane_ranked_against_its_completion_lists_the_most_recently_done_cards()
    {
        using var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);
        var file = BoardFileSamples.Minimal("DORD", KanbanApiFactory.AdminEmail);
        var first = new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);
        // Ranked 1024, 2048, ... but done in the reverse order: card 1 is the most recent.
        for (var n = 1; n <= 25; n++)
        {
            ((JsonArray)file["tickets"]!).Add(DoneTicket("DORD", n, n * 1024L, first.AddHours(25 - n)));
        }

        var board = await admin.GetBoardAsync((await admin.ImportOkAsync(file)).Id);

        board.Cards.Select(c => c.Key).ShouldBe(Enumerable.Range(1, 20).Reverse().Select(n => $"DORD-{n}"));
    }

    [Fact]
    public async Task A_done_lane_already_in_order_of_completion_keeps_the_files_ranks()
    {
        using var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);
        var file = BoardFileSamples.Minimal("DKEP", KanbanApiFactory.AdminEmail);
        var first = new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);
        for (var n = 1; n <= 3; n++)
        {
            ((JsonArray)file["tickets"]!).Add(DoneTicket("DKEP", n, n * 1000L, first.AddHours(n)));
        }

        var board = await admin.GetBoardAsync((await admin.ImportOkAsync(file)).Id);

        board.Cards.Select(c => (c.Key, c.Rank)).ShouldBe([("DKEP-1", 1000L), ("DKEP-2", 2000L), ("DKEP-3", 3000L)]);
    }
}
