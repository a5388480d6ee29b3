using Kanban.Domain.Boards;
using static Kanban.Domain.Tests.TestBoards;

namespace Kanban.Domain.Tests.Cards;

public sealed class MoveCardTests
{
    private static readonly Guid Mover = Guid.Parse("0191d3a0-0000-7000-8000-000000000002");

    private readonly Board _board = NewBoard();

    [Fact]
    public void A_move_to_another_lane_records_where_from_where_to_when_and_by_whom()
    {
        var card = _board.Submit();
        var ready = _board.LaneNamed("Ready");
        var at = Now.AddHours(1);

        var transition = _board.MoveCard(card, ready, [], index: null, EmptyLanes, assigneeActiveCards: 0, at, Mover);

        transition.ShouldNotBeNull();
        transition.FromLaneId.ShouldBe(_board.BacklogLane.Id);
        transition.ToLaneId.ShouldBe(ready.Id);
        transition.At.ShouldBe(at);
        transition.ByUserId.ShouldBe(Mover);
        transition.CardId.ShouldBe(card.Id);
        transition.BoardId.ShouldBe(_board.Id);
    }

    [Fact]
    public void A_moved_card_is_in_the_target_lane_and_updated_at_the_move_time()
    {
        var card = _board.Submit();
        var ready = _board.LaneNamed("Ready");
        var at = Now.AddHours(1);

        _board.MoveCard(card, ready, [], index: null, EmptyLanes, assigneeActiveCards: 0, at, Mover);

        card.LaneId.ShouldBe(ready.Id);
        card.UpdatedAt.ShouldBe(at);
    }

    [Fact]
    public void Each_move_records_the_lane_it_actually_left()
    {
        var card = _board.Submit();
        var ready = _board.LaneNamed("Ready");
        var inProgress = _board.LaneNamed("In progress");
        _board.MoveCard(card, ready, [], index: null, EmptyLanes, assigneeActiveCards: 0, Now.AddHours(1), Mover);

        var transition = _board.MoveCard(card, inProgress, [], index: null, EmptyLanes, assigneeActiveCards: 0, Now.AddHours(2), Mover);

        transition.ShouldNotBeNull();
        transition.FromLaneId.ShouldBe(ready.Id);
        transition.ToLaneId.ShouldBe(inProgress.Id);
    }

    [Fact]
    public void Each_move_bumps_the_board_version_by_one()
    {
        var card = _board.Submit();
        var versionAfterSubmit = _board.Version;

        _board.MoveCard(card, _board.LaneNamed("Ready"), [], index: null, EmptyLanes, assigneeActiveCards: 0, Now.AddHours(1), Mover);
        _board.Version.ShouldBe(versionAfterSubmit + 1);

        _board.MoveCard(card, _board.LaneNamed("In progress"), [], index: null, EmptyLanes, assigneeActiveCards: 0, Now.AddHours(2), Mover);
        _board.Version.ShouldBe(versionAfterSubmit + 2);
    }

    [Fact]
    public void A_reorder_within_a_lane_records_no_transition_but_still_bumps_the_version()
    {
        var first = _board.Submit();
        var second = _board.Submit(first);
        var versionBefore = _board.Version;
        var at = Now.AddHours(1);

        var transition = _board.MoveCard(second, _board.BacklogLane, [first, second], index: 0, EmptyLanes, assigneeActiveCards: 0, at, Mover);

        transition.ShouldBeNull();
        _board.Version.ShouldBe(versionBefore + 1);
        second.LaneId.ShouldBe(_board.BacklogLane.Id);
        second.UpdatedAt.ShouldBe(at);
        InRankOrder(first, second).ShouldBe([second, first]);
    }

    [Fact]
    public void A_card_of_another_board_is_refused()
    {
        var other = NewBoard("OTHER");
        var foreignCard = other.Submit();
        var versionBefore = _board.Version;

        Should.Throw<InvalidOperationException>(
            () => _board.MoveCard(foreignCard, _board.LaneNamed("Ready"), [], index: null, EmptyLanes, assigneeActiveCards: 0, Now.AddHours(1), Mover));

        foreignCard.LaneId.ShouldBe(other.BacklogLane.Id);
        _board.Version.ShouldBe(versionBefore);
    }

    [Fact]
    public void A_lane_of_another_board_is_refused()
    {
        var other = NewBoard("OTHER");
        var card = _board.Submit();
        var versionBefore = _board.Version;

        Should.Throw<InvalidOperationException>(
            () => _board.MoveCard(card, other.LaneNamed("Ready"), [], index: null, EmptyLanes, assigneeActiveCards: 0, Now.AddHours(1), Mover));

        card.LaneId.ShouldBe(_board.BacklogLane.Id);
        _board.Version.ShouldBe(versionBefore);
    }
}
