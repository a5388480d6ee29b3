using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Kanban.Domain.Problems;
using static Kanban.Domain.Tests.TestBoards;

namespace Kanban.Domain.Tests.Boards;

/// <summary>Rule 1: lane WIP limits are hard.</summary>
public sealed class WipLimitTests
{
    private readonly BoardHarness _board = new();

    [Fact]
    public void A_move_into_a_full_lane_is_refused_naming_the_lane_its_count_and_its_limit()
    {
        _board.Fill("In progress", 3);
        var next = _board.Fill("Ready", 1)[0];
        var inProgress = _board.Lane("In progress");

        var refusal = _board.Refused(() => _board.Move(next, "In progress"));

        refusal.ProblemType.ShouldBe(ProblemType.WipLimitReached);
        refusal.Figures["laneId"].ShouldBe(inProgress.Id);
        refusal.Figures["laneName"].ShouldBe("In progress");
        refusal.Figures["count"].ShouldBe(3);
        refusal.Figures["limit"].ShouldBe(3);
        next.LaneId.ShouldBe(_board.Lane("Ready").Id);
    }

    [Fact]
    public void The_refusal_of_a_full_lane_says_how_to_free_room()
    {
        _board.Fill("In progress", 3);
        var next = _board.Fill("Ready", 1)[0];

        var refusal = _board.Refused(() => _board.Move(next, "In progress"));

        refusal.Title.ShouldBe("In progress is at its WIP limit");
        refusal.Message.ShouldBe(
            "In progress holds 3 of 3 cards. Finish or move a card out of In progress to make room, or ask the product owner to raise its limit.");
    }

    [Fact]
    public void Blocked_cards_still_count_towards_the_limit()
    {
        var inProgress = _board.Fill("In progress", 3);
        _board.Block(inProgress[0]);
        _board.Block(inProgress[1], "Waiting for the design review");
        var next = _board.Fill("Ready", 1)[0];

        var refusal = _board.Refused(() => _board.Move(next, "In progress"));

        refusal.ProblemType.ShouldBe(ProblemType.WipLimitReached);
        refusal.Figures["count"].ShouldBe(3);
    }

    [Fact]
    public void A_card_can_be_reordered_within_a_full_lane()
    {
        var inProgress = _board.Fill("In progress", 3);
        var (first, second, third) = (inProgress[0], inProgress[1], inProgress[2]);

        var transition = _board.Move(third, "In progress", index: 0);

        transition.ShouldBeNull();
        _board.CardsIn(_board.Lane("In progress")).ShouldBe([third, first, second]);
    }

    [Fact]
    public void A_card_can_be_reordered_within_a_lane_that_is_over_its_limit()
    {
        var ready = _board.Fill("Ready", 4);
        _board.SetLimit("Ready", 2);

        _board.Move(ready[0], "Ready", index: 3);

        _board.CardsIn(_board.Lane("Ready")).ShouldBe([ready[1], ready[2], ready[3], ready[0]]);
    }

    [Fact]
    public void A_card_can_move_out_of_a_full_lane_and_then_another_can_enter()
    {
        var inProgress = _board.Fill("In progress", 3);
        var next = _board.Fill("Ready", 1)[0];

        _board.Move(inProgress[0], "Ready for test");
        _board.Move(next, "In progress");

        _board.CountIn("In progress").ShouldBe(3);
        next.LaneId.ShouldBe(_board.Lane("In progress").Id);
        inProgress[0].LaneId.ShouldBe(_board.Lane("Ready for test").Id);
    }

    [Fact]
    public void A_card_can_move_backwards_out_of_a_full_lane()
    {
        var inProgress = _board.Fill("In progress", 3);

        _board.Move(inProgress[2], "Backlog");

        _board.CountIn("In progress").ShouldBe(2);
        inProgress[2].LaneId.ShouldBe(_board.Board.BacklogLane.Id);
    }

    [Fact]
    public void Lowering_a_limit_below_the_count_is_allowed_and_ejects_no_card()
    {
        var ready = _board.Fill("Ready", 4);

        var events = _board.EventsDuring(() => _board.SetLimit("Ready", 2));

        _board.Lane("Ready").WipLimit.ShouldBe(2);
        _board.CardsIn(_board.Lane("Ready")).ShouldBe(ready);
        events.ShouldHaveSingleItem().ShouldBeOfType<LaneChanged>().After.WipLimit.ShouldBe(2);
    }

    [Fact]
    public void Over_its_limit_a_lane_takes_nothing_more_until_its_count_is_under_the_limit()
    {
        var ready = _board.Fill("Ready", 4);
        _board.SetLimit("Ready", 2);
        var next = _board.Submit();

        _board.Refused(() => _board.Move(next, "Ready")).Figures["count"].ShouldBe(4);
        _board.Move(ready[0], "In progress");
        _board.Refused(() => _board.Move(next, "Ready")).Figures["count"].ShouldBe(3);
        _board.Move(ready[1], "In progress");
        _board.Refused(() => _board.Move(next, "Ready")).Figures["count"].ShouldBe(2);
        _board.Move(ready[2], "In progress");

        _board.Move(next, "Ready");

        _board.CardsIn(_board.Lane("Ready")).ShouldBe([ready[3], next]);
    }

    [Fact]
    public void Over_its_limit_a_lane_refuses_with_how_many_cards_must_leave()
    {
        _board.Fill("Ready", 4);
        _board.SetLimit("Ready", 2);
        var next = _board.Submit();

        var refusal = _board.Refused(() => _board.Move(next, "Ready"));

        refusal.ProblemType.ShouldBe(ProblemType.WipLimitReached);
        refusal.Figures["count"].ShouldBe(4);
        refusal.Figures["limit"].ShouldBe(2);
        refusal.Message.ShouldBe(
            "Ready holds 4 cards, over its limit of 2; nothing more enters until it is under it. Finish or move 3 card(s) out of Ready to make room.");
    }

    [Fact]
    public void Raising_a_limit_lets_cards_into_the_lane_again()
    {
        _board.Fill("In progress", 3);
        var next = _board.Fill("Ready", 1)[0];
        _board.Refused(() => _board.Move(next, "In progress"));

        _board.SetLimit("In progress", 4);
        _board.Move(next, "In progress");

        _board.CountIn("In progress").ShouldBe(4);
    }

    [Fact]
    public void A_limit_of_zero_lets_no_card_in()
    {
        _board.SetLimit("Ready", 0);
        var card = _board.Submit();

        var refusal = _board.Refused(() => _board.Move(card, "Ready"));

        refusal.Figures["count"].ShouldBe(0);
        refusal.Figures["limit"].ShouldBe(0);
    }

    [Fact]
    public void A_ticket_accepted_into_a_full_backlog_is_refused_and_waits_in_triage()
    {
        _board.SetLimit("Backlog", 2);
        _board.Submit();
        _board.Submit();
        var ticket = _board.SubmitToTriage();

        var refusal = _board.Refused(() => _board.Accept(ticket));

        refusal.ProblemType.ShouldBe(ProblemType.WipLimitReached);
        refusal.Figures["laneId"].ShouldBe(_board.Board.BacklogLane.Id);
        refusal.Figures["laneName"].ShouldBe("Backlog");
        refusal.Figures["count"].ShouldBe(2);
        refusal.Figures["limit"].ShouldBe(2);
        ticket.State.ShouldBe(TicketState.Triage);
        ticket.LaneId.ShouldBeNull();
        _board.Cards.Count.ShouldBe(2);
    }

    [Fact]
    public void A_full_backlog_does_not_stop_submissions_into_triage_which_still_take_their_number()
    {
        _board.SetLimit("Backlog", 2);
        _board.Submit();
        _board.Submit();

        var ticket = _board.SubmitToTriage();

        ticket.Key.ShouldBe("DEMO-3");
        _board.Board.LastCardNumber.ShouldBe(3);
        _board.CountIn("Backlog").ShouldBe(2);
    }

    [Fact]
    public void A_refused_ticket_is_accepted_once_a_card_left_the_full_backlog()
    {
        _board.SetLimit("Backlog", 2);
        var first = _board.Submit();
        _board.Submit();
        var third = _board.SubmitToTriage();
        _board.Refused(() => _board.Accept(third));

        _board.Move(first, "Ready");
        _board.Accept(third);

        third.State.ShouldBe(TicketState.OnBoard);
        third.LaneId.ShouldBe(_board.Board.BacklogLane.Id);
        _board.CountIn("Backlog").ShouldBe(2);
    }

    [Fact]
    public void A_lane_without_a_limit_takes_any_number_of_cards()
    {
        _board.Fill("Backlog", 40);
        _board.Fill("Done", 25);

        _board.CountIn("Backlog").ShouldBe(40);
        _board.CountIn("Done").ShouldBe(25);
    }

    [Fact]
    public void Removing_a_limit_lets_a_full_lane_take_any_number_of_cards()
    {
        _board.Fill("Testing", 2);
        _board.SetLimit("Testing", null);

        _board.Fill("Testing", 4);

        _board.CountIn("Testing").ShouldBe(6);
    }

    [Fact]
    public void The_lane_limit_is_checked_before_the_personal_limit_and_the_line()
    {
        var next = _board.Fill("Ready", 1, Alice)[0];
        _board.Fill("In progress", 2, Alice);
        _board.Fill("In progress", 1);
        _board.ChangeSettings(s => s.StopLineThreshold = 1);
        _board.Fill("Testing", 1);
        _board.Board.Line.Stopped.ShouldBeTrue();

        var refusal = _board.Refused(() => _board.Move(next, "In progress"));

        refusal.ProblemType.ShouldBe(ProblemType.WipLimitReached);
    }
}
