using System.Net;
using Kanban.Api.Features.Tickets;
using Kanban.Api.Tests.Infrastructure;
using Kanban.Domain.Cards;
using Kanban.Domain.Tickets;
using TestApi = Kanban.Api.Tests.Infrastructure.Api;

namespace Kanban.Api.Tests.Features.Tickets;

/// <summary>
/// The product owner sends a ticket back with a comment; its submitter (or a product owner) edits it
/// back into triage. A card on the board stays editable by any member, but never around the gates.
/// </summary>
public sealed class SendBackAndEditTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private const string Submitter = "edit-submitter@test.example";
    private const string OtherMember = "edit-other@test.example";
    private readonly HttpClient _owner = factory.CreateClient();

    [Fact]
    public async Task Sending_back_needs_a_comment()
    {
        var board = await _owner.CreateBoardAsync();
        var ticket = await _owner.SubmitTicketAsync(board.Id);

        var missing = await (await _owner.PostJsonAsync($"/api/tickets/{ticket.Id}/send-back", new { })).ReadProblemAsync(HttpStatusCode.BadRequest);
        var blank = await (await _owner.PostJsonAsync($"/api/tickets/{ticket.Id}/send-back", new { comment = "  " })).ReadProblemAsync(HttpStatusCode.BadRequest);

        missing.Type.ShouldBe("urn:kanban:problem:validation-failed");
        missing.Errors!.Keys.ShouldBe(["comment"]);
        blank.Errors!.Keys.ShouldBe(["comment"]);
        (await _owner.GetTicketAsync(ticket.Id)).State.ShouldBe(TicketState.Triage);
    }

    [Fact]
    public async Task A_ticket_sent_back_keeps_the_comment_for_its_submitter_with_the_product_owners_name()
    {
        var board = await _owner.CreateBoardAsync();
        var ownerId = await factory.UserIdOfAsync(KanbanApiFactory.Owner);
        using var submitter = await factory.ClientOnBoardAsync(_owner, board.Id, Submitter, "Member");
        var ticket = await submitter.SubmitTicketAsync(board.Id);

        var sentBack = await (await _owner.PostJsonAsync($"/api/tickets/{ticket.Id}/send-back", new { comment = "Say which customers see the refund state" }))
            .ReadAsync<TicketResponse>();

        sentBack.State.ShouldBe(TicketState.SentBack);
        sentBack.LaneId.ShouldBeNull();
        var detail = await submitter.GetTicketAsync(ticket.Id);
        var comment = detail.Comments.ShouldHaveSingleItem();
        comment.Kind.ShouldBe(TicketCommentKind.SentBack);
        comment.Text.ShouldBe("Say which customers see the refund state");
        comment.By.ShouldBe(ownerId);
        comment.ByName.ShouldBe("owner");
        detail.History.Select(h => h.Kind).ShouldBe(["TicketSubmitted", "TicketSentBack"]);
        (await _owner.GetTriageAsync(board.Id)).ShouldHaveSingleItem().State.ShouldBe(TicketState.SentBack);
    }

    [Fact]
    public async Task The_submitter_edits_a_ticket_sent_back_and_it_returns_to_triage_with_its_gates_run_again()
    {
        var board = await _owner.CreateBoardAsync();
        using var submitter = await factory.ClientOnBoardAsync(_owner, board.Id, Submitter, "Member");
        var ticket = await (await submitter.PostJsonAsync($"/api/boards/{board.Id}/tickets", new
        {
            title = "Show the refund status on the order page",
            description = "Refunds.",
            definitionOfDone = new[] { "The order page shows the refund state and its date" },
            estimateDays = 2,
        })).ReadAsync<TicketResponse>(HttpStatusCode.Created);
        ticket.Gates.Single(g => g.Gate == "description").Passed.ShouldBeFalse();
        await (await _owner.PostJsonAsync($"/api/tickets/{ticket.Id}/send-back", new { comment = "Describe what and why" })).ReadAsync<TicketResponse>();

        var edited = await (await submitter.PutJsonAsync($"/api/tickets/{ticket.Id}", TestApi.GoodTicket())).ReadAsync<TicketResponse>();

        edited.State.ShouldBe(TicketState.Triage);
        edited.Gates.ShouldAllBe(g => g.Passed);
        edited.Description.ShouldStartWith("Customers ask support");
        var detail = await _owner.GetTicketAsync(ticket.Id);
        detail.History.Select(h => h.Kind).ShouldBe(["TicketSubmitted", "TicketSentBack", "TicketEdited"]);
        detail.History.Last().Summary.ShouldBe($"{ticket.Key} edited and resubmitted for triage");
        await (await _owner.AcceptAsync(ticket.Id)).ReadAsync<TicketResponse>();
    }

    [Fact]
    public async Task Another_member_cannot_edit_a_ticket_in_triage_and_it_stays_as_it_was()
    {
        var board = await _owner.CreateBoardAsync();
        using var submitter = await factory.ClientOnBoardAsync(_owner, board.Id, Submitter, "Member");
        using var other = await factory.ClientOnBoardAsync(_owner, board.Id, OtherMember, "Member");
        var ticket = await submitter.SubmitTicketAsync(board.Id);
        var sentBack = await submitter.SubmitTicketAsync(board.Id, "A ticket that was sent back");
        await (await _owner.PostJsonAsync($"/api/tickets/{sentBack.Id}/send-back", new { comment = "Name the page" })).ReadAsync<TicketResponse>();

        var refused = await (await other.PutJsonAsync($"/api/tickets/{ticket.Id}", TestApi.GoodTicket("Somebody else's title"))).ReadProblemAsync(HttpStatusCode.Forbidden);
        var refusedSentBack = await (await other.PutJsonAsync($"/api/tickets/{sentBack.Id}", TestApi.GoodTicket("Somebody else's title"))).ReadProblemAsync(HttpStatusCode.Forbidden);

        refused.Type.ShouldBe("urn:kanban:problem:forbidden");
        refusedSentBack.Type.ShouldBe("urn:kanban:problem:forbidden");
        (await _owner.GetTicketAsync(ticket.Id)).Title.ShouldBe(ticket.Title);
        (await _owner.GetTicketAsync(sentBack.Id)).State.ShouldBe(TicketState.SentBack);
    }

    [Fact]
    public async Task A_product_owner_may_edit_a_members_ticket_in_triage()
    {
        var board = await _owner.CreateBoardAsync();
        using var submitter = await factory.ClientOnBoardAsync(_owner, board.Id, Submitter, "Member");
        var ticket = await submitter.SubmitTicketAsync(board.Id);

        var edited = await (await _owner.PutJsonAsync($"/api/tickets/{ticket.Id}", TestApi.GoodTicket("Show the refund status and date on the order page")))
            .ReadAsync<TicketResponse>();

        edited.Title.ShouldBe("Show the refund status and date on the order page");
        edited.State.ShouldBe(TicketState.Triage);
        edited.SubmittedByName.ShouldBe("edit-submitter");
    }

    [Fact]
    public async Task An_admin_acts_as_a_product_owner_and_may_edit_a_members_ticket_in_triage()
    {
        var board = await _owner.CreateBoardAsync();
        using var submitter = await factory.ClientOnBoardAsync(_owner, board.Id, Submitter, "Member");
        using var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);
        var ticket = await submitter.SubmitTicketAsync(board.Id);

        var edited = await (await admin.PutJsonAsync($"/api/tickets/{ticket.Id}", TestApi.GoodTicket("Show the refund status on the order page")))
            .ReadAsync<TicketResponse>();

        (edited.Title, edited.State).ShouldBe(("Show the refund status on the order page", TicketState.Triage));
    }

    [Fact]
    public async Task A_viewer_cannot_edit()
    {
        var board = await _owner.CreateBoardAsync();
        var card = await _owner.AddCardAsync(board.Id);
        using var viewer = await factory.ClientOnBoardAsync(_owner, board.Id, "edit-viewer@test.example", "Viewer");

        var refused = await (await viewer.PutJsonAsync($"/api/tickets/{card.Id}", TestApi.GoodTicket("A viewer's title change"))).ReadProblemAsync(HttpStatusCode.Forbidden);

        refused.Type.ShouldBe("urn:kanban:problem:forbidden");
        (await _owner.GetTicketAsync(card.Id)).Title.ShouldBe(card.Title);
    }

    [Fact]
    public async Task An_edit_that_would_take_a_card_on_the_board_around_the_gates_is_refused_and_the_card_is_unchanged()
    {
        var board = await _owner.CreateBoardAsync();
        var card = await _owner.AddCardAsync(board.Id);
        using var member = await factory.ClientOnBoardAsync(_owner, board.Id, OtherMember, "Member");
        var before = await _owner.GetBoardAsync(board.Id);

        var problem = await (await member.PutJsonAsync($"/api/tickets/{card.Id}", new
        {
            title = "Refund page",
            description = "Show the refund status on the order page so customers stop asking support about it every single day.",
            definitionOfDone = new[] { "Works as expected" },
            estimateDays = 2,
        })).ReadProblemAsync(HttpStatusCode.Conflict);

        problem.Type.ShouldBe("urn:kanban:problem:quality-gate-failed");
        problem.Extensions["gates"].EnumerateArray().Select(g => g.GetProperty("gate").GetString()).ShouldBe(["definition-of-done"]);
        var after = await _owner.GetBoardAsync(board.Id);
        after.Version.ShouldBe(before.Version);
        after.Cards.ShouldHaveSingleItem().Title.ShouldBe(card.Title);
        var detail = await _owner.GetTicketAsync(card.Id);
        detail.DefinitionOfDone.ShouldBe(card.DefinitionOfDone);
        detail.State.ShouldBe(TicketState.OnBoard);
    }

    [Fact]
    public async Task Any_member_may_make_a_good_edit_of_a_card_on_the_board()
    {
        var board = await _owner.CreateBoardAsync();
        var card = await _owner.AddCardAsync(board.Id);
        await _owner.MoveOkAsync(card.Id, board.LaneId("Ready"));
        using var member = await factory.ClientOnBoardAsync(_owner, board.Id, OtherMember, "Member");

        var edited = await (await member.PutJsonAsync($"/api/tickets/{card.Id}", TestApi.GoodTicket("Show the refund state and date on the order page")))
            .ReadAsync<TicketResponse>();

        edited.State.ShouldBe(TicketState.OnBoard);
        edited.LaneId.ShouldBe(board.LaneId("Ready"));
        edited.Gates.ShouldAllBe(g => g.Passed);
        var onBoard = (await _owner.GetBoardAsync(board.Id)).Cards.ShouldHaveSingleItem();
        onBoard.Title.ShouldBe("Show the refund state and date on the order page");
        onBoard.LaneId.ShouldBe(board.LaneId("Ready"));
        (await _owner.GetTicketAsync(card.Id)).History.Last().Summary.ShouldBe($"{card.Key} edited");
    }

    [Theory]
    [InlineData("Rejected")]
    [InlineData("Merged")]
    public async Task A_closed_ticket_cannot_be_edited(string state)
    {
        var board = await _owner.CreateBoardAsync();
        var original = await _owner.SubmitTicketAsync(board.Id, "The original of a duplicate");
        var ticket = await _owner.SubmitTicketAsync(board.Id);
        var closed = state == "Rejected"
            ? await _owner.PostJsonAsync($"/api/tickets/{ticket.Id}/reject", new { reason = "Not ours" })
            : await _owner.PostJsonAsync($"/api/tickets/{ticket.Id}/merge", new { originalId = original.Id });
        await closed.ReadAsync<TicketResponse>();

        var problem = await (await _owner.PutJsonAsync($"/api/tickets/{ticket.Id}", TestApi.GoodTicket("Reopen it with an edit"))).ReadProblemAsync(HttpStatusCode.Conflict);

        problem.Type.ShouldBe("urn:kanban:problem:ticket-not-in-triage");
        problem.Extensions["state"].GetString().ShouldBe(state);
        var detail = await _owner.GetTicketAsync(ticket.Id);
        detail.State.ToString().ShouldBe(state);
        detail.Title.ShouldBe(ticket.Title);
    }

    [Fact]
    public async Task A_malformed_edit_gets_400_and_changes_nothing()
    {
        var board = await _owner.CreateBoardAsync();
        var ticket = await _owner.SubmitTicketAsync(board.Id);

        var problem = await (await _owner.PutJsonAsync($"/api/tickets/{ticket.Id}", new { title = "", description = "Text", definitionOfDone = Array.Empty<string>(), estimateDays = 400 }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors!.Keys.ShouldBe(["title", "estimateDays"], ignoreOrder: true);
        (await _owner.GetTicketAsync(ticket.Id)).Title.ShouldBe(ticket.Title);
    }

    [Theory]
    [InlineData("SentBack")]
    [InlineData("OnBoard")]
    [InlineData("Rejected")]
    public async Task Only_a_ticket_in_triage_can_be_sent_back(string state)
    {
        var board = await _owner.CreateBoardAsync();
        var ticket = await _owner.SubmitTicketAsync(board.Id);
        var decided = state switch
        {
            "SentBack" => await _owner.PostJsonAsync($"/api/tickets/{ticket.Id}/send-back", new { comment = "Name the page" }),
            "OnBoard" => await _owner.AcceptAsync(ticket.Id),
            _ => await _owner.PostJsonAsync($"/api/tickets/{ticket.Id}/reject", new { reason = "Not ours" }),
        };
        await decided.ReadAsync<TicketResponse>();

        var problem = await (await _owner.PostJsonAsync($"/api/tickets/{ticket.Id}/send-back", new { comment = "Once more" })).ReadProblemAsync(HttpStatusCode.Conflict);

        problem.Type.ShouldBe("urn:kanban:problem:ticket-not-in-triage");
        (await _owner.GetTicketAsync(ticket.Id)).State.ToString().ShouldBe(state);
    }

    [Fact]
    public async Task A_member_cannot_send_back()
    {
        var board = await _owner.CreateBoardAsync();
        using var submitter = await factory.ClientOnBoardAsync(_owner, board.Id, Submitter, "Member");
        var ticket = await submitter.SubmitTicketAsync(board.Id);

        var problem = await (await submitter.PostJsonAsync($"/api/tickets/{ticket.Id}/send-back", new { comment = "Sending my own back" })).ReadProblemAsync(HttpStatusCode.Forbidden);

        problem.Type.ShouldBe("urn:kanban:problem:forbidden");
        var detail = await _owner.GetTicketAsync(ticket.Id);
        detail.State.ShouldBe(TicketState.Triage);
        detail.Comments.ShouldBeEmpty();
    }
}
