using System.Net;
using Kanban.Api.Features.Activity;
using Kanban.Api.Features.Tickets;
using Kanban.Api.Realtime;
using Kanban.Api.Tests.Infrastructure;
using Kanban.Domain.Cards;
using Kanban.Domain.Tickets;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Tests.Features.Tickets;

/// <summary>
/// A product owner takes back an accept, send-back or reject within 30 seconds, if they made it and
/// nothing changed since; an undone accept leaves no trace on the board or in the metrics' history.
/// </summary>
public sealed class UndoTriageTests(ClockedApiFactory factory) : IClassFixture<ClockedApiFactory>
{
    private readonly HttpClient _owner = factory.CreateClient();

    [Fact]
    public async Task An_undone_accept_takes_the_card_off_the_board_removes_its_arrival_and_is_pushed_as_TicketChanged_in_triage()
    {
        var board = await _owner.CreateBoardAsync();
        await _owner.AddCardAsync(board.Id, "A card that stays in the backlog");
        var ticket = await _owner.SubmitTicketAsync(board.Id);
        (await _owner.AcceptAsync(ticket.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _owner.GetBoardAsync(board.Id)).Lane("Backlog").Count.ShouldBe(2);
        await using var watcher = await factory.ConnectAsync();
        var changed = new TaskCompletionSource<TicketMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.On<TicketMessage>("TicketChanged", m => changed.TrySetResult(m));
        await watcher.InvokeAsync("JoinBoard", board.Id);
        var before = await _owner.GetBoardAsync(board.Id);
        factory.Clock.Advance(TimeSpan.FromSeconds(20));

        var undone = await (await _owner.UndoAsync(ticket.Id)).ReadAsync<TicketResponse>();

        (undone.State, undone.LaneId).ShouldBe((TicketState.Triage, (Guid?)null));
        var after = await _owner.GetBoardAsync(board.Id);
        after.Cards.ShouldNotContain(c => c.Id == ticket.Id);
        after.Lane("Backlog").Count.ShouldBe(1);
        after.Version.ShouldBe(before.Version + 1);
        (await _owner.GetTriageAsync(board.Id)).ShouldContain(t => t.Id == ticket.Id);
        var arrivals = await factory.WithDbAsync(db => db.CardTransitions.CountAsync(t => t.CardId == ticket.Id));
        arrivals.ShouldBe(0, "metrics never see a card whose accept was undone");
        var pushed = await changed.Task.WaitAsync(HubClients.Patience);
        (pushed.TicketId, pushed.State, pushed.Version).ShouldBe((ticket.Id, TicketState.Triage, after.Version));
        var latest = (await (await _owner.GetAsync($"/api/boards/{board.Id}/activity?take=1")).ReadAsync<ActivityPage>()).Items.Single();
        (latest.Kind, latest.CardId).ShouldBe(("TicketDecisionUndone", (Guid?)ticket.Id));
        latest.Summary.ShouldBe($"{ticket.Key} taken off the board: accept undone, back in triage");
    }

    [Fact]
    public async Task An_undone_accept_can_be_accepted_again_and_that_card_arrives_once()
    {
        var board = await _owner.CreateBoardAsync();
        var ticket = await _owner.SubmitTicketAsync(board.Id);
        (await _owner.AcceptAsync(ticket.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await _owner.UndoAsync(ticket.Id)).ReadAsync<TicketResponse>();

        var again = await (await _owner.AcceptAsync(ticket.Id)).ReadAsync<TicketResponse>();

        again.State.ShouldBe(TicketState.OnBoard);
        (await factory.WithDbAsync(db => db.CardTransitions.CountAsync(t => t.CardId == ticket.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task An_undone_send_back_puts_the_ticket_back_in_triage_and_keeps_the_comment_as_history()
    {
        var board = await _owner.CreateBoardAsync();
        var ticket = await _owner.SubmitTicketAsync(board.Id);
        (await _owner.PostJsonAsync($"/api/tickets/{ticket.Id}/send-back", new { comment = "Say which page this is about" })).EnsureSuccessStatusCode();

        var undone = await (await _owner.UndoAsync(ticket.Id)).ReadAsync<TicketResponse>();

        undone.State.ShouldBe(TicketState.Triage);
        var detail = await _owner.GetTicketAsync(ticket.Id);
        detail.Comments.ShouldHaveSingleItem().Kind.ShouldBe(TicketCommentKind.SentBack);
        detail.History.Select(h => h.Kind).ShouldBe(["TicketSubmitted", "TicketSentBack", "TicketDecisionUndone"]);
    }

    [Fact]
    public async Task An_undone_reject_puts_the_ticket_back_in_triage()
    {
        var board = await _owner.CreateBoardAsync();
        var ticket = await _owner.SubmitTicketAsync(board.Id);
        (await _owner.PostJsonAsync($"/api/tickets/{ticket.Id}/reject", new { reason = "Out of scope for this board" })).EnsureSuccessStatusCode();

        var undone = await (await _owner.UndoAsync(ticket.Id)).ReadAsync<TicketResponse>();

        undone.State.ShouldBe(TicketState.Triage);
        (await _owner.GetTriageAsync(board.Id)).ShouldContain(t => t.Id == ticket.Id);
    }

    [Fact]
    public async Task An_undone_reject_of_a_ticket_sent_back_returns_it_to_its_submitter_not_to_triage()
    {
        var board = await _owner.CreateBoardAsync();
        var ticket = await _owner.SubmitTicketAsync(board.Id);
        (await _owner.PostJsonAsync($"/api/tickets/{ticket.Id}/send-back", new { comment = "Say which page this is about" })).EnsureSuccessStatusCode();
        (await _owner.PostJsonAsync($"/api/tickets/{ticket.Id}/reject", new { reason = "Out of scope for this board" })).EnsureSuccessStatusCode();

        var undone = await (await _owner.UndoAsync(ticket.Id)).ReadAsync<TicketResponse>();

        undone.State.ShouldBe(TicketState.SentBack, "undo puts the ticket back as it was before the rejection, waiting for its submitter's fix");
        (await _owner.GetTicketAsync(ticket.Id)).History[^1].Summary.ShouldBe($"{ticket.Key} rejection undone, sent back to its submitter again");
    }

    [Fact]
    public async Task After_30_seconds_the_decision_stands_with_409_undo_not_possible()
    {
        var board = await _owner.CreateBoardAsync();
        var ticket = await _owner.SubmitTicketAsync(board.Id);
        (await _owner.AcceptAsync(ticket.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);
        factory.Clock.Advance(TimeSpan.FromSeconds(31));

        var problem = await (await _owner.UndoAsync(ticket.Id)).ReadProblemAsync(HttpStatusCode.Conflict);

        problem.Type.ShouldBe("urn:kanban:problem:undo-not-possible");
        problem.Detail.ShouldContain("more than 30 seconds ago");
        (await _owner.GetBoardAsync(board.Id)).Cards.ShouldContain(c => c.Id == ticket.Id);
    }

    [Fact]
    public async Task Another_product_owner_cannot_undo_your_decision()
    {
        var board = await _owner.CreateBoardAsync();
        using var other = await factory.ClientOnBoardAsync(_owner, board.Id, "undo-other-po@test.example", "ProductOwner");
        var ticket = await _owner.SubmitTicketAsync(board.Id);
        (await _owner.AcceptAsync(ticket.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var problem = await (await other.UndoAsync(ticket.Id)).ReadProblemAsync(HttpStatusCode.Conflict);

        problem.Type.ShouldBe("urn:kanban:problem:undo-not-possible");
        problem.Detail.ShouldContain("Only the product owner who accepted");
        (await _owner.GetBoardAsync(board.Id)).Cards.ShouldContain(c => c.Id == ticket.Id);
    }

    [Fact]
    public async Task A_card_moved_since_its_accept_stays_on_the_board()
    {
        var board = await _owner.CreateBoardAsync();
        var ticket = await _owner.SubmitTicketAsync(board.Id);
        (await _owner.AcceptAsync(ticket.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await _owner.MoveOkAsync(ticket.Id, board.LaneId("Ready"));

        var problem = await (await _owner.UndoAsync(ticket.Id)).ReadProblemAsync(HttpStatusCode.Conflict);

        problem.Type.ShouldBe("urn:kanban:problem:undo-not-possible");
        problem.Detail.ShouldContain("changed after it was accepted");
        (await _owner.GetBoardAsync(board.Id)).Cards.ShouldContain(c => c.Id == ticket.Id && c.LaneId == board.LaneId("Ready"));
    }

    [Fact]
    public async Task A_decision_is_undone_once_and_a_ticket_never_decided_on_has_nothing_to_undo()
    {
        var board = await _owner.CreateBoardAsync();
        var ticket = await _owner.SubmitTicketAsync(board.Id);

        var nothing = await (await _owner.UndoAsync(ticket.Id)).ReadProblemAsync(HttpStatusCode.Conflict);
        (await _owner.PostJsonAsync($"/api/tickets/{ticket.Id}/reject", new { reason = "Out of scope for this board" })).EnsureSuccessStatusCode();
        await (await _owner.UndoAsync(ticket.Id)).ReadAsync<TicketResponse>();
        var twice = await (await _owner.UndoAsync(ticket.Id)).ReadProblemAsync(HttpStatusCode.Conflict);

        nothing.Detail.ShouldContain("no triage decision to undo");
        twice.Detail.ShouldContain("already undone");
    }

    [Fact]
    public async Task A_member_may_not_undo()
    {
        var board = await _owner.CreateBoardAsync();
        using var member = await factory.ClientOnBoardAsync(_owner, board.Id, "undo-member@test.example", "Member");
        var ticket = await _owner.SubmitTicketAsync(board.Id);
        (await _owner.AcceptAsync(ticket.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await member.UndoAsync(ticket.Id)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
