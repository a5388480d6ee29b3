using Kanban.Domain.Cards;
using static Kanban.Domain.Tests.TestBoards;

namespace Kanban.Domain.Tests.Cards;

public sealed class SubmitTicketTests
{
    private static readonly Guid Submitter = Guid.Parse("0191d3a0-0000-7000-8000-000000000001");

    [Fact]
    public void Tickets_are_numbered_1_2_3_and_keyed_after_the_board()
    {
        var board = NewBoard("DEMO");

        var first = board.Submit();
        var second = board.Submit(first);
        var third = board.Submit(second);

        new[] { first, second, third }.Select(c => (c.Number, c.Key)).ShouldBe([(1, "DEMO-1"), (2, "DEMO-2"), (3, "DEMO-3")]);
        board.LastCardNumber.ShouldBe(3);
    }

    [Fact]
    public void Each_board_numbers_its_own_tickets()
    {
        var demo = NewBoard("DEMO");
        var ops = NewBoard("OPS");
        demo.Submit();
        demo.Submit();

        ops.Submit().Key.ShouldBe("OPS-1");
    }

    [Fact]
    public void An_accepted_ticket_lands_on_the_board_in_the_backlog()
    {
        var board = NewBoard();

        var card = board.Submit();

        card.State.ShouldBe(TicketState.OnBoard);
        card.LaneId.ShouldBe(board.BacklogLane.Id);
        card.BoardId.ShouldBe(board.Id);
        card.Id.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public void An_accepted_ticket_keeps_what_the_submitter_wrote()
    {
        var board = NewBoard();
        List<string> definitionOfDone = ["The downloaded file holds one row per lane and day", "The header row names every column"];
        var content = new TicketContent("Export the weekly flow report as CSV", "Add an export button to the report page, so the team can open the weekly figures in a spreadsheet.", definitionOfDone, 1.5m, CardClass.Risk);

        var card = board.SubmitAndAccept(content, [], EmptyLanes, Now, Submitter, out _);

        card.Title.ShouldBe(content.Title);
        card.Description.ShouldBe(content.Description);
        card.DefinitionOfDone.ShouldBe(definitionOfDone);
        card.EstimateDays.ShouldBe(1.5m);
        card.Class.ShouldBe(CardClass.Risk);
    }

    [Fact]
    public void A_card_keeps_its_own_copy_of_the_definition_of_done()
    {
        var board = NewBoard();
        List<string> definitionOfDone = ["The downloaded file holds one row per lane and day"];
        var card = board.SubmitAndAccept(Ticket() with { DefinitionOfDone = definitionOfDone }, [], EmptyLanes, Now, Submitter, out _);

        definitionOfDone.Add("Something added after submission to the caller's list");

        card.DefinitionOfDone.ShouldBe(["The downloaded file holds one row per lane and day"]);
    }

    [Fact]
    public void A_submitted_ticket_is_created_and_updated_at_the_submission_time()
    {
        var board = NewBoard();
        var at = Now.AddHours(3);

        var card = board.Submit(at: at);

        card.CreatedAt.ShouldBe(at);
        card.UpdatedAt.ShouldBe(at);
    }

    [Fact]
    public void A_ticket_in_the_backlog_has_not_started_or_completed()
    {
        var card = NewBoard().Submit();

        card.StartedAt.ShouldBeNull();
        card.CompletedAt.ShouldBeNull();
    }

    [Fact]
    public void A_ticket_arrives_unassigned_and_unblocked()
    {
        var card = NewBoard().Submit();

        card.AssigneeId.ShouldBeNull();
        card.Blocked.ShouldBeFalse();
        card.BlockedReason.ShouldBeNull();
        card.BlockedSince.ShouldBeNull();
    }

    [Fact]
    public void The_first_ticket_of_an_empty_backlog_gets_a_positive_rank()
    {
        NewBoard().Submit().Rank.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void A_ticket_goes_after_the_last_card_of_the_backlog()
    {
        var board = NewBoard();
        var first = board.Submit();
        var second = board.Submit(first);
        var third = board.Submit(second);

        second.Rank.ShouldBeGreaterThan(first.Rank);
        third.Rank.ShouldBeGreaterThan(second.Rank);
    }

    [Fact]
    public void The_accept_is_recorded_as_a_transition_from_nowhere_into_the_backlog()
    {
        var board = NewBoard();
        var at = Now.AddMinutes(5);

        var card = board.SubmitAndAccept(Ticket(), [], EmptyLanes, at, Submitter, out var arrival);

        arrival.FromLaneId.ShouldBeNull();
        arrival.ToLaneId.ShouldBe(board.BacklogLane.Id);
        arrival.CardId.ShouldBe(card.Id);
        arrival.BoardId.ShouldBe(board.Id);
        arrival.At.ShouldBe(at);
        arrival.ByUserId.ShouldBe(Submitter);
    }

    [Fact]
    public void A_submission_and_an_accept_each_bump_the_board_version_by_one()
    {
        var board = NewBoard();

        var ticket = board.SubmitTicket(Ticket(), Now, Submitter);
        board.Version.ShouldBe(2);

        board.AcceptTicket(ticket, likelyOriginal: null, [], index: null, EmptyLanes, Now, Submitter);
        board.Version.ShouldBe(3);
    }
}
