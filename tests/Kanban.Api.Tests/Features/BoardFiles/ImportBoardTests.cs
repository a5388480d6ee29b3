using System.Net;
using Kanban.Api.Features.Members;
using Kanban.Api.Features.Tickets;
using Kanban.Api.Tests.Infrastructure;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Kanban.Domain.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Tests.Features.BoardFiles;

public sealed class ImportBoardTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private static DateTimeOffset At(string time) => DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_hand_written_file_becomes_a_board_with_its_counts_places_times_history_line_and_people()
    {
        using var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);

        var imported = await admin.ImportOkAsync(BoardFileSamples.Known("IMP"));

        imported.Key.ShouldBe("IMP");
        imported.Tickets.ShouldBe(8);
        var board = await admin.GetBoardAsync(imported.Id);
        board.Name.ShouldBe("Imported payments");
        board.Lanes.Select(l => (l.Name, l.Kind.ToString(), l.WipLimit, l.Untested, l.Order, l.Count)).ShouldBe([
            ("Backlog", "Backlog", null, false, 0, 1),
            ("Ready", "Queue", 5, false, 1, 0),
            ("Doing", "Active", 1, false, 2, 2),
            ("Test", "Queue", 3, true, 3, 0),
            ("Done", "Done", null, false, 4, 1),
        ]);
        board.Line.Stopped.ShouldBeTrue();
        board.Line.Kind.ShouldBe("manual");
        board.Line.Reason.ShouldBe("Payments are down");
        board.Line.Since.ShouldBe(At("2026-10-09T10:00:00Z"));
        board.Version.ShouldBeGreaterThan(0);

        var (cards, transitions, stops, dbBoard) = await factory.WithDbAsync(async db => (
            await db.Cards.Where(c => c.BoardId == imported.Id).ToDictionaryAsync(c => c.Key),
            await db.CardTransitions.Where(t => t.BoardId == imported.Id).OrderBy(t => t.At).ToListAsync(),
            await db.LineStops.Where(s => s.BoardId == imported.Id).OrderBy(s => s.StoppedAt).ToListAsync(),
            await db.Boards.SingleAsync(b => b.Id == imported.Id)));
        var lane = board.Lanes.ToDictionary(l => l.Name, l => l.Id);

        dbBoard.LastCardNumber.ShouldBe(8);
        dbBoard.TimeZone.ShouldBe("Europe/London");
        dbBoard.Settings.PersonalWipLimit.ShouldBe(3);
        dbBoard.Settings.StopLineThreshold.ShouldBe(4);
        dbBoard.Settings.FillerWords.ShouldBe(["works"]);

        var done = cards["IMP-1"];
        (done.LaneId, done.StartedAt, done.CompletedAt, done.EstimateDays, done.Rank).ShouldBe(
            (lane["Done"], At("2026-10-02T09:00:00Z"), At("2026-10-06T10:00:00Z"), 2.5m, 1024L));
        done.DefinitionOfDone.ShouldBe(["Captured once"]);
        done.CreatedAt.ShouldBe(At("2026-10-01T08:00:00Z"));

        var blocked = cards["IMP-2"];
        (blocked.LaneId, blocked.StartedAt, blocked.CompletedAt, blocked.Class).ShouldBe((lane["Doing"], At("2026-10-05T08:00:00Z"), null, CardClass.Risk));
        (blocked.Blocked, blocked.BlockedReason, blocked.BlockedSince).ShouldBe((true, "Waiting on the bank", At("2026-10-07T12:00:00Z")));
        blocked.AssigneeId.ShouldBe(await factory.WithDbAsync(db => db.Users.Where(u => u.Email == "dev@import.example").Select(u => u.Id).SingleAsync()));

        (cards["IMP-3"].LaneId, cards["IMP-3"].StartedAt, cards["IMP-3"].Rank).ShouldBe((lane["Backlog"], null, 1024L));
        (cards["IMP-3"].CreatedAt, cards["IMP-3"].CreatedAt.Offset).ShouldBe((At("2026-10-08T08:00:00Z"), TimeSpan.Zero), "a time with an offset is kept in UTC");
        (cards["IMP-4"].StartedAt, cards["IMP-4"].CompletedAt).ShouldBe((At("2026-10-02T08:00:00Z"), null), "it left done again");
        (cards["IMP-5"].State, cards["IMP-5"].LaneId).ShouldBe((TicketState.Rejected, null));

        transitions.Count.ShouldBe(13);
        transitions.Where(t => t.CardId == done.Id).Select(t => (t.FromLaneId, t.ToLaneId, t.At)).ShouldBe([
            (null, lane["Backlog"], At("2026-10-01T08:00:00Z")),
            (lane["Backlog"], lane["Ready"], At("2026-10-02T09:00:00Z")),
            (lane["Ready"], lane["Doing"], At("2026-10-03T09:00:00Z")),
            (lane["Doing"], lane["Test"], At("2026-10-05T09:00:00Z")),
            (lane["Test"], lane["Done"], At("2026-10-06T10:00:00Z")),
        ]);

        stops.Select(s => (s.Kind, s.Reason, s.StoppedAt, s.ResumedAt, s.ResumeNote)).ShouldBe([
            (LineStopKind.Manual, "Production outage", At("2026-10-05T10:00:00Z"), At("2026-10-05T12:00:00Z"), "Fixed"),
            (LineStopKind.Manual, "Payments are down", At("2026-10-09T10:00:00Z"), null, null),
        ]);

        var (comments, emails) = await factory.WithDbAsync(async db => (
            (await db.TicketComments.Where(c => c.BoardId == imported.Id).ToListAsync()).OrderBy(c => c.At).ToLookup(c => c.CardId),
            await db.Users.ToDictionaryAsync(u => u.Id, u => u.Email!)));
        string? EmailOf(Guid? id) => id is { } known ? emails[known] : null;
        List<(TicketCommentKind, string, DateTimeOffset, string?)> CommentsOf(string key) =>
            [.. comments[cards[key].Id].Select(c => (c.Kind, c.Text, c.At, EmailOf(c.ByUserId)))];

        var rejected = cards["IMP-5"];
        (rejected.State, EmailOf(rejected.SubmittedBy), rejected.DuplicateOfId, rejected.LikelyDuplicateOfId)
            .ShouldBe((TicketState.Rejected, "dev@import.example", null, null));
        CommentsOf("IMP-5").ShouldBe([
            (TicketCommentKind.SentBack, "Which coins, and why?", At("2026-10-02T09:00:00Z"), "po@import.example"),
            (TicketCommentKind.Rejected, "Not this year: the bank will not settle it.", At("2026-10-03T09:00:00Z"), "po@import.example"),
        ], "a comment without a kind on a rejected ticket is its reason");

        var merged = cards["IMP-6"];
        (merged.State, merged.LaneId, EmailOf(merged.SubmittedBy), merged.DuplicateOfId, merged.LikelyDuplicateOfId)
            .ShouldBe((TicketState.Merged, null, "dev@import.example", cards["IMP-8"].Id, null), "its original comes later in the file");
        CommentsOf("IMP-6").ShouldBeEmpty();

        var sentBack = cards["IMP-7"];
        (sentBack.State, EmailOf(sentBack.SubmittedBy), sentBack.DuplicateOfId).ShouldBe((TicketState.SentBack, "reporter@elsewhere.example", null));
        sentBack.UpdatedAt.ShouldBe(At("2026-10-09T11:00:00Z"), "without updatedAt, a ticket was last changed by its latest comment");
        CommentsOf("IMP-7").ShouldBe([
            (TicketCommentKind.SentBack, "Faster than what? Say which page.", At("2026-10-09T11:00:00Z"), "po@import.example"),
        ]);

        var triage = cards["IMP-8"];
        (triage.State, triage.LaneId, triage.SubmittedBy, triage.DuplicateOfId, triage.LikelyDuplicateOfId, triage.CreatedAt)
            .ShouldBe((TicketState.Triage, null, null, null, cards["IMP-2"].Id, At("2026-10-09T08:00:00Z")));
        CommentsOf("IMP-8").ShouldBe([
            (TicketCommentKind.MergedDuplicate, "Merged duplicate IMP-6: Let customers see refunds", At("2026-10-10T09:00:00Z"), null),
        ]);
        new[] { "IMP-1", "IMP-2", "IMP-3", "IMP-4" }.ShouldAllBe(key => cards[key].SubmittedBy == null && cards[key].DuplicateOfId == null && !comments[cards[key].Id].Any());

        var members = await (await admin.GetAsync($"/api/boards/{imported.Id}/members")).ReadAsync<List<MemberResponse>>();
        members.Select(m => (m.Email, m.DisplayName, m.Role)).OrderBy(m => m.Email).ShouldBe([
            ("dev@import.example", "Dev One", BoardRole.Member),
            ("po@import.example", "Pat Owner", BoardRole.ProductOwner),
            ("viewer@import.example", "viewer", BoardRole.Viewer),
        ]);
        var people = await factory.WithDbAsync(db => db.Users
            .Where(u => u.Email!.EndsWith("import.example") || u.Email!.EndsWith("elsewhere.example"))
            .Select(u => new { u.Email, u.PasswordHash, u.IsAdmin }).ToListAsync());
        people.Count.ShouldBe(5, "members, and who moved a card or submitted a ticket without being a member");
        people.ShouldAllBe(p => p.PasswordHash == null && !p.IsAdmin);
    }

    [Fact]
    public async Task Imported_cards_follow_the_rules_afterwards_and_the_open_stop_still_refuses_pulls()
    {
        using var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);
        var imported = await admin.ImportOkAsync(BoardFileSamples.Known("IMR"));
        var board = await admin.GetBoardAsync(imported.Id);
        var backlogCard = board.Cards.Single(c => c.Key == "IMR-3");

        var refused = await (await admin.MoveAsync(backlogCard.Id, board.LaneId("Ready"))).ReadProblemAsync(HttpStatusCode.Conflict);
        refused.Type.ShouldBe("urn:kanban:problem:line-stopped");

        await (await admin.ResumeLineAsync(board.Id, "Back up")).ReadAsync<object>();
        var full = await (await admin.MoveAsync(backlogCard.Id, board.LaneId("Doing"))).ReadProblemAsync(HttpStatusCode.Conflict);
        full.Type.ShouldBe("urn:kanban:problem:wip-limit-reached");

        var ticket = await admin.AddCardAsync(board.Id);
        ticket.Key.ShouldBe("IMR-9");

        var likelyDuplicate = await factory.WithDbAsync(db => db.Cards.Where(c => c.BoardId == imported.Id && c.Key == "IMR-8").Select(c => c.Id).SingleAsync());
        var stillLikely = await (await admin.PostJsonAsync($"/api/tickets/{likelyDuplicate}/accept", new { })).ReadProblemAsync(HttpStatusCode.Conflict);
        stillLikely.Type.ShouldBe("urn:kanban:problem:likely-duplicate");
        await (await admin.PostJsonAsync($"/api/tickets/{likelyDuplicate}/mark-distinct", new { })).ReadAsync<object>();
        (await (await admin.PostJsonAsync($"/api/tickets/{likelyDuplicate}/accept", new { })).ReadAsync<TicketResponse>()).State.ShouldBe(TicketState.OnBoard);
    }

    [Fact]
    public async Task A_file_whose_board_key_is_taken_is_refused_at_board_key_and_changes_nothing()
    {
        using var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);
        await admin.ImportOkAsync(BoardFileSamples.Known("TAKEN"));
        var before = await factory.CountsAsync();

        var problem = await (await admin.ImportAsync(BoardFileSamples.Known("TAKEN"))).ReadProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors!.Keys.ShouldBe(["$.board.key"]);
        (await factory.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Only_an_admin_imports()
    {
        using var owner = factory.CreateClient();
        var before = await factory.CountsAsync();

        var problem = await (await owner.ImportAsync(BoardFileSamples.Known("NOPE"))).ReadProblemAsync(HttpStatusCode.Forbidden);

        problem.Type.ShouldBe("urn:kanban:problem:forbidden");
        (await factory.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_member_or_the_product_owner_of_another_board_cannot_export()
    {
        using var owner = factory.CreateClient();
        var board = await owner.CreateBoardAsync();
        await factory.UserIdOfAsync("export-member@test.example");
        await (await owner.PostJsonAsync($"/api/boards/{board.Id}/members", new { email = "export-member@test.example", role = "Member" })).ReadAsync<object>();
        using var member = await factory.CreateClientForAsync("export-member@test.example");
        using var otherOwner = await factory.CreateClientForAsync("other-owner@test.example");
        await otherOwner.CreateBoardAsync();

        (await member.GetAsync($"/api/boards/{board.Id}/export")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await otherOwner.GetAsync($"/api/boards/{board.Id}/export")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await owner.GetAsync($"/api/boards/{board.Id}/export")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
