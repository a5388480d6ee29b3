using System.Net;
using System.Text.Json.Nodes;
using Kanban.Api.Features.Lanes;
using Kanban.Api.Tests.Infrastructure;

namespace Kanban.Api.Tests.Features.BoardFiles;

public sealed class RoundTripTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
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
        tickets.Count.ShouldBe(6);
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

    private static Task<List<(string Key, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, DateTimeOffset UpdatedAt)>> TimesAsync(KanbanApiFactory app, Guid boardId) =>
        app.WithDbAsync(db => Task.FromResult(db.Cards.Where(c => c.BoardId == boardId).OrderBy(c => c.Number).AsEnumerable()
            .Select(c => (c.Key, c.StartedAt, c.CompletedAt, c.UpdatedAt)).ToList()));

    /// <summary>
    /// A board changed in every way the file records: lanes renamed, added and limited, settings,
    /// a viewer and a member, tickets moved through the lanes (one back again), one blocked, one
    /// assigned, a stop of the line and its resume, and an andon stop still open.
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
            personalWipLimit = 3, stopLineThreshold = 6, staleDays = 4, maxEstimateDays = 6, duplicateThreshold = 0.75, fillerWords = new[] { "works", "somehow" },
        })).ReadAsync<object>();
        await factory.UserIdOfAsync("trip-viewer@test.example");
        var memberId = await factory.UserIdOfAsync("trip-member@test.example");
        await (await owner.PostJsonAsync($"/api/boards/{board.Id}/members", new { email = "trip-viewer@test.example", role = "Viewer" })).ReadAsync<object>();
        await (await owner.PostJsonAsync($"/api/boards/{board.Id}/members", new { email = "trip-member@test.example", role = "Member" })).ReadAsync<object>();
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

        await (await owner.StopLineAsync(board.Id, "Card data in the logs")).ReadAsync<object>();
        await (await owner.ResumeLineAsync(board.Id, "Logs scrubbed")).ReadAsync<object>();
        await (await owner.StopLineAsync(board.Id, "Payments are down")).ReadAsync<object>();
        return await owner.GetBoardAsync(board.Id);
    }
}
