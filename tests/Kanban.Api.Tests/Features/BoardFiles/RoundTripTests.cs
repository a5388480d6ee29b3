using System.Net;
using System.Text.Json.Nodes;
using Kanban.Api.Features.Lanes;
using Kanban.Api.Features.Tickets;
using Kanban.Api.Tests.Infrastructure;
using Kanban.Domain.Cards;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Tests.Features.BoardFiles;

public sealed class RoundTripTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private const string Member = "trip-member@test.example";

    [Fact]
    public async Task A_board_exported_and_imported_into_an_empty_database_exports_the_same_file_and_computes_the_same()
    {
        using var owner = factory.CreateClient();
        var board = await BusyBoardAsync(owner);
        var exported = await owner.ExportAsync(board.Id);

        await using var empty = new KanbanApiFactory();
        using var admin = await empty.CreateClientForAsync(KanbanApiFactory.AdminEmail);
        var imported = await admin.ImportOkAsync(exported);
        var again = await admin.ExportAsync(imported.Id);

        BoardFileSamples.WithoutIds(again)!.ToJsonString().ShouldBe(BoardFileSamples.WithoutIds(exported)!.ToJsonString());
        var original = await owner.GetBoardAsync(board.Id);
        var copy = await admin.GetBoardAsync(imported.Id);
        copy.Lanes.Select(l => (l.Name, l.Kind, l.WipLimit, l.Untested, l.Order, l.Count))
            .ShouldBe(original.Lanes.Select(l => (l.Name, l.Kind, l.WipLimit, l.Untested, l.Order, l.Count)));
        (copy.Line with { StoppedBy = null }).ShouldBe(original.Line with { StoppedBy = null }, "who stopped it has a new id");
        copy.Cards.Select(c => (c.Key, c.Title, copy.Lanes.Single(l => l.Id == c.LaneId).Name, c.Rank, c.Class, c.EstimateDays, c.Blocked))
            .ShouldBe(original.Cards.Select(c => (c.Key, c.Title, original.Lanes.Single(l => l.Id == c.LaneId).Name, c.Rank, c.Class, c.EstimateDays, c.Blocked)));
        var times = await TimesAsync(factory, board.Id);
        times.ShouldNotBeEmpty();
        (await TimesAsync(empty, imported.Id)).ShouldBe(times);
        var triage = await TriageAsync(factory, board.Id);
        triage.Count(t => t.Comments.Length > 0).ShouldBe(3);
        (await TriageAsync(empty, imported.Id)).ShouldBe(triage);
    }

    [Fact]
    public async Task The_export_has_the_triage_of_every_ticket_its_comments_links_and_submitter()
    {
        using var owner = factory.CreateClient();
        var board = await BusyBoardAsync(owner);

        var tickets = (await owner.ExportAsync(board.Id))["tickets"]!.AsArray().ToDictionary(t => t!["key"]!.GetValue<string>(), t => t!.AsObject());

        string Key(int number) => $"{board.Key}-{number}";
        string? Text(JsonNode? node, string name) => node?[name]?.GetValue<string>();
        List<(string?, string?, string?)> Comments(int number) =>
            [.. tickets[Key(number)]["comments"]!.AsArray().Select(c => (Text(c, "kind"), Text(c, "by"), Text(c, "text")))];
        tickets.Values.ShouldAllBe(t => t.ContainsKey("submittedBy") && t.ContainsKey("likelyDuplicateOf") && t["likelyDuplicateOf"] == null);
        Enumerable.Range(1, 6).Select(n => Text(tickets[Key(n)], "submittedBy")).ShouldAllBe(e => e == KanbanApiFactory.Owner);
        Enumerable.Range(7, 4).Select(n => Text(tickets[Key(n)], "submittedBy")).ShouldAllBe(e => e == Member);
        Enumerable.Range(7, 4).Select(n => Text(tickets[Key(n)], "state")).ShouldBe(["Triage", "SentBack", "Rejected", "Merged"]);
        tickets.Values.Select(t => Text(t, "duplicateOf")).ShouldBe([null, null, null, null, null, null, null, null, null, Key(2)]);

        Comments(7).ShouldBeEmpty();
        Comments(8).ShouldBe([("SentBack", KanbanApiFactory.Owner, "Say which page this is about.")]);
        Comments(9).ShouldBe([
            ("SentBack", KanbanApiFactory.Owner, "Is this still needed after the refund work?"),
            ("Rejected", KanbanApiFactory.Owner, "Out of scope for payments this quarter."),
        ]);
        Comments(10).ShouldBeEmpty();
        Comments(2).Single().ShouldSatisfyAllConditions(
            c => c.Item1.ShouldBe("MergedDuplicate"),
            c => c.Item2.ShouldBe(KanbanApiFactory.Owner),
            c => c.Item3!.ShouldStartWith($"Merged duplicate {Key(10)}: Round trip ticket number 1 again"));
        var times = tickets[Key(9)]["comments"]!.AsArray().Select(c => DateTimeOffset.Parse(Text(c, "at")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        times.ShouldBeInOrder(SortDirection.Ascending, "oldest first");
        times[0].ShouldBeGreaterThanOrEqualTo(DateTimeOffset.Parse(Text(tickets[Key(9)], "createdAt")!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_merged_duplicate_of_the_longest_ticket_there_can_be_survives_the_round_trip()
    {
        using var owner = factory.CreateClient();
        var board = await owner.CreateBoardAsync();
        var original = await owner.AddCardAsync(board.Id);
        var longest = await (await owner.PostJsonAsync($"/api/boards/{board.Id}/tickets", new
        {
            title = new string('T', 400),
            description = string.Concat(Enumerable.Repeat("word ", 4_000)),
            definitionOfDone = Enumerable.Range(0, 50).Select(i => $"{i:00} " + new string('c', 997)).ToArray(),
            estimateDays = 2,
        })).ReadAsync<TicketResponse>(HttpStatusCode.Created);
        await (await owner.PostJsonAsync($"/api/tickets/{longest.Id}/merge", new { originalId = original.Id })).ReadAsync<TicketResponse>();
        var exported = await owner.ExportAsync(board.Id);
        exported["tickets"]![0]!["comments"]![0]!["text"]!.GetValue<string>().Length.ShouldBeGreaterThan(70_000);

        await using var empty = new KanbanApiFactory();
        using var admin = await empty.CreateClientForAsync(KanbanApiFactory.AdminEmail);
        var imported = await admin.ImportOkAsync(exported);

        BoardFileSamples.WithoutIds(await admin.ExportAsync(imported.Id))!.ToJsonString().ShouldBe(BoardFileSamples.WithoutIds(exported)!.ToJsonString());
    }

    [Fact]
    public async Task The_export_has_the_contract_fields_of_every_ticket()
    {
        using var owner = factory.CreateClient();
        var board = await BusyBoardAsync(owner);

        var file = await owner.ExportAsync(board.Id);

        file["format"]!.GetValue<string>().ShouldBe("kanban-board/1");
        file["board"]!["key"]!.GetValue<string>().ShouldBe(board.Key);
        file["lanes"]!.AsArray().Select(l => l!["name"]!.GetValue<string>()).ShouldContain("Doing");
        var tickets = file["tickets"]!.AsArray();
        tickets.Count.ShouldBe(10);
        foreach (var name in new[] { "key", "title", "description", "definitionOfDone", "estimateDays", "class", "state", "lane", "rank", "assignee", "blocked", "createdAt", "history", "comments", "duplicateOf" })
        {
            tickets.ShouldAllBe(t => t!.AsObject().ContainsKey(name), name);
        }

        tickets.Count(t => t!["assignee"] != null).ShouldBe(1);
        tickets.Single(t => t!["blocked"] != null)!["blocked"]!["reason"]!.GetValue<string>().ShouldBe("Waiting on the bank");
        var line = file["line"]!.AsArray();
        line.Count.ShouldBe(2);
        line[1]!["resumedAt"].ShouldBeNull();
        line[0]!["by"]!.GetValue<string>().ShouldBe(KanbanApiFactory.Owner);
    }

    /// <summary>What triage left on each ticket, read from the database, with people and tickets by e-mail and key.</summary>
    private static Task<List<(string Key, TicketState State, string? SubmittedBy, string? DuplicateOf, string? LikelyDuplicateOf, string Comments)>> TriageAsync(KanbanApiFactory app, Guid boardId) =>
        app.WithDbAsync(async db =>
        {
            var cards = await db.Cards.Where(c => c.BoardId == boardId).OrderBy(c => c.Number).ToListAsync();
            var keys = cards.ToDictionary(c => c.Id, c => c.Key);
            var emails = await db.Users.ToDictionaryAsync(u => u.Id, u => u.Email!);
            var comments = (await db.TicketComments.Where(c => c.BoardId == boardId).ToListAsync()).OrderBy(c => c.At).ToLookup(c => c.CardId);
            string? EmailOf(Guid? id) => id is { } known ? emails[known] : null;
            string? KeyOf(Guid? id) => id is { } known ? keys[known] : null;
            return cards.Select(c => (
                c.Key,
                c.State,
                EmailOf(c.SubmittedBy),
                KeyOf(c.DuplicateOfId),
                KeyOf(c.LikelyDuplicateOfId),
                string.Join(" | ", comments[c.Id].Select(t => $"{t.Kind} {t.At:O} {EmailOf(t.ByUserId)}: {t.Text}")))).ToList();
        });

    private static Task<List<(string Key, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, DateTimeOffset UpdatedAt)>> TimesAsync(KanbanApiFactory app, Guid boardId) =>
        app.WithDbAsync(db => Task.FromResult(db.Cards.Where(c => c.BoardId == boardId).OrderBy(c => c.Number).AsEnumerable()
            .Select(c => (c.Key, c.StartedAt, c.CompletedAt, c.UpdatedAt)).ToList()));

    /// <summary>
    /// A board changed in every way the file records: lanes renamed, added and limited, settings,
    /// a viewer and a member, tickets moved through the lanes (one back again), one blocked, one
    /// assigned, a member's tickets in triage (one waiting, one sent back, one sent back and rejected,
    /// one merged into a card on the board), a stop of the line and its resume, and an andon stop still open.
    /// </summary>
    private async Task<Kanban.Api.Features.Boards.BoardResponse> BusyBoardAsync(HttpClient owner)
    {
        var board = await owner.CreateBoardAsync();
        var inProgress = board.Lane("In progress");
        await (await owner.PutJsonAsync($"/api/boards/{board.Id}/lanes/{inProgress.Id}",
            new { name = "Doing", kind = "Active", wipLimit = 4, untested = false, order = inProgress.Order })).ReadAsync<LaneResponse>();
        await (await owner.PostJsonAsync($"/api/boards/{board.Id}/lanes", new { name = "Review", kind = "Queue", wipLimit = 2, order = 3 }))
            .ReadAsync<LaneResponse>(HttpStatusCode.Created);
        await (await owner.PutJsonAsync($"/api/boards/{board.Id}/settings", new
        {
            personalWipLimit = 3, stopLineThreshold = 6, staleDays = 4, maxEstimateDays = 6, duplicateThreshold = 0.75, duplicateWindowDays = 90,
            fillerWords = new[] { "works", "somehow" },
        })).ReadAsync<object>();
        await factory.UserIdOfAsync("trip-viewer@test.example");
        var memberId = await factory.UserIdOfAsync(Member);
        await (await owner.PostJsonAsync($"/api/boards/{board.Id}/members", new { email = "trip-viewer@test.example", role = "Viewer" })).ReadAsync<object>();
        await (await owner.PostJsonAsync($"/api/boards/{board.Id}/members", new { email = Member, role = "Member" })).ReadAsync<object>();
        board = await owner.GetBoardAsync(board.Id);

        var tickets = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            tickets.Add((await owner.AddCardAsync(board.Id, $"Round trip ticket number {i}")).Id);
        }

        foreach (var lane in new[] { "Ready", "Doing", "Review", "Ready for test", "Testing", "Done" })
        {
            await owner.MoveOkAsync(tickets[0], board.LaneId(lane));
        }

        foreach (var lane in new[] { "Ready", "Doing", "Review" })
        {
            await owner.MoveOkAsync(tickets[1], board.LaneId(lane));
        }

        await owner.MoveOkAsync(tickets[2], board.LaneId("Ready"));
        await owner.MoveOkAsync(tickets[2], board.LaneId("Doing"));
        await owner.MoveOkAsync(tickets[3], board.LaneId("Ready"));
        await owner.MoveOkAsync(tickets[3], board.LaneId("Backlog"));
        await owner.MoveOkAsync(tickets[4], board.LaneId("Ready"));
        await owner.MoveOkAsync(tickets[4], board.LaneId("Ready"), index: 0);
        await (await owner.PostJsonAsync($"/api/cards/{tickets[2]}/block", new { reason = "Waiting on the bank" })).ReadAsync<object>();
        await (await owner.AssignAsync(tickets[1], memberId)).ReadAsync<object>();

        // Triage, through the routes: a member's tickets waiting, sent back, sent back then rejected, and merged into a card on the board.
        using var member = await factory.CreateClientForAsync(Member);
        await member.SubmitTicketAsync(board.Id, "Round trip ticket waiting in triage");
        var sentBack = await member.SubmitTicketAsync(board.Id, "Round trip ticket sent back once");
        await (await owner.PostJsonAsync($"/api/tickets/{sentBack.Id}/send-back", new { comment = "Say which page this is about." })).ReadAsync<TicketResponse>();
        var rejected = await member.SubmitTicketAsync(board.Id, "Round trip ticket that is rejected");
        await (await owner.PostJsonAsync($"/api/tickets/{rejected.Id}/send-back", new { comment = "Is this still needed after the refund work?" })).ReadAsync<TicketResponse>();
        await (await owner.PostJsonAsync($"/api/tickets/{rejected.Id}/reject", new { reason = "Out of scope for payments this quarter." })).ReadAsync<TicketResponse>();
        var duplicate = await member.SubmitTicketAsync(board.Id, "Round trip ticket number 1 again");
        (await (await owner.PostJsonAsync($"/api/tickets/{duplicate.Id}/merge", new { originalId = tickets[1] })).ReadAsync<TicketResponse>())
            .State.ShouldBe(TicketState.Merged);

        await (await owner.StopLineAsync(board.Id, "Card data in the logs")).ReadAsync<object>();
        await (await owner.ResumeLineAsync(board.Id, "Logs scrubbed")).ReadAsync<object>();
        await (await owner.StopLineAsync(board.Id, "Payments are down")).ReadAsync<object>();
        return await owner.GetBoardAsync(board.Id);
    }
}
