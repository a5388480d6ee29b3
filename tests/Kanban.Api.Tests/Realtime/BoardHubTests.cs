using System.Text.Json;
using System.Text.Json.Serialization;
using Kanban.Api.Realtime;
using Kanban.Api.Tests.Infrastructure;
using Kanban.Domain.Cards;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using TestApi = Kanban.Api.Tests.Infrastructure.Api;

namespace Kanban.Api.Tests.Realtime;

public sealed class BoardHubTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private static readonly TimeSpan Patience = HubClients.Patience;
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_second_client_on_the_board_receives_CardMoved_with_the_new_version()
    {
        var board = await _client.CreateBoardAsync();
        var ticket = await _client.AddCardAsync(board.Id);
        await using var watcher = await ConnectAsync();
        var received = new TaskCompletionSource<CardMovedMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.On<CardMovedMessage>("CardMoved", e => received.TrySetResult(e));
        await watcher.InvokeAsync("JoinBoard", board.Id);
        var before = await _client.GetBoardAsync(board.Id);

        await _client.MoveOkAsync(ticket.Id, board.LaneId("Ready"));

        var moved = await received.Task.WaitAsync(Patience);
        moved.BoardId.ShouldBe(board.Id);
        moved.Card.Id.ShouldBe(ticket.Id);
        moved.Card.LaneId.ShouldBe(board.LaneId("Ready"));
        moved.FromLaneId.ShouldBe(board.LaneId("Backlog"));
        moved.Version.ShouldBe(before.Version + 1);
        (await _client.GetBoardAsync(board.Id)).Version.ShouldBe(moved.Version);
    }

    [Fact]
    public async Task A_client_on_the_board_receives_TicketSubmitted_with_the_ticket_key_and_state()
    {
        var board = await _client.CreateBoardAsync();
        await using var watcher = await ConnectAsync();
        var received = new TaskCompletionSource<TicketMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.On<TicketMessage>("TicketSubmitted", e => received.TrySetResult(e));
        await watcher.InvokeAsync("JoinBoard", board.Id);

        var ticket = await _client.SubmitTicketAsync(board.Id);

        var submitted = await received.Task.WaitAsync(Patience);
        submitted.BoardId.ShouldBe(board.Id);
        submitted.Version.ShouldBe(board.Version + 1);
        submitted.TicketId.ShouldBe(ticket.Id);
        submitted.Key.ShouldBe(ticket.Key);
        submitted.State.ShouldBe(TicketState.Triage);
        (await _client.GetBoardAsync(board.Id)).Version.ShouldBe(submitted.Version);
    }

    [Fact]
    public async Task A_client_on_the_board_receives_TicketAccepted_with_the_card_in_the_backlog()
    {
        var board = await _client.CreateBoardAsync();
        var ticket = await _client.SubmitTicketAsync(board.Id);
        await using var watcher = await ConnectAsync();
        var received = new TaskCompletionSource<CardMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.On<CardMessage>("TicketAccepted", e => received.TrySetResult(e));
        await watcher.InvokeAsync("JoinBoard", board.Id);
        var before = await _client.GetBoardAsync(board.Id);

        (await _client.AcceptAsync(ticket.Id)).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);

        var accepted = await received.Task.WaitAsync(Patience);
        accepted.BoardId.ShouldBe(board.Id);
        accepted.Version.ShouldBe(before.Version + 1);
        accepted.Card.Id.ShouldBe(ticket.Id);
        accepted.Card.Key.ShouldBe(ticket.Key);
        accepted.Card.LaneId.ShouldBe(board.LaneId("Backlog"));
        (await _client.GetBoardAsync(board.Id)).Cards.ShouldHaveSingleItem().ShouldBe(accepted.Card);
    }

    [Fact]
    public async Task A_client_on_the_board_receives_TicketChanged_when_a_ticket_is_sent_back()
    {
        var board = await _client.CreateBoardAsync();
        var ticket = await _client.SubmitTicketAsync(board.Id);
        await using var watcher = await ConnectAsync();
        var received = new TaskCompletionSource<TicketMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.On<TicketMessage>("TicketChanged", e => received.TrySetResult(e));
        await watcher.InvokeAsync("JoinBoard", board.Id);
        var before = await _client.GetBoardAsync(board.Id);

        (await _client.PostJsonAsync($"/api/tickets/{ticket.Id}/send-back", new { comment = "Name the page this is about" }))
            .StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);

        var changed = await received.Task.WaitAsync(Patience);
        changed.BoardId.ShouldBe(board.Id);
        changed.Version.ShouldBe(before.Version + 1);
        changed.TicketId.ShouldBe(ticket.Id);
        changed.State.ShouldBe(TicketState.SentBack);
    }

    [Fact]
    public async Task Edit_reject_merge_and_mark_distinct_each_push_TicketChanged_with_consecutive_versions()
    {
        var board = await _client.CreateBoardAsync();
        var edited = await _client.SubmitTicketAsync(board.Id, "A ticket that gets edited");
        var rejected = await _client.SubmitTicketAsync(board.Id, "A ticket that gets rejected");
        var merged = await _client.SubmitTicketAsync(board.Id, "A ticket that gets merged");
        var distinct = await _client.SubmitTicketAsync(board.Id, "A ticket that is marked distinct");
        await using var watcher = await ConnectAsync();
        var received = new List<TicketMessage>();
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.On<TicketMessage>("TicketChanged", e =>
        {
            lock (received)
            {
                received.Add(e);
                if (received.Count == 4)
                {
                    all.TrySetResult();
                }
            }
        });
        await watcher.InvokeAsync("JoinBoard", board.Id);
        var before = await _client.GetBoardAsync(board.Id);

        (await _client.PutJsonAsync($"/api/tickets/{edited.Id}", TestApi.GoodTicket("A ticket that was edited"))).EnsureSuccessStatusCode();
        (await _client.PostJsonAsync($"/api/tickets/{rejected.Id}/reject", new { reason = "Not ours" })).EnsureSuccessStatusCode();
        (await _client.PostJsonAsync($"/api/tickets/{merged.Id}/merge", new { originalId = edited.Id })).EnsureSuccessStatusCode();
        (await _client.PostAsync($"/api/tickets/{distinct.Id}/mark-distinct", null)).EnsureSuccessStatusCode();

        await all.Task.WaitAsync(Patience);
        received.Select(m => m.TicketId).ShouldBe([edited.Id, rejected.Id, merged.Id, distinct.Id]);
        received.Select(m => m.Version).ShouldBe(Enumerable.Range(1, 4).Select(n => before.Version + n));
        received.Select(m => m.State).ShouldBe([TicketState.Triage, TicketState.Rejected, TicketState.Merged, TicketState.Triage]);
    }

    [Fact]
    public async Task A_client_of_another_board_receives_nothing()
    {
        var board = await _client.CreateBoardAsync();
        var other = await _client.CreateBoardAsync();
        var ticket = await _client.AddCardAsync(board.Id);
        await using var bystander = await ConnectAsync();
        await using var watcher = await ConnectAsync();
        var strayEvents = 0;
        bystander.On<CardMovedMessage>("CardMoved", _ => Interlocked.Increment(ref strayEvents));
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.On<CardMovedMessage>("CardMoved", _ => received.TrySetResult());
        await bystander.InvokeAsync("JoinBoard", other.Id);
        await watcher.InvokeAsync("JoinBoard", board.Id);

        await _client.MoveOkAsync(ticket.Id, board.LaneId("Ready"));

        // The watcher's event proves the broadcast went out; the bystander got the same chance.
        await received.Task.WaitAsync(Patience);
        strayEvents.ShouldBe(0);
    }

    [Fact]
    public async Task A_move_that_stops_the_line_pushes_CardMoved_then_LineStopped_with_consecutive_versions()
    {
        var board = await _client.CreateBoardAsync();
        await _client.FillAsync(board, "Ready for test", 2);
        await _client.FillAsync(board, "Testing", 2);
        var last = await _client.AddCardAsync(board.Id, "The card that stops the line");
        await using var watcher = await ConnectAsync();
        var received = new List<(string Name, long Version)>();
        var stopped = new TaskCompletionSource<LineMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.On<CardMovedMessage>("CardMoved", e => { lock (received) { received.Add(("CardMoved", e.Version)); } });
        watcher.On<LineMessage>("LineStopped", e =>
        {
            lock (received)
            {
                received.Add(("LineStopped", e.Version));
            }

            stopped.TrySetResult(e);
        });
        await watcher.InvokeAsync("JoinBoard", board.Id);
        var before = await _client.GetBoardAsync(board.Id);

        await _client.MoveOkAsync(last.Id, board.LaneId("Ready for test"));

        var line = await stopped.Task.WaitAsync(Patience);
        line.Line.Stopped.ShouldBeTrue();
        line.Line.Kind.ShouldBe("auto");
        received.ShouldBe([("CardMoved", before.Version + 1), ("LineStopped", before.Version + 2)]);
    }

    [Fact]
    public async Task Editing_a_card_on_the_board_pushes_CardChanged_with_its_new_title()
    {
        var board = await _client.CreateBoardAsync();
        var card = await _client.AddCardAsync(board.Id, "A card whose title will change");
        await using var watcher = await ConnectAsync();
        var received = new TaskCompletionSource<CardMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.On<CardMessage>("CardChanged", e => received.TrySetResult(e));
        await watcher.InvokeAsync("JoinBoard", board.Id);
        var before = await _client.GetBoardAsync(board.Id);

        (await _client.PutJsonAsync($"/api/tickets/{card.Id}", TestApi.GoodTicket("A card with a clearer title now"))).EnsureSuccessStatusCode();

        var changed = await received.Task.WaitAsync(Patience);
        changed.Version.ShouldBe(before.Version + 1);
        changed.Card.Id.ShouldBe(card.Id);
        changed.Card.Title.ShouldBe("A card with a clearer title now");
        changed.Card.LaneId.ShouldBe(board.LaneId("Backlog"));
    }

    [Fact]
    public async Task The_andon_cord_and_its_resume_are_pushed_to_the_board()
    {
        var board = await _client.CreateBoardAsync();
        await using var watcher = await ConnectAsync();
        var stopped = new TaskCompletionSource<LineMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        var resumed = new TaskCompletionSource<LineMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.On<LineMessage>("LineStopped", e => stopped.TrySetResult(e));
        watcher.On<LineMessage>("LineResumed", e => resumed.TrySetResult(e));
        await watcher.InvokeAsync("JoinBoard", board.Id);

        await _client.StopLineAsync(board.Id, "Card data found in a log file");
        (await stopped.Task.WaitAsync(Patience)).Line.Reason.ShouldBe("Card data found in a log file");
        await _client.ResumeLineAsync(board.Id, "Logs purged and masking deployed");

        (await resumed.Task.WaitAsync(Patience)).Line.Stopped.ShouldBeFalse();
    }

    [Fact]
    public async Task Nobody_connects_to_the_hub_without_signing_in()
    {
        using var anonymous = factory.CreateAnonymousClient();

        var negotiate = await anonymous.PostAsync($"{BoardHub.Path}/negotiate?negotiateVersion=1", null);

        negotiate.StatusCode.ShouldBe(System.Net.HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Someone_who_is_not_on_a_board_cannot_join_it_and_a_viewer_can()
    {
        var board = await _client.CreateBoardAsync();
        await factory.UserIdOfAsync("hub-viewer@test.example");
        await (await _client.PostJsonAsync($"/api/boards/{board.Id}/members", new { email = "hub-viewer@test.example", role = "Viewer" }))
            .ReadAsync<Kanban.Api.Features.Members.MemberResponse>();
        await using var outsider = await ConnectAsync("hub-outsider@test.example");
        await using var viewer = await ConnectAsync("hub-viewer@test.example");

        var refused = await Should.ThrowAsync<Microsoft.AspNetCore.SignalR.HubException>(() => outsider.InvokeAsync("JoinBoard", board.Id));
        await viewer.InvokeAsync("JoinBoard", board.Id);

        refused.Message.ShouldContain("does not exist");
    }

    [Fact]
    public async Task A_viewer_on_the_board_learns_that_a_ticket_arrived_in_triage_but_not_what_it_says()
    {
        var board = await _client.CreateBoardAsync();
        await factory.UserIdOfAsync("hub-triage-viewer@test.example");
        await (await _client.PostJsonAsync($"/api/boards/{board.Id}/members", new { email = "hub-triage-viewer@test.example", role = "Viewer" }))
            .ReadAsync<Kanban.Api.Features.Members.MemberResponse>();
        await using var viewer = await ConnectAsync("hub-triage-viewer@test.example");
        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        viewer.On<JsonElement>("TicketSubmitted", e => received.TrySetResult(e));
        await viewer.InvokeAsync("JoinBoard", board.Id);

        await _client.SubmitTicketAsync(board.Id, "A confidential idea for the triage inbox");

        var message = await received.Task.WaitAsync(Patience);
        message.EnumerateObject().Select(p => p.Name).ShouldBe(["boardId", "version", "ticketId", "key", "state"], ignoreOrder: true);
        message.GetRawText().ShouldNotContain("confidential");
    }

    [Fact]
    public async Task Joining_an_unknown_board_is_refused()
    {
        await using var connection = await ConnectAsync();

        var error = await Should.ThrowAsync<Microsoft.AspNetCore.SignalR.HubException>(() => connection.InvokeAsync("JoinBoard", Guid.NewGuid()));

        error.Message.ShouldContain("does not exist");
    }

    private Task<HubConnection> ConnectAsync(string email = KanbanApiFactory.Owner) => factory.ConnectAsync(email);
}
