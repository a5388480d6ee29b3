using System.Net;
using System.Text.Json.Nodes;
using Kanban.Api.Features.Activity;
using Kanban.Api.Features.Tickets;
using Kanban.Api.Tests.Infrastructure;
using Kanban.Domain.Tickets;

namespace Kanban.Api.Tests.Features.BoardFiles;

/// <summary>An imported board's trail tells its history as the file records it, with the original times and people.</summary>
public sealed class ImportedHistoryTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private readonly HttpClient _owner = factory.CreateClient();

    [Fact]
    public async Task Every_move_stop_resume_and_comment_of_the_file_is_in_the_trail_at_its_time_and_by_its_person()
    {
        using var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);
        var imported = await admin.ImportOkAsync(BoardFileSamples.Known("HIST"));

        var items = await AllAsync(admin, imported.Id, take: 50);

        // 13 moves (5 + 3 + 1 + 4), 4 comments, 2 stops and 1 resume.
        items.Count.ShouldBe(20);
        items.Select(i => i.Kind).Distinct().ShouldBe(
            ["LineStopped", "TicketMerged", "TicketSentBack", "TicketRejected", "CardMoved", "TicketAccepted", "LineResumed"], ignoreOrder: true);
        var oldest = items[^1];
        (oldest.At, oldest.Kind, oldest.ByName).ShouldBe((DateTimeOffset.Parse("2026-10-01T08:00:00Z"), "TicketAccepted", "Pat Owner"));
        oldest.Summary.ShouldBe("HIST-1 accepted into Backlog", "at the same instant the file's order holds");
        var done = items.Single(i => i.Summary == "HIST-1 moved from Test to Done");
        (done.At, done.ByName).ShouldBe((DateTimeOffset.Parse("2026-10-06T10:00:00Z"), "Pat Owner"));
        var stop = items.Single(i => i.Kind == "LineStopped" && i.At == DateTimeOffset.Parse("2026-10-05T10:00:00Z"));
        (stop.Summary, stop.ByName).ShouldBe(("Line stopped with the andon cord: Production outage", "Dev One"));
        items.Single(i => i.Kind == "LineResumed").Summary.ShouldBe("Line resumed after 2 h 0 min: Fixed");
        items.Single(i => i.Kind == "TicketRejected").Summary.ShouldBe("HIST-5 rejected");
        items.ShouldAllBe(i => !i.Summary.Contains("Which coins"), "a comment's text stays on its ticket");
        items.Select(i => i.Version).ShouldBeUnique();
        var board = await admin.GetBoardAsync(imported.Id);
        items[0].Version.ShouldBe(board.Version, "the board's version is its trail's latest");

        var ticket = board.Cards.Single(c => c.Key == "HIST-1");
        (await admin.GetTicketAsync(ticket.Id)).History.Select(h => h.Summary).ShouldBe(
        [
            "HIST-1 accepted into Backlog",
            "HIST-1 moved from Backlog to Ready",
            "HIST-1 moved from Ready to Doing",
            "HIST-1 moved from Doing to Test",
            "HIST-1 moved from Test to Done",
        ]);
    }

    [Fact]
    public async Task A_trail_of_more_than_200_entries_many_at_the_same_instant_pages_to_the_oldest_each_entry_once()
    {
        using var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);
        var imported = await admin.ImportOkAsync(ManyTies("TIES", tickets: 60));

        var pages = new List<ActivityPage>();
        string? before = null;
        do
        {
            var url = $"/api/boards/{imported.Id}/activity?take=50" + (before is null ? "" : $"&before={Uri.EscapeDataString(before)}");
            var page = await (await admin.GetAsync(url)).ReadAsync<ActivityPage>();
            pages.Add(page);
            before = page.Next;
        }
        while (before is not null);

        var items = pages.SelectMany(p => p.Items).ToList();
        pages.Count.ShouldBe(5);
        items.Count.ShouldBe(60 * 4);
        items.Select(i => i.Id).ShouldBeUnique();
        items.ShouldBe([.. items.OrderByDescending(i => i.At).ThenByDescending(i => i.Version)]);
        items[^1].At.ShouldBe(Start);
        items.Count(i => i.At == Start).ShouldBe(60, "every arrival was at the same instant");
        items[^1].Summary.ShouldBe("TIES-1 accepted into Backlog", "at the same instant the file's order holds");
    }

    [Fact]
    public async Task A_change_made_after_the_import_comes_first_with_the_next_version()
    {
        using var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);
        var imported = await admin.ImportOkAsync(ManyTies("NEXT", tickets: 3));
        var board = await admin.GetBoardAsync(imported.Id);

        var ticket = await admin.SubmitTicketAsync(imported.Id);

        var latest = (await (await admin.GetAsync($"/api/boards/{imported.Id}/activity?take=1")).ReadAsync<ActivityPage>()).Items.Single();
        (latest.Kind, latest.CardId, latest.Version).ShouldBe(("TicketSubmitted", (Guid?)ticket.Id, board.Version + 1));
    }

    [Fact]
    public async Task A_members_comment_is_exported_with_its_kind_and_imported_back_as_a_comment()
    {
        var board = await _owner.CreateBoardAsync();
        var card = await _owner.AddCardAsync(board.Id);
        await (await _owner.CommentAsync(card.Id, "Checked with the bank: fine to go")).ReadAsync<TicketCommentResponse>(HttpStatusCode.Created);

        var file = await _owner.ExportAsync(board.Id);
        var comment = file["tickets"]![0]!["comments"]!.AsArray().Single()!;
        (comment["kind"]!.GetValue<string>(), comment["text"]!.GetValue<string>()).ShouldBe(("Comment", "Checked with the bank: fine to go"));
        var key = "RTC" + Random.Shared.Next(1000, 9999);
        file["board"]!["key"] = key;
        file["tickets"]![0]!["key"] = $"{key}-1";
        using var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);
        var imported = await admin.ImportOkAsync(file);

        var importedCard = (await admin.GetBoardAsync(imported.Id)).Cards.Single();
        var detail = await admin.GetTicketAsync(importedCard.Id);
        var back = detail.Comments.ShouldHaveSingleItem();
        (back.Kind, back.Text, back.ByName).ShouldBe((TicketCommentKind.Comment, "Checked with the bank: fine to go", "owner"));
        detail.History.Select(h => h.Kind).ShouldBe(["TicketAccepted", "TicketCommented"]);
    }

    private static readonly DateTimeOffset Start = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Tickets that all arrived at one instant, each moved on at a time of its own, all finished at one
    /// instant and all commented on at one instant: four entries each, most of them tied.
    /// </summary>
    private static JsonObject ManyTies(string key, int tickets)
    {
        var file = BoardFileSamples.Minimal(key, KanbanApiFactory.Owner);
        file["lanes"] = new JsonArray(
            new JsonObject { ["name"] = "Backlog", ["kind"] = "Backlog" },
            new JsonObject { ["name"] = "Ready", ["kind"] = "Queue" },
            new JsonObject { ["name"] = "Done", ["kind"] = "Done" });
        var list = new JsonArray();
        var finished = Start.AddDays(2);
        for (var i = 1; i <= tickets; i++)
        {
            list.Add(new JsonObject
            {
                ["key"] = $"{key}-{i}",
                ["title"] = $"Imported ticket number {i}",
                ["estimateDays"] = 1,
                ["state"] = "OnBoard",
                ["lane"] = "Done",
                ["createdAt"] = Start.ToString("O"),
                ["history"] = new JsonArray(
                    Move(Start, null, "Backlog"),
                    Move(Start.AddMinutes(i), "Backlog", "Ready"),
                    Move(finished, "Ready", "Done")),
                ["comments"] = new JsonArray(new JsonObject
                {
                    ["at"] = finished.ToString("O"), ["by"] = KanbanApiFactory.Owner, ["text"] = "Finished with the rest", ["kind"] = "Comment",
                }),
            });
        }

        file["tickets"] = list;
        return file;

        static JsonObject Move(DateTimeOffset at, string? from, string to) => new()
        {
            ["at"] = at.ToString("O"), ["from"] = from, ["to"] = to, ["by"] = KanbanApiFactory.Owner,
        };
    }

    private static async Task<List<ActivityItem>> AllAsync(HttpClient client, Guid boardId, int take)
    {
        var items = new List<ActivityItem>();
        string? before = null;
        do
        {
            var url = $"/api/boards/{boardId}/activity?take={take}" + (before is null ? "" : $"&before={Uri.EscapeDataString(before)}");
            var page = await (await client.GetAsync(url)).ReadAsync<ActivityPage>();
            items.AddRange(page.Items);
            before = page.Next;
        }
        while (before is not null);

        return items;
    }
}
