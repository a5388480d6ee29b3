using System.Net;
using Kanban.Api.Features.Activity;
using Kanban.Api.Features.ShareLinks;
using Kanban.Api.Features.Status;
using Kanban.Api.Realtime;
using Kanban.Api.Tests.Features.BoardFiles;
using Kanban.Api.Tests.Infrastructure;
using Kanban.Domain.Status;
using Microsoft.AspNetCore.SignalR.Client;
using static Kanban.Api.Tests.Features.Status.StatusHistory;

namespace Kanban.Api.Tests.Features.Status;

/// <summary>A product owner's note beside the status: kept with who and when, in the trail, pushed, and never a colour.</summary>
public sealed class StatusNoteTests(ClockedApiFactory factory) : IClassFixture<ClockedApiFactory>
{
    private static int _boards;

    [Fact]
    public async Task A_note_is_kept_with_who_and_when_shown_beside_the_status_and_does_not_change_its_colour()
    {
        factory.Clock.Set(Now);
        using var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);
        // The product owner has an account before the file names them, so the test can sign in as them.
        await factory.TokenForAsync(ProductOwner);
        var key = $"SN{Interlocked.Increment(ref _boards)}";
        var stale = Ticket($"{key}-30", "Doing", [("Backlog", At("2026-10-05T10:00:00Z")), ("Doing", At("2026-10-06T10:00:00Z"))]);
        // Before any import names them: an import makes accounts without a password, which could not sign in.
        await factory.TokenForAsync(ProductOwner);
        var board = await admin.ImportOkAsync(Board(key, [stale]));
        using var po = await factory.CreateClientForAsync(ProductOwner);
        var before = await (await po.GetAsync($"/api/boards/{board.Id}/status")).ReadAsync<StatusResponse>();

        var first = await (await po.PostJsonAsync($"/api/boards/{board.Id}/status/notes", new { text = "  The bank's sandbox is down until Thursday.  " }))
            .ReadAsync<StatusNoteResponse>(HttpStatusCode.Created);
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await (await po.PostJsonAsync($"/api/boards/{board.Id}/status/notes", new { text = "All is well, really: paint it green." }))
            .ReadAsync<StatusNoteResponse>(HttpStatusCode.Created);

        (first.Text, first.At, first.By).ShouldBe(("The bank's sandbox is down until Thursday.", Now, "po"));
        var notes = await (await po.GetAsync($"/api/boards/{board.Id}/status/notes")).ReadAsync<List<StatusNoteResponse>>();
        notes.Select(n => n.Id).ShouldBe([second.Id, first.Id], "newest first");
        var after = await (await po.GetAsync($"/api/boards/{board.Id}/status")).ReadAsync<StatusResponse>();
        after.Notes.ShouldBe(notes);
        (before.Rag, after.Rag).ShouldBe((Rag.Amber, Rag.Amber));
        after.Reasons.Select(r => r.Rule).ShouldBe(before.Reasons.Select(r => r.Rule));
        after.Version.ShouldBe(before.Version + 2);

        var trail = await (await admin.GetAsync($"/api/boards/{board.Id}/activity")).ReadAsync<ActivityPage>();
        var entry = trail.Items.First();
        (entry.Kind, entry.At, entry.Summary).ShouldBe(("StatusNoteAdded", Now.AddMinutes(5), "Status note: All is well, really: paint it green."));
        entry.ByName.ShouldBe("po");
    }

    [Fact]
    public async Task A_note_is_pushed_on_the_hub_to_the_board_s_status_screens()
    {
        factory.Clock.Set(Now);
        using var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);
        await factory.TokenForAsync(ProductOwner);
        var board = await admin.ImportOkAsync(Board($"SN{Interlocked.Increment(ref _boards)}"));
        var link = await (await admin.PostJsonAsync($"/api/boards/{board.Id}/share-links", new { view = "status" })).ReadAsync<CreatedShareLinkResponse>(HttpStatusCode.Created);
        await using var screen = await factory.ConnectWithShareLinkAsync(link.Url.Split("share=")[1]);
        var pushed = new TaskCompletionSource<StatusNoteAddedMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        screen.On<StatusNoteAddedMessage>(nameof(IBoardClient.StatusNoteAdded), m => pushed.TrySetResult(m));
        await screen.InvokeAsync("JoinBoard", board.Id);
        using var po = await factory.CreateClientForAsync(ProductOwner);

        var note = await (await po.PostJsonAsync($"/api/boards/{board.Id}/status/notes", new { text = "Demo moved to Friday" })).ReadAsync<StatusNoteResponse>(HttpStatusCode.Created);

        var message = await pushed.Task.WaitAsync(HubClients.Patience);
        (message.BoardId, message.Note).ShouldBe((board.Id, note));
        message.Version.ShouldBe((await (await po.GetAsync($"/api/boards/{board.Id}/status")).ReadAsync<StatusResponse>()).Version);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task A_note_without_text_is_a_400_naming_the_text(string? text)
    {
        factory.Clock.Set(Now);
        using var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);
        // Before any import names them: an import makes accounts without a password, which could not sign in.
        await factory.TokenForAsync(ProductOwner);
        var board = await admin.ImportOkAsync(Board($"SN{Interlocked.Increment(ref _boards)}"));

        var problem = await (await admin.PostJsonAsync($"/api/boards/{board.Id}/status/notes", new { text })).ReadProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors!.Keys.ShouldBe(["text"]);
    }

    [Fact]
    public async Task A_note_of_more_than_2000_characters_or_with_a_control_character_is_a_400()
    {
        factory.Clock.Set(Now);
        using var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);
        // Before any import names them: an import makes accounts without a password, which could not sign in.
        await factory.TokenForAsync(ProductOwner);
        var board = await admin.ImportOkAsync(Board($"SN{Interlocked.Increment(ref _boards)}"));

        (await (await admin.PostJsonAsync($"/api/boards/{board.Id}/status/notes", new { text = new string('x', 2001) })).ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["text"]);
        (await (await admin.PostJsonAsync($"/api/boards/{board.Id}/status/notes", new { text = "bell\u0007" })).ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["text"]);
        (await admin.PostJsonAsync($"/api/boards/{board.Id}/status/notes", new { text = new string('x', 2000) })).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_member_or_viewer_cannot_add_a_note()
    {
        factory.Clock.Set(Now);
        using var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);
        // Before any import names them: an import makes accounts without a password, which could not sign in.
        await factory.TokenForAsync(ProductOwner);
        var board = await admin.ImportOkAsync(Board($"SN{Interlocked.Increment(ref _boards)}"));
        using var member = await factory.ClientOnBoardAsync(admin, board.Id, "member@status.example", "Member");

        (await member.PostJsonAsync($"/api/boards/{board.Id}/status/notes", new { text = "Mine" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.GetAsync($"/api/boards/{board.Id}/status/notes")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
