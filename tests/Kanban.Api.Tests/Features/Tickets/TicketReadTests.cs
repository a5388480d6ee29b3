using System.Net;
using Kanban.Api.Features.Tickets;
using Kanban.Api.Tests.Infrastructure;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using TestApi = Kanban.Api.Tests.Infrastructure.Api;

namespace Kanban.Api.Tests.Features.Tickets;

/// <summary>A viewer reads the cards on the board, never a ticket off it; every reader learns their role, the assignee and the block.</summary>
public sealed class TicketReadTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private readonly HttpClient _owner = factory.CreateClient();

    [Fact]
    public async Task A_viewer_reads_a_card_on_the_board_with_its_assignee_its_block_and_their_role()
    {
        var board = await _owner.CreateBoardAsync();
        using var viewer = await factory.ClientOnBoardAsync(_owner, board.Id, "read-viewer@test.example", "Viewer");
        using var member = await factory.ClientOnBoardAsync(_owner, board.Id, "read-member@test.example", "Member");
        var memberId = await factory.UserIdOfAsync("read-member@test.example");
        var card = await _owner.AddCardAsync(board.Id);
        (await _owner.AssignAsync(card.Id, memberId)).EnsureSuccessStatusCode();
        (await _owner.PostJsonAsync($"/api/cards/{card.Id}/block", new { reason = "Waiting on the bank" })).EnsureSuccessStatusCode();

        var read = await viewer.GetTicketAsync(card.Id);

        (read.AssigneeId, read.AssigneeName).ShouldBe(((Guid?)memberId, "read-member"));
        (read.Blocked, read.BlockedReason).ShouldBe((true, "Waiting on the bank"));
        read.BlockedSince.ShouldNotBeNull();
        read.Role.ShouldBe(BoardRole.Viewer);
        (await member.GetTicketAsync(card.Id)).Role.ShouldBe(BoardRole.Member);
        (await _owner.GetTicketAsync(card.Id)).Role.ShouldBe(BoardRole.ProductOwner);
        using var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);
        (await admin.GetTicketAsync(card.Id)).Role.ShouldBe(BoardRole.ProductOwner);
    }

    [Fact]
    public async Task A_ticket_waiting_in_triage_has_no_assignee_and_no_block()
    {
        var board = await _owner.CreateBoardAsync();
        var ticket = await _owner.SubmitTicketAsync(board.Id);

        var read = await _owner.GetTicketAsync(ticket.Id);

        (read.AssigneeId, read.AssigneeName, read.Blocked, read.BlockedReason, read.BlockedSince).ShouldBe(((Guid?)null, (string?)null, false, (string?)null, (DateTimeOffset?)null));
    }

    [Fact]
    public async Task A_viewer_asking_for_a_ticket_in_triage_sent_back_or_closed_gets_403()
    {
        var board = await _owner.CreateBoardAsync();
        using var viewer = await factory.ClientOnBoardAsync(_owner, board.Id, "read-viewer2@test.example", "Viewer");
        using var member = await factory.ClientOnBoardAsync(_owner, board.Id, "read-member2@test.example", "Member");
        var triage = await _owner.SubmitTicketAsync(board.Id, "A ticket waiting in triage");
        var sentBack = await _owner.SubmitTicketAsync(board.Id, "A ticket sent back to its submitter");
        var rejected = await _owner.SubmitTicketAsync(board.Id, "A ticket the owner rejected");
        (await _owner.PostJsonAsync($"/api/tickets/{sentBack.Id}/send-back", new { comment = "Say which page" })).EnsureSuccessStatusCode();
        (await _owner.PostJsonAsync($"/api/tickets/{rejected.Id}/reject", new { reason = "Out of scope" })).EnsureSuccessStatusCode();

        foreach (var ticket in new[] { triage, sentBack, rejected })
        {
            var problem = await (await viewer.GetAsync($"/api/tickets/{ticket.Id}")).ReadProblemAsync(HttpStatusCode.Forbidden);
            problem.Type.ShouldBe("urn:kanban:problem:forbidden");
            problem.Detail.ShouldContain("not on the board");
            (await member.GetTicketAsync(ticket.Id)).Id.ShouldBe(ticket.Id);
        }
    }

    [Fact]
    public async Task An_outsider_still_learns_nothing_of_a_card_on_the_board()
    {
        var board = await _owner.CreateBoardAsync();
        var card = await _owner.AddCardAsync(board.Id);
        using var outsider = await factory.CreateClientForAsync("read-outsider@test.example");

        (await outsider.GetAsync($"/api/tickets/{card.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Saving_a_ticket_unchanged_records_nothing_and_bumps_no_version()
    {
        var board = await _owner.CreateBoardAsync();
        var card = await _owner.AddCardAsync(board.Id);
        var triage = await _owner.SubmitTicketAsync(board.Id, "A ticket waiting in triage");
        var before = await _owner.GetBoardAsync(board.Id);

        foreach (var ticket in new[] { card, triage })
        {
            var stored = await _owner.GetTicketAsync(ticket.Id);
            var saved = await (await _owner.PutJsonAsync($"/api/tickets/{ticket.Id}", TestApi.GoodTicket(ticket.Title))).ReadAsync<TicketResponse>();
            saved.UpdatedAt.ShouldBe(stored.UpdatedAt);
        }

        (await _owner.GetBoardAsync(board.Id)).Version.ShouldBe(before.Version);
        (await _owner.GetTicketAsync(card.Id)).History.Select(h => h.Kind).ShouldNotContain("TicketEdited");
        var changed = await (await _owner.PutJsonAsync($"/api/tickets/{card.Id}", TestApi.GoodTicket(card.Title + " now"))).ReadAsync<TicketResponse>();
        changed.Title.ShouldBe(card.Title + " now");
        (await _owner.GetBoardAsync(board.Id)).Version.ShouldBe(before.Version + 1);
    }

    [Fact]
    public async Task Saving_a_sent_back_ticket_unchanged_still_resubmits_it()
    {
        var board = await _owner.CreateBoardAsync();
        var ticket = await _owner.SubmitTicketAsync(board.Id);
        (await _owner.PostJsonAsync($"/api/tickets/{ticket.Id}/send-back", new { comment = "Say which page" })).EnsureSuccessStatusCode();

        var saved = await (await _owner.PutJsonAsync($"/api/tickets/{ticket.Id}", TestApi.GoodTicket(ticket.Title))).ReadAsync<TicketResponse>();

        saved.State.ShouldBe(TicketState.Triage);
    }
}
