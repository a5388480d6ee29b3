using Kanban.Domain.Boards;
using Kanban.Domain.Problems;
using static Kanban.Domain.Tests.TestBoards;

namespace Kanban.Domain.Tests.Boards;

public sealed class AddLaneTests
{
    [Fact]
    public void A_lane_added_at_an_order_is_inserted_there_and_shifts_the_lanes_after_it()
    {
        var board = NewBoard();

        var review = board.AddLane("Review", LaneKind.Queue, 4, untested: false, order: 3, EmptyLanes, Now, by: null);

        review.Order.ShouldBe(3);
        board.LaneNamesInOrder().ShouldBe(["Backlog", "Ready", "In progress", "Review", "Ready for test", "Testing", "Done"]);
        board.OrderedLanes.Select(l => l.Order).ShouldBe([0, 1, 2, 3, 4, 5, 6]);
    }

    [Fact]
    public void A_lane_added_without_an_order_goes_at_the_end()
    {
        var board = NewBoard();

        var released = board.AddLane("Released", LaneKind.Done, null, untested: false, order: null, EmptyLanes, Now, by: null);

        released.Order.ShouldBe(6);
        board.OrderedLanes.Last().ShouldBeSameAs(released);
        board.LaneNamed("Done").Order.ShouldBe(5);
    }

    [Fact]
    public void A_lane_added_past_the_end_is_placed_at_the_end()
    {
        var board = NewBoard();

        var released = board.AddLane("Released", LaneKind.Done, null, untested: false, order: 40, EmptyLanes, Now, by: null);

        released.Order.ShouldBe(6);
        board.OrderedLanes.Select(l => l.Order).ShouldBe([0, 1, 2, 3, 4, 5, 6]);
    }

    [Fact]
    public void An_added_lane_keeps_its_settings_and_belongs_to_the_board()
    {
        var board = NewBoard();

        var review = board.AddLane("Code review", LaneKind.Queue, 4, untested: true, order: 2, EmptyLanes, Now, by: null);

        review.Name.ShouldBe("Code review");
        review.Kind.ShouldBe(LaneKind.Queue);
        review.WipLimit.ShouldBe(4);
        review.Untested.ShouldBeTrue();
        review.BoardId.ShouldBe(board.Id);
        board.Lanes.ShouldContain(review);
    }

    [Fact]
    public void Adding_a_lane_bumps_the_board_version()
    {
        var board = NewBoard();

        board.AddLane("Review", LaneKind.Queue, 4, untested: false, order: null, EmptyLanes, Now, by: null);
        board.Version.ShouldBe(2);

        board.AddLane("Released", LaneKind.Done, null, untested: false, order: null, EmptyLanes, Now, by: null);
        board.Version.ShouldBe(3);
    }

    [Fact]
    public void Adding_a_second_backlog_is_refused_as_a_validation_failure()
    {
        var board = NewBoard();

        var refusal = Should.Throw<RuleViolation>(() => board.AddLane("Ideas", LaneKind.Backlog, null, untested: false, order: 1, EmptyLanes, Now, by: null));

        refusal.ProblemType.ShouldBe(ProblemType.ValidationFailed);
        board.Lanes.Count.ShouldBe(6);
        board.Lanes.Count(l => l.Kind == LaneKind.Backlog).ShouldBe(1);
        board.Version.ShouldBe(1);
    }
}
