using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using static Kanban.Domain.Tests.TestBoards;

namespace Kanban.Domain.Tests.Cards;

public sealed class CardTimesTests
{
    private readonly Board _board = NewBoard();
    private readonly Card _card;

    public CardTimesTests() => _card = _board.Submit();

    private Lane Backlog => _board.BacklogLane;
    private Lane Ready => _board.LaneNamed("Ready");
    private Lane InProgress => _board.LaneNamed("In progress");
    private Lane Testing => _board.LaneNamed("Testing");
    private Lane Done => _board.LaneNamed("Done");

    [Fact]
    public void A_card_starts_when_it_is_first_pulled_out_of_the_backlog()
    {
        Move(Ready, hours: 1);

        _card.StartedAt.ShouldBe(Now.AddHours(1));
    }

    [Fact]
    public void Later_moves_do_not_restart_the_card()
    {
        Move(Ready, hours: 1);
        Move(InProgress, hours: 2);
        Move(Testing, hours: 3);

        _card.StartedAt.ShouldBe(Now.AddHours(1));
    }

    [Fact]
    public void Going_back_to_the_backlog_and_out_again_keeps_the_first_start()
    {
        Move(Ready, hours: 1);
        Move(Backlog, hours: 2);
        _card.StartedAt.ShouldBe(Now.AddHours(1));

        Move(InProgress, hours: 3);

        _card.StartedAt.ShouldBe(Now.AddHours(1));
    }

    [Fact]
    public void Reordering_within_the_backlog_does_not_start_the_card()
    {
        var other = _board.Submit(_card);

        _board.MoveCard(_card, Backlog, [_card, other], index: 1, EmptyLanes, assigneeActiveCards: 0, Now.AddHours(1), by: null);

        _card.StartedAt.ShouldBeNull();
    }

    [Fact]
    public void A_card_completes_when_it_enters_a_done_lane()
    {
        Move(Ready, hours: 1);
        _card.CompletedAt.ShouldBeNull();

        Move(Done, hours: 4);

        _card.CompletedAt.ShouldBe(Now.AddHours(4));
    }

    [Fact]
    public void A_card_moved_straight_from_the_backlog_to_done_starts_and_completes_at_once()
    {
        Move(Done, hours: 2);

        _card.StartedAt.ShouldBe(Now.AddHours(2));
        _card.CompletedAt.ShouldBe(Now.AddHours(2));
    }

    [Fact]
    public void Leaving_a_done_lane_clears_the_completion()
    {
        Move(Done, hours: 4);

        Move(Testing, hours: 5);

        _card.CompletedAt.ShouldBeNull();
    }

    [Fact]
    public void Coming_back_to_a_done_lane_completes_the_card_again_at_the_new_time()
    {
        Move(Done, hours: 4);
        Move(Testing, hours: 5);

        Move(Done, hours: 6);

        _card.CompletedAt.ShouldBe(Now.AddHours(6));
    }

    [Fact]
    public void Reordering_within_a_done_lane_keeps_the_completion_time_and_changes_nothing()
    {
        Move(Done, hours: 4);

        _board.MoveCard(_card, Done, [_card], index: 0, EmptyLanes, assigneeActiveCards: 0, Now.AddHours(5), by: null);

        _card.CompletedAt.ShouldBe(Now.AddHours(4));
        _card.UpdatedAt.ShouldBe(Now.AddHours(4));
    }

    [Fact]
    public void A_card_last_moved_when_it_arrived_on_the_board()
    {
        _card.LastMovedAt.ShouldBe(Now);
    }

    [Fact]
    public void Each_change_of_lane_is_the_cards_last_move()
    {
        Move(Ready, hours: 1);
        _card.LastMovedAt.ShouldBe(Now.AddHours(1));

        Move(Backlog, hours: 3);

        _card.LastMovedAt.ShouldBe(Now.AddHours(3));
    }

    [Fact]
    public void A_reorder_within_a_lane_is_not_a_move()
    {
        var other = _board.Submit(_card, at: Now.AddHours(1));

        _board.MoveCard(_card, Backlog, [_card, other], index: 1, EmptyLanes, assigneeActiveCards: 0, Now.AddHours(2), by: null);

        InRankOrder(_card, other).ShouldBe([other, _card]);
        _card.LastMovedAt.ShouldBe(Now);
        _card.UpdatedAt.ShouldBe(Now.AddHours(2));
    }

    [Fact]
    public void A_snapshot_carries_the_block_and_the_times_a_card_shows()
    {
        Move(Ready, hours: 1);
        _board.BlockCard(_card, "Waiting for the bank", Now.AddHours(2), by: null);

        var snapshot = CardSnapshot.Of(_card);

        (snapshot.BlockedReason, snapshot.BlockedSince, snapshot.StartedAt, snapshot.LastMovedAt)
            .ShouldBe(("Waiting for the bank", Now.AddHours(2), Now.AddHours(1), Now.AddHours(1)));
    }

    [Fact]
    public void Moving_from_one_done_lane_to_another_keeps_the_first_completion_time()
    {
        var released = _board.AddLane("Released", LaneKind.Done, null, untested: false, order: null, EmptyLanes, Now, by: null);
        Move(Done, hours: 4);

        Move(released, hours: 6);

        _card.CompletedAt.ShouldBe(Now.AddHours(4));
    }

    private void Move(Lane target, int hours) =>
        _board.MoveCard(_card, target, [], index: null, EmptyLanes, assigneeActiveCards: 0, Now.AddHours(hours), by: null);
}
