using System.Net;
using Kanban.Api.Features.Tickets;
using Kanban.Api.Tests.Infrastructure;
using TestApi = Kanban.Api.Tests.Infrastructure.Api;
using Kanban.Domain.Cards;

namespace Kanban.Api.Tests.Features.Tickets;

/// <summary><c>GET /api/boards/{boardId}/triage</c>: what waits for the product owner or for its submitter, oldest first.</summary>
public sealed class TriageInboxTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task The_inbox_lists_tickets_in_triage_and_sent_back_oldest_first_and_nothing_decided()
    {
        var board = await _client.CreateBoardAsync();
        var waiting = await _client.SubmitTicketAsync(board.Id, "First ticket waits in triage");
        var sentBack = await _client.SubmitTicketAsync(board.Id, "Second ticket is sent back");
        var accepted = await _client.SubmitTicketAsync(board.Id, "Third ticket is accepted");
        var rejected = await _client.SubmitTicketAsync(board.Id, "Fourth ticket is rejected");
        var merged = await _client.SubmitTicketAsync(board.Id, "Fifth ticket is merged");
        var last = await _client.SubmitTicketAsync(board.Id, "Sixth ticket waits in triage");
        await OkAsync(_client.PostJsonAsync($"/api/tickets/{sentBack.Id}/send-back", new { comment = "Say which customers see this" }));
        await OkAsync(_client.AcceptAsync(accepted.Id));
        await OkAsync(_client.PostJsonAsync($"/api/tickets/{rejected.Id}/reject", new { reason = "Not this board's work" }));
        await OkAsync(_client.PostJsonAsync($"/api/tickets/{merged.Id}/merge", new { originalId = waiting.Id }));

        var inbox = await _client.GetTriageAsync(board.Id);

        inbox.Select(t => t.Id).ShouldBe([waiting.Id, sentBack.Id, last.Id]);
        inbox.Select(t => t.State).ShouldBe([TicketState.Triage, TicketState.SentBack, TicketState.Triage]);
        inbox.ShouldAllBe(t => t.LaneId == null && t.Gates.Count == 5);
        var count = await (await _client.GetAsync($"/api/boards/{board.Id}/triage/count")).ReadAsync<TriageCountResponse>();
        count.ShouldBe(new TriageCountResponse(Waiting: 2, SentBack: 1));
    }

    [Fact]
    public async Task The_count_of_an_empty_inbox_is_zero()
    {
        var board = await _client.CreateBoardAsync();

        var count = await (await _client.GetAsync($"/api/boards/{board.Id}/triage/count")).ReadAsync<TriageCountResponse>();

        count.ShouldBe(new TriageCountResponse(0, 0));
    }

    [Fact]
    public async Task A_resubmitted_ticket_keeps_its_place_by_submission()
    {
        var board = await _client.CreateBoardAsync();
        var first = await _client.SubmitTicketAsync(board.Id, "First ticket is sent back and edited");
        var second = await _client.SubmitTicketAsync(board.Id, "Second ticket waits in triage");
        await OkAsync(_client.PostJsonAsync($"/api/tickets/{first.Id}/send-back", new { comment = "Name the page" }));

        await OkAsync(_client.PutJsonAsync($"/api/tickets/{first.Id}", TestApi.GoodTicket("First ticket, now naming the order page")));

        var inbox = await _client.GetTriageAsync(board.Id);
        inbox.Select(t => t.Id).ShouldBe([first.Id, second.Id]);
        inbox.ShouldAllBe(t => t.State == TicketState.Triage);
    }

    [Fact]
    public async Task Only_the_boards_own_tickets_are_in_its_inbox()
    {
        var board = await _client.CreateBoardAsync();
        var other = await _client.CreateBoardAsync();
        var mine = await _client.SubmitTicketAsync(board.Id, "A ticket for this board");
        await _client.SubmitTicketAsync(other.Id, "A ticket for another board");

        (await _client.GetTriageAsync(board.Id)).ShouldHaveSingleItem().Id.ShouldBe(mine.Id);
    }

    [Fact]
    public async Task A_member_reads_the_inbox_a_viewer_gets_403_an_outsider_404_and_nobody_401()
    {
        var board = await _client.CreateBoardAsync();
        var ticket = await _client.SubmitTicketAsync(board.Id);
        using var member = await factory.ClientOnBoardAsync(_client, board.Id, "inbox-member@test.example", "Member");
        using var viewer = await factory.ClientOnBoardAsync(_client, board.Id, "inbox-viewer@test.example", "Viewer");
        using var outsider = await factory.CreateClientForAsync("inbox-outsider@test.example");
        using var anonymous = factory.CreateAnonymousClient();
        var url = $"/api/boards/{board.Id}/triage";

        (await member.GetTriageAsync(board.Id)).ShouldHaveSingleItem().Id.ShouldBe(ticket.Id);
        (await (await viewer.GetAsync(url)).ReadProblemAsync(HttpStatusCode.Forbidden)).Type.ShouldBe("urn:kanban:problem:forbidden");
        (await (await outsider.GetAsync(url)).ReadProblemAsync(HttpStatusCode.NotFound)).Type.ShouldBe("urn:kanban:problem:not-found");
        (await anonymous.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_inbox_of_an_unknown_board_is_404()
    {
        var response = await _client.GetAsync($"/api/boards/{Guid.NewGuid()}/triage");

        (await response.ReadProblemAsync(HttpStatusCode.NotFound)).Type.ShouldBe("urn:kanban:problem:not-found");
    }

    private static async Task OkAsync(Task<HttpResponseMessage> call) => await (await call).ReadAsync<TicketResponse>();
}
