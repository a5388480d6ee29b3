using Kanban.Domain.Boards;
using Kanban.Domain.Problems;
using static Kanban.Domain.Tests.TestBoards;

namespace Kanban.Domain.Tests.Boards;

public sealed class UpdateLaneTests
{
    [Fact]
    public void Updating_a_lane_changes_its_name_kind_limit_and_untested_flag()
    {
        var board = NewBoard();
        var ready = board.LaneNamed("Ready");

        board.UpdateLane(ready, "Selected", LaneKind.Active, 7, untested: true, order: 1, EmptyLanes, Now, by: null);

        ready.Name.ShouldBe("Selected");
        ready.Kind.ShouldBe(LaneKind.Active);
        ready.WipLimit.ShouldBe(7);
        ready.Untested.ShouldBeTrue();
        ready.Order.ShouldBe(1);
    }

    [Fact]
    public void Removing_a_limit_leaves_the_lane_unlimited()
    {
        var board = NewBoard();
        var ready = board.LaneNamed("Ready");

        board.UpdateLane(ready, "Ready", LaneKind.Queue, null, untested: false, order: 1, EmptyLanes, Now, by: null);

        ready.WipLimit.ShouldBeNull();
    }

    [Fact]
    public void Moving_a_lane_earlier_reorders_the_lanes_and_keeps_orders_contiguous()
    {
        var board = NewBoard();
        var testing = board.LaneNamed("Testing");

        board.UpdateLane(testing, "Testing", LaneKind.Active, 2, untested: true, order: 1, EmptyLanes, Now, by: null);

        board.LaneNamesInOrder().ShouldBe(["Backlog", "Testing", "Ready", "In progress", "Ready for test", "Done"]);
        board.OrderedLanes.Select(l => l.Order).ShouldBe([0, 1, 2, 3, 4, 5]);
    }

    [Fact]
    public void Moving_a_lane_later_reorders_the_lanes_and_keeps_orders_contiguous()
    {
        var board = NewBoard();
        var ready = board.LaneNamed("Ready");

        board.UpdateLane(ready, "Ready", LaneKind.Queue, 5, untested: false, order: 4, EmptyLanes, Now, by: null);

        board.LaneNamesInOrder().ShouldBe(["Backlog", "In progress", "Ready for test", "Testing", "Ready", "Done"]);
        board.OrderedLanes.Select(l => l.Order).ShouldBe([0, 1, 2, 3, 4, 5]);
    }

    [Fact]
    public void A_lane_moved_past_the_end_becomes_the_last_lane()
    {
        var board = NewBoard();
        var ready = board.LaneNamed("Ready");

        board.UpdateLane(ready, "Ready", LaneKind.Queue, 5, untested: false, order: 99, EmptyLanes, Now, by: null);

        ready.Order.ShouldBe(5);
        board.OrderedLanes.Select(l => l.Order).ShouldBe([0, 1, 2, 3, 4, 5]);
    }

    [Fact]
    public void Updating_a_lane_bumps_the_board_version_each_time()
    {
        var board = NewBoard();
        var ready = board.LaneNamed("Ready");

        board.UpdateLane(ready, "Ready", LaneKind.Queue, 4, untested: false, order: 1, EmptyLanes, Now, by: null);
        board.Version.ShouldBe(2);

        board.UpdateLane(ready, "Ready", LaneKind.Queue, 3, untested: false, order: 1, EmptyLanes, Now, by: null);
        board.Version.ShouldBe(3);
    }

    [Theory]
    [InlineData(LaneKind.Queue)]
    [InlineData(LaneKind.Active)]
    [InlineData(LaneKind.Done)]
    public void The_backlog_cannot_become_another_kind(LaneKind kind)
    {
        var board = NewBoard();
        var backlog = board.BacklogLane;

        var refusal = Should.Throw<RuleViolation>(() => board.UpdateLane(backlog, "Backlog", kind, null, untested: false, order: 0, EmptyLanes, Now, by: null));

        refusal.ProblemType.ShouldBe(ProblemType.ValidationFailed);
        backlog.Kind.ShouldBe(LaneKind.Backlog);
        board.Version.ShouldBe(1);
    }

    [Theory]
    [InlineData("Ready")]
    [InlineData("In progress")]
    [InlineData("Done")]
    public void No_other_lane_can_become_a_backlog(string laneName)
    {
        var board = NewBoard();
        var lane = board.LaneNamed(laneName);
        var kindBefore = lane.Kind;

        var refusal = Should.Throw<RuleViolation>(() => board.UpdateLane(lane, laneName, LaneKind.Backlog, null, untested: false, lane.Order, EmptyLanes, Now, by: null));

        refusal.ProblemType.ShouldBe(ProblemType.ValidationFailed);
        lane.Kind.ShouldBe(kindBefore);
        board.Lanes.Count(l => l.Kind == LaneKind.Backlog).ShouldBe(1);
    }

    [Fact]
    public void The_backlog_can_be_renamed()
    {
        var board = NewBoard();

        board.UpdateLane(board.BacklogLane, "Options", LaneKind.Backlog, null, untested: false, order: 0, EmptyLanes, Now, by: null);

        board.BacklogLane.Name.ShouldBe("Options");
    }

    [Theory]
    [InlineData(LaneKind.Queue)]
    [InlineData(LaneKind.Active)]
    public void The_only_done_lane_cannot_change_its_kind(LaneKind kind)
    {
        var board = NewBoard();
        var done = board.LaneNamed("Done");

        var refusal = Should.Throw<RuleViolation>(() => board.UpdateLane(done, "Done", kind, null, untested: false, order: 5, EmptyLanes, Now, by: null));

        refusal.ProblemType.ShouldBe(ProblemType.ValidationFailed);
        done.Kind.ShouldBe(LaneKind.Done);
        board.Version.ShouldBe(1);
    }

    [Fact]
    public void A_refused_update_leaves_the_lane_as_it_was()
    {
        var board = NewBoard();
        var done = board.LaneNamed("Done");

        Should.Throw<RuleViolation>(() => board.UpdateLane(done, "Shipped", LaneKind.Active, 9, untested: true, order: 0, EmptyLanes, Now, by: null));

        (done.Name, done.Kind, done.WipLimit, done.Untested, done.Order).ShouldBe(("Done", LaneKind.Done, (int?)null, false, 5));
    }

    [Fact]
    public void The_only_done_lane_can_be_renamed_and_keep_its_kind()
    {
        var board = NewBoard();
        var done = board.LaneNamed("Done");

        board.UpdateLane(done, "Shipped", LaneKind.Done, null, untested: false, order: 5, EmptyLanes, Now, by: null);

        done.Name.ShouldBe("Shipped");
        done.Kind.ShouldBe(LaneKind.Done);
    }

    [Fact]
    public void A_done_lane_can_change_its_kind_when_another_done_lane_exists()
    {
        var board = NewBoard();
        board.AddLane("Released", LaneKind.Done, null, untested: false, order: null, EmptyLanes, Now, by: null);
        var done = board.LaneNamed("Done");

        board.UpdateLane(done, "Accepted", LaneKind.Queue, 4, untested: false, order: 5, EmptyLanes, Now, by: null);

        done.Kind.ShouldBe(LaneKind.Queue);
        board.Lanes.Count(l => l.Kind == LaneKind.Done).ShouldBe(1);
    }
}
