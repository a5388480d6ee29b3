using System.Net;
using Kanban.Api.Features.Activity;
using Kanban.Api.Features.Tickets;
using Kanban.Api.Tests.Infrastructure;
using Kanban.Domain.Cards;
using Kanban.Domain.Tickets;

namespace Kanban.Api.Tests.Features.Tickets;

/// <summary>The product owner's other decisions: reject with a reason, merge into an original, mark distinct.</summary>
public sealed class RejectMergeDistinctTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private readonly HttpClient _owner = factory.CreateClient();

    [Fact]
    public async Task Rejecting_needs_a_reason()
    {
        var board = await _owner.CreateBoardAsync();
        var ticket = await _owner.SubmitTicketAsync(board.Id);

        var problem = await (await _owner.PostJsonAsync($"/api/tickets/{ticket.Id}/reject", new { })).ReadProblemAsync(HttpStatusCode.BadRequest);

        problem.Type.ShouldBe("urn:kanban:problem:validation-failed");
        problem.Errors!.Keys.ShouldBe(["reason"]);
        (await _owner.GetTicketAsync(ticket.Id)).State.ShouldBe(TicketState.Triage);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_ticket_in_triage_or_sent_back_is_rejected_and_the_reason_kept_as_a_comment(bool sentBackFirst)
    {
        var board = await _owner.CreateBoardAsync();
        var ownerId = await factory.UserIdOfAsync(KanbanApiFactory.Owner);
        var ticket = await _owner.SubmitTicketAsync(board.Id);
        if (sentBackFirst)
        {
            await (await _owner.PostJsonAsync($"/api/tickets/{ticket.Id}/send-back", new { comment = "Name the page" })).ReadAsync<TicketResponse>();
        }

        var rejected = await (await _owner.PostJsonAsync($"/api/tickets/{ticket.Id}/reject", new { reason = "The payments team owns refunds" }))
            .ReadAsync<TicketResponse>();

        rejected.State.ShouldBe(TicketState.Rejected);
        rejected.LaneId.ShouldBeNull();
        var detail = await _owner.GetTicketAsync(ticket.Id);
        var reason = detail.Comments.Where(c => c.Kind == TicketCommentKind.Rejected).ShouldHaveSingleItem();
        reason.Text.ShouldBe("The payments team owns refunds");
        reason.By.ShouldBe(ownerId);
        reason.ByName.ShouldBe("owner");
        detail.History.Last().Kind.ShouldBe("TicketRejected");
        (await _owner.GetTriageAsync(board.Id)).ShouldBeEmpty();
        (await _owner.GetBoardAsync(board.Id)).Cards.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_card_on_the_board_cannot_be_rejected()
    {
        var board = await _owner.CreateBoardAsync();
        var card = await _owner.AddCardAsync(board.Id);

        var problem = await (await _owner.PostJsonAsync($"/api/tickets/{card.Id}/reject", new { reason = "Changed my mind" })).ReadProblemAsync(HttpStatusCode.Conflict);

        problem.Type.ShouldBe("urn:kanban:problem:ticket-not-in-triage");
        problem.Extensions["state"].GetString().ShouldBe("OnBoard");
        (await _owner.GetBoardAsync(board.Id)).Cards.ShouldHaveSingleItem().Id.ShouldBe(card.Id);
    }

    [Fact]
    public async Task Merging_needs_an_original()
    {
        var board = await _owner.CreateBoardAsync();
        var ticket = await _owner.SubmitTicketAsync(board.Id);

        var problem = await (await _owner.PostJsonAsync($"/api/tickets/{ticket.Id}/merge", new { })).ReadProblemAsync(HttpStatusCode.BadRequest);

        problem.Type.ShouldBe("urn:kanban:problem:validation-failed");
        problem.Errors!.Keys.ShouldBe(["originalId"]);
        (await _owner.GetTicketAsync(ticket.Id)).State.ShouldBe(TicketState.Triage);
    }

    [Fact]
    public async Task Merging_into_a_ticket_of_another_board_or_one_that_does_not_exist_is_404()
    {
        var board = await _owner.CreateBoardAsync();
        var other = await _owner.CreateBoardAsync();
        var elsewhere = await _owner.SubmitTicketAsync(other.Id, "The same ticket on another board");
        var ticket = await _owner.SubmitTicketAsync(board.Id);

        var otherBoard = await (await _owner.PostJsonAsync($"/api/tickets/{ticket.Id}/merge", new { originalId = elsewhere.Id })).ReadProblemAsync(HttpStatusCode.NotFound);
        var unknown = await (await _owner.PostJsonAsync($"/api/tickets/{ticket.Id}/merge", new { originalId = Guid.NewGuid() })).ReadProblemAsync(HttpStatusCode.NotFound);

        otherBoard.Type.ShouldBe("urn:kanban:problem:not-found");
        unknown.Type.ShouldBe("urn:kanban:problem:not-found");
        (await _owner.GetTicketAsync(ticket.Id)).State.ShouldBe(TicketState.Triage);
        (await _owner.GetTicketAsync(elsewhere.Id)).Comments.ShouldBeEmpty();
    }

    [Fact]
    public async Task Merging_a_ticket_into_itself_is_400()
    {
        var board = await _owner.CreateBoardAsync();
        var ticket = await _owner.SubmitTicketAsync(board.Id);

        var problem = await (await _owner.PostJsonAsync($"/api/tickets/{ticket.Id}/merge", new { originalId = ticket.Id })).ReadProblemAsync(HttpStatusCode.BadRequest);

        problem.Type.ShouldBe("urn:kanban:problem:validation-failed");
        problem.Errors!.Keys.ShouldBe(["originalId"]);
        var detail = await _owner.GetTicketAsync(ticket.Id);
        detail.State.ShouldBe(TicketState.Triage);
        detail.Comments.ShouldBeEmpty();
    }

    [Fact]
    public async Task Merging_into_a_closed_ticket_is_400()
    {
        var board = await _owner.CreateBoardAsync();
        var rejected = await _owner.SubmitTicketAsync(board.Id, "A ticket that was rejected");
        await (await _owner.PostJsonAsync($"/api/tickets/{rejected.Id}/reject", new { reason = "Not ours" })).ReadAsync<TicketResponse>();
        var ticket = await _owner.SubmitTicketAsync(board.Id);

        var problem = await (await _owner.PostJsonAsync($"/api/tickets/{ticket.Id}/merge", new { originalId = rejected.Id })).ReadProblemAsync(HttpStatusCode.BadRequest);

        problem.Type.ShouldBe("urn:kanban:problem:validation-failed");
        problem.Errors!["originalId"].ShouldHaveSingleItem().ShouldContain(rejected.Key);
        (await _owner.GetTicketAsync(ticket.Id)).State.ShouldBe(TicketState.Triage);
        (await _owner.GetTicketAsync(rejected.Id)).Comments.Where(c => c.Kind == TicketCommentKind.MergedDuplicate).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_merged_duplicate_links_to_its_original_which_keeps_its_text_as_a_comment()
    {
        var board = await _owner.CreateBoardAsync();
        var original = await _owner.AddCardAsync(board.Id, "Show the refund status on the order page");
        var duplicate = await _owner.SubmitTicketAsync(board.Id, "Customers want to see their refund status");

        var merged = await (await _owner.PostJsonAsync($"/api/tickets/{duplicate.Id}/merge", new { originalId = original.Id })).ReadAsync<TicketResponse>();

        merged.State.ShouldBe(TicketState.Merged);
        merged.DuplicateOf.ShouldBe(original.Id);
        merged.LaneId.ShouldBeNull();
        var originalDetail = await _owner.GetTicketAsync(original.Id);
        originalDetail.State.ShouldBe(TicketState.OnBoard);
        var kept = originalDetail.Comments.ShouldHaveSingleItem();
        kept.Kind.ShouldBe(TicketCommentKind.MergedDuplicate);
        kept.Text.ShouldContain(duplicate.Key);
        kept.Text.ShouldContain(duplicate.Title);
        kept.Text.ShouldContain(duplicate.Description);
        kept.ByName.ShouldBe("owner");
        var duplicateDetail = await _owner.GetTicketAsync(duplicate.Id);
        duplicateDetail.DuplicateOf.ShouldBe(original.Id);
        duplicateDetail.History.Last().Kind.ShouldBe("TicketMerged");
        duplicateDetail.History.Last().Summary.ShouldBe($"{duplicate.Key} merged into {original.Key} as a duplicate");
        (await _owner.GetTriageAsync(board.Id)).ShouldBeEmpty();
        (await _owner.GetBoardAsync(board.Id)).Cards.ShouldHaveSingleItem().Id.ShouldBe(original.Id);
    }

    [Fact]
    public async Task A_merged_ticket_cannot_be_merged_again()
    {
        var board = await _owner.CreateBoardAsync();
        var original = await _owner.SubmitTicketAsync(board.Id, "The first original ticket");
        var another = await _owner.SubmitTicketAsync(board.Id, "The second original ticket");
        var duplicate = await _owner.SubmitTicketAsync(board.Id);
        await (await _owner.PostJsonAsync($"/api/tickets/{duplicate.Id}/merge", new { originalId = original.Id })).ReadAsync<TicketResponse>();

        var problem = await (await _owner.PostJsonAsync($"/api/tickets/{duplicate.Id}/merge", new { originalId = another.Id })).ReadProblemAsync(HttpStatusCode.Conflict);

        problem.Type.ShouldBe("urn:kanban:problem:ticket-not-in-triage");
        (await _owner.GetTicketAsync(duplicate.Id)).DuplicateOf.ShouldBe(original.Id);
        (await _owner.GetTicketAsync(another.Id)).Comments.ShouldBeEmpty();
    }

    [Fact]
    public async Task Marking_a_ticket_distinct_is_recorded_in_its_history_and_the_boards_activity()
    {
        var board = await _owner.CreateBoardAsync();
        var ownerId = await factory.UserIdOfAsync(KanbanApiFactory.Owner);
        var ticket = await _owner.SubmitTicketAsync(board.Id);

        var distinct = await (await _owner.PostAsync($"/api/tickets/{ticket.Id}/mark-distinct", null)).ReadAsync<TicketResponse>();

        distinct.State.ShouldBe(TicketState.Triage);
        distinct.LikelyDuplicateOf.ShouldBeNull();
        distinct.Gates.Single(g => g.Gate == "duplicate").Passed.ShouldBeTrue();
        var entry = (await _owner.GetTicketAsync(ticket.Id)).History.Last();
        entry.Kind.ShouldBe("TicketMarkedDistinct");
        entry.Summary.ShouldBe($"{ticket.Key} marked distinct: not a duplicate");
        entry.ByName.ShouldBe("owner");
        var activity = await (await _owner.GetAsync($"/api/boards/{board.Id}/activity")).ReadAsync<ActivityPage>();
        var recorded = activity.Items.First();
        recorded.Kind.ShouldBe("TicketMarkedDistinct");
        recorded.CardId.ShouldBe(ticket.Id);
        recorded.By.ShouldBe(ownerId);
        recorded.Version.ShouldBe(entry.Version);
    }

    [Fact]
    public async Task A_member_can_neither_reject_merge_nor_mark_distinct_and_nothing_changes()
    {
        var board = await _owner.CreateBoardAsync();
        using var member = await factory.ClientOnBoardAsync(_owner, board.Id, "decide-member@test.example", "Member");
        var original = await member.SubmitTicketAsync(board.Id, "The original, submitted by the member");
        var ticket = await member.SubmitTicketAsync(board.Id);
        var before = await _owner.GetBoardAsync(board.Id);

        var refusals = new[]
        {
            await member.PostJsonAsync($"/api/tickets/{ticket.Id}/reject", new { reason = "I changed my mind" }),
            await member.PostJsonAsync($"/api/tickets/{ticket.Id}/merge", new { originalId = original.Id }),
            await member.PostAsync($"/api/tickets/{ticket.Id}/mark-distinct", null),
        };

        foreach (var refused in refusals)
        {
            (await refused.ReadProblemAsync(HttpStatusCode.Forbidden)).Type.ShouldBe("urn:kanban:problem:forbidden");
        }

        (await _owner.GetBoardAsync(board.Id)).Version.ShouldBe(before.Version);
        var detail = await _owner.GetTicketAsync(ticket.Id);
        detail.State.ShouldBe(TicketState.Triage);
        detail.Comments.ShouldBeEmpty();
        (await _owner.GetTicketAsync(original.Id)).Comments.ShouldBeEmpty();
    }
}
