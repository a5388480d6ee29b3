using Kanban.Domain.Boards;
using Kanban.Domain.Problems;
using static Kanban.Domain.Tests.TestBoards;

namespace Kanban.Domain.Tests.Boards;

public sealed class RemoveLaneTests
{
    [Fact]
    public void An_empty_lane_is_removed_and_the_remaining_orders_close_the_gap()
    {
        var board = NewBoard();

        board.RemoveLane(board.LaneNamed("Ready"), EmptyLanes, Now, by: null);

        board.LaneNamesInOrder().ShouldBe(["Backlog", "In progress", "Ready for test", "Testing", "Done"]);
        board.OrderedLanes.Select(l => l.Order).ShouldBe([0, 1, 2, 3, 4]);
    }

    [Fact]
    public void Removing_a_lane_bumps_the_board_version()
    {
        var board = NewBoard();

        board.RemoveLane(board.LaneNamed("Ready"), EmptyLanes, Now, by: null);
        board.Version.ShouldBe(2);

        board.RemoveLane(board.LaneNamed("Testing"), EmptyLanes, Now, by: null);
        board.Version.ShouldBe(3);
    }

    [Fact]
    public void A_lane_that_still_holds_cards_is_not_removed_and_the_refusal_gives_the_count()
    {
        var board = NewBoard();
        var ready = board.LaneNamed("Ready");

        var refusal = Should.Throw<RuleViolation>(() => board.RemoveLane(ready, Counts((ready, 3)), Now, by: null));

        refusal.ProblemType.ShouldBe(ProblemType.LaneNotEmpty);
        refusal.Figures["count"].ShouldBe(3);
        refusal.Figures["laneId"].ShouldBe(ready.Id);
        refusal.Figures["laneName"].ShouldBe("Ready");
        refusal.Message.ShouldContain("3 card(s)");
        board.Lanes.ShouldContain(ready);
        board.Version.ShouldBe(1);
    }

    [Fact]
    public void The_backlog_cannot_be_removed()
    {
        var board = NewBoard();
        var backlog = board.BacklogLane;

        var refusal = Should.Throw<RuleViolation>(() => board.RemoveLane(backlog, EmptyLanes, Now, by: null));

        refusal.ProblemType.ShouldBe(ProblemType.ValidationFailed);
        board.Lanes.ShouldContain(backlog);
        board.Version.ShouldBe(1);
    }

    [Fact]
    public void The_only_done_lane_cannot_be_removed()
    {
        var board = NewBoard();
        var done = board.LaneNamed("Done");

        var refusal = Should.Throw<RuleViolation>(() => board.RemoveLane(done, EmptyLanes, Now, by: null));

        refusal.ProblemType.ShouldBe(ProblemType.ValidationFailed);
        board.Lanes.ShouldContain(done);
        board.Version.ShouldBe(1);
    }

    [Fact]
    public void A_done_lane_can_be_removed_when_another_done_lane_remains()
    {
        var board = NewBoard();
        var released = board.AddLane("Released", LaneKind.Done, null, untested: false, order: null, EmptyLanes, Now, by: null);
        var done = board.LaneNamed("Done");

        board.RemoveLane(done, EmptyLanes, Now, by: null);

        board.Lanes.ShouldNotContain(done);
        board.Lanes.Single(l => l.Kind == LaneKind.Done).ShouldBeSameAs(released);
        released.Order.ShouldBe(5);
    }
}
