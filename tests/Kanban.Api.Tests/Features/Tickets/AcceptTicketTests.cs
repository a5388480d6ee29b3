using System.Net;
using System.Text.Json;
using Kanban.Api.Features.Activity;
using Kanban.Api.Features.Tickets;
using Kanban.Api.Tests.Infrastructure;
using Kanban.Domain.Cards;
using Kanban.Domain.Tickets;
using Microsoft.EntityFrameworkCore;
using TestApi = Kanban.Api.Tests.Infrastructure.Api;

namespace Kanban.Api.Tests.Features.Tickets;

/// <summary>Rules 5 and 6: only a product owner's accept puts a ticket on the board, and the gates are binding there.</summary>
public sealed class AcceptTicketTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task An_accepted_ticket_is_on_the_board_last_in_the_backlog()
    {
        var board = await _client.CreateBoardAsync();
        var first = await _client.AddCardAsync(board.Id, "Already on the board first");
        var ticket = await _client.SubmitTicketAsync(board.Id);

        var accepted = await (await _client.AcceptAsync(ticket.Id)).ReadAsync<TicketResponse>();

        accepted.Id.ShouldBe(ticket.Id);
        accepted.State.ShouldBe(TicketState.OnBoard);
        accepted.LaneId.ShouldBe(board.LaneId("Backlog"));
        accepted.Gates.ShouldAllBe(g => g.Passed);
        var after = await _client.GetBoardAsync(board.Id);
        after.Cards.Select(c => c.Id).ShouldBe([first.Id, ticket.Id]);
        after.Cards.Last().LaneId.ShouldBe(board.LaneId("Backlog"));
        after.Lane("Backlog").Count.ShouldBe(2);
        (await _client.GetTriageAsync(board.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_accept_at_index_0_puts_the_card_first_in_the_backlog()
    {
        var board = await _client.CreateBoardAsync();
        var a = await _client.AddCardAsync(board.Id, "First card in the backlog");
        var b = await _client.AddCardAsync(board.Id, "Second card in the backlog");
        var urgent = await _client.SubmitTicketAsync(board.Id, "Urgent card goes to the top");

        await (await _client.AcceptAsync(urgent.Id, index: 0)).ReadAsync<TicketResponse>();

        (await _client.GetBoardAsync(board.Id)).Cards.Select(c => c.Id).ShouldBe([urgent.Id, a.Id, b.Id]);
    }

    [Fact]
    public async Task An_accept_at_a_rank_puts_the_card_before_the_first_card_of_that_rank()
    {
        var board = await _client.CreateBoardAsync();
        var a = await _client.AddCardAsync(board.Id, "First card in the backlog");
        var b = await _client.AddCardAsync(board.Id, "Second card in the backlog");
        var middle = await _client.SubmitTicketAsync(board.Id, "Card that goes in between");

        await (await _client.PostJsonAsync($"/api/tickets/{middle.Id}/accept", new { rank = b.Rank })).ReadAsync<TicketResponse>();

        (await _client.GetBoardAsync(board.Id)).Cards.Select(c => c.Id).ShouldBe([a.Id, middle.Id, b.Id]);
    }

    [Fact]
    public async Task An_accept_past_the_end_puts_the_card_last()
    {
        var board = await _client.CreateBoardAsync();
        var a = await _client.AddCardAsync(board.Id, "First card in the backlog");
        var pastTheEnd = await _client.SubmitTicketAsync(board.Id, "Accepted at index 99");

        await (await _client.AcceptAsync(pastTheEnd.Id, index: 99)).ReadAsync<TicketResponse>();

        (await _client.GetBoardAsync(board.Id)).Cards.Select(c => c.Id).ShouldBe([a.Id, pastTheEnd.Id]);
    }

    /// <summary>
    /// Index and rank are both optional, and the route declares its body optional; a client that
    /// sends no body at all (curl -X POST …/accept) means "last".
    /// </summary>
    [Fact]
    public async Task An_accept_without_any_body_puts_the_card_last()
    {
        var board = await _client.CreateBoardAsync();
        var a = await _client.AddCardAsync(board.Id, "First card in the backlog");
        var noBody = await _client.SubmitTicketAsync(board.Id, "Accepted without a body");

        await (await _client.PostAsync($"/api/tickets/{noBody.Id}/accept", null)).ReadAsync<TicketResponse>();

        (await _client.GetBoardAsync(board.Id)).Cards.Select(c => c.Id).ShouldBe([a.Id, noBody.Id]);
    }

    [Fact]
    public async Task An_accept_at_a_negative_index_gets_400()
    {
        var board = await _client.CreateBoardAsync();
        var ticket = await _client.SubmitTicketAsync(board.Id);

        var problem = await (await _client.AcceptAsync(ticket.Id, index: -1)).ReadProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors!.Keys.ShouldBe(["index"]);
        (await _client.GetTicketAsync(ticket.Id)).State.ShouldBe(TicketState.Triage);
    }

    [Fact]
    public async Task The_tickets_history_has_its_submission_and_its_accept_and_the_arrival_is_recorded()
    {
        var board = await _client.CreateBoardAsync();
        var ownerId = await factory.UserIdOfAsync(KanbanApiFactory.Owner);
        var ticket = await _client.SubmitTicketAsync(board.Id);

        await (await _client.AcceptAsync(ticket.Id)).ReadAsync<TicketResponse>();

        var detail = await _client.GetTicketAsync(ticket.Id);
        detail.State.ShouldBe(TicketState.OnBoard);
        detail.History.Select(h => h.Kind).ShouldBe(["TicketSubmitted", "TicketAccepted"]);
        detail.History.Select(h => h.Version).ShouldBe([board.Version + 1, board.Version + 2]);
        detail.History.ShouldAllBe(h => h.By == ownerId && h.ByName == "owner");
        detail.History[1].Summary.ShouldBe($"{ticket.Key} accepted into Backlog");
        detail.Comments.ShouldBeEmpty();
        var transition = await factory.WithDbAsync(db => db.CardTransitions.SingleAsync(t => t.CardId == ticket.Id));
        transition.FromLaneId.ShouldBeNull();
        transition.ToLaneId.ShouldBe(board.LaneId("Backlog"));
    }

    [Fact]
    public async Task A_member_cannot_accept_and_nothing_changes()
    {
        var board = await _client.CreateBoardAsync();
        using var member = await factory.ClientOnBoardAsync(_client, board.Id, "accept-member@test.example", "Member");
        var ticket = await member.SubmitTicketAsync(board.Id);
        var before = await _client.GetBoardAsync(board.Id);

        var problem = await (await member.AcceptAsync(ticket.Id)).ReadProblemAsync(HttpStatusCode.Forbidden);

        problem.Type.ShouldBe("urn:kanban:problem:forbidden");
        (await _client.GetTicketAsync(ticket.Id)).State.ShouldBe(TicketState.Triage);
        var after = await _client.GetBoardAsync(board.Id);
        after.Version.ShouldBe(before.Version);
        after.Cards.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_ticket_failing_gates_is_refused_with_exactly_its_failing_gates_and_stays_in_triage()
    {
        var board = await _client.CreateBoardAsync();
        var ticket = await (await _client.PostJsonAsync($"/api/boards/{board.Id}/tickets", new
        {
            title = "Refund status on the order page",
            description = "Show it.",
            definitionOfDone = new[] { "The order page shows the refund state" },
            estimateDays = 9,
        })).ReadAsync<TicketResponse>(HttpStatusCode.Created);
        var failing = ticket.Gates.Where(g => !g.Passed).ToList();
        failing.Select(g => g.Gate).ShouldBe(["description", "estimate"]);

        var problem = await (await _client.AcceptAsync(ticket.Id)).ReadProblemAsync(HttpStatusCode.Conflict);

        problem.Type.ShouldBe("urn:kanban:problem:quality-gate-failed");
        problem.Extensions["gates"].Deserialize<List<GateResult>>(TestApi.Json).ShouldBe(failing);
        problem.Detail.ShouldContain(failing[0].Message);
        problem.Detail.ShouldContain(failing[1].Message);
        (await _client.GetTicketAsync(ticket.Id)).State.ShouldBe(TicketState.Triage);
        (await _client.GetBoardAsync(board.Id)).Cards.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("SentBack")]
    [InlineData("OnBoard")]
    [InlineData("Rejected")]
    [InlineData("Merged")]
    public async Task A_ticket_that_is_not_in_triage_cannot_be_accepted(string state)
    {
        var board = await _client.CreateBoardAsync();
        var original = await _client.SubmitTicketAsync(board.Id, "The original of a duplicate");
        var ticket = await _client.SubmitTicketAsync(board.Id);
        var decided = state switch
        {
            "SentBack" => await _client.PostJsonAsync($"/api/tickets/{ticket.Id}/send-back", new { comment = "Name the page" }),
            "OnBoard" => await _client.AcceptAsync(ticket.Id),
            "Rejected" => await _client.PostJsonAsync($"/api/tickets/{ticket.Id}/reject", new { reason = "Not ours" }),
            _ => await _client.PostJsonAsync($"/api/tickets/{ticket.Id}/merge", new { originalId = original.Id }),
        };
        (await decided.ReadAsync<TicketResponse>()).State.ToString().ShouldBe(state);
        var before = await _client.GetBoardAsync(board.Id);

        var problem = await (await _client.AcceptAsync(ticket.Id)).ReadProblemAsync(HttpStatusCode.Conflict);

        problem.Type.ShouldBe("urn:kanban:problem:ticket-not-in-triage");
        problem.Extensions["state"].GetString().ShouldBe(state);
        problem.Extensions["ticketId"].GetGuid().ShouldBe(ticket.Id);
        (await _client.GetBoardAsync(board.Id)).Version.ShouldBe(before.Version);
        (await _client.GetTicketAsync(ticket.Id)).State.ToString().ShouldBe(state);
    }

    [Fact]
    public async Task A_full_backlog_refuses_the_accept_with_wip_limit_reached()
    {
        var board = await _client.CreateBoardAsync();
        await _client.FillAsync(board, "Backlog", 1);
        await _client.SetLimitAsync(board, "Backlog", 1);
        var ticket = await _client.SubmitTicketAsync(board.Id, "No room for this one");

        var problem = await (await _client.AcceptAsync(ticket.Id)).ReadProblemAsync(HttpStatusCode.Conflict);

        problem.Type.ShouldBe("urn:kanban:problem:wip-limit-reached");
        problem.Extensions["laneId"].GetGuid().ShouldBe(board.LaneId("Backlog"));
        problem.Extensions["count"].GetInt32().ShouldBe(1);
        problem.Extensions["limit"].GetInt32().ShouldBe(1);
        (await _client.GetTicketAsync(ticket.Id)).State.ShouldBe(TicketState.Triage);
        (await _client.GetBoardAsync(board.Id)).Cards.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Ten_simultaneous_accepts_of_one_ticket_put_exactly_one_card_on_the_board()
    {
        var board = await _client.CreateBoardAsync();
        var ticket = await _client.SubmitTicketAsync(board.Id);
        var clients = Enumerable.Range(0, 10).Select(_ => factory.CreateClient()).ToList();

        var responses = await Task.WhenAll(clients.Select(c => c.AcceptAsync(ticket.Id)));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(1, string.Join(", ", statuses));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            (await refused.ReadProblemAsync(HttpStatusCode.Conflict)).Type
                .ShouldBeOneOf("urn:kanban:problem:ticket-not-in-triage", "urn:kanban:problem:concurrency-conflict");
        }

        (await _client.GetBoardAsync(board.Id)).Cards.ShouldHaveSingleItem().Id.ShouldBe(ticket.Id);
        var activity = await (await _client.GetAsync($"/api/boards/{board.Id}/activity")).ReadAsync<ActivityPage>();
        activity.Items.Count(i => i.Kind == "TicketAccepted").ShouldBe(1);
        (await factory.WithDbAsync(db => db.CardTransitions.CountAsync(t => t.CardId == ticket.Id))).ShouldBe(1);
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task Simultaneous_accepts_of_different_tickets_never_put_the_backlog_over_its_limit()
    {
        var board = await _client.CreateBoardAsync();
        await _client.SetLimitAsync(board, "Backlog", 3);
        var tickets = new List<TicketResponse>();
        for (var i = 0; i < 8; i++)
        {
            tickets.Add(await _client.SubmitTicketAsync(board.Id, $"Ticket number {i} races for the backlog"));
        }

        var clients = tickets.Select(_ => factory.CreateClient()).ToList();

        var responses = await Task.WhenAll(tickets.Select((t, i) => clients[i].AcceptAsync(t.Id)));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(3, string.Join(", ", responses.Select(r => r.StatusCode)));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            (await refused.ReadProblemAsync(HttpStatusCode.Conflict)).Type
                .ShouldBeOneOf("urn:kanban:problem:wip-limit-reached", "urn:kanban:problem:concurrency-conflict");
        }

        var after = await _client.GetBoardAsync(board.Id);
        after.Lane("Backlog").Count.ShouldBe(3);
        after.Cards.Count.ShouldBe(3);
        (await _client.GetTriageAsync(board.Id)).Count.ShouldBe(5);
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task An_accept_is_allowed_while_the_line_is_stopped()
    {
        var board = await _client.CreateBoardAsync();
        var ticket = await _client.SubmitTicketAsync(board.Id);
        (await _client.StopLineAsync(board.Id, "Production incident")).EnsureSuccessStatusCode();

        var accepted = await (await _client.AcceptAsync(ticket.Id)).ReadAsync<TicketResponse>();

        accepted.State.ShouldBe(TicketState.OnBoard);
        var after = await _client.GetBoardAsync(board.Id);
        after.Line.Stopped.ShouldBeTrue();
        after.Cards.ShouldHaveSingleItem().Id.ShouldBe(ticket.Id);
    }
}
