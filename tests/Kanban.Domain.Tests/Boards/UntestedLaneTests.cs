using Kanban.Domain.Boards;
using Kanban.Domain.Problems;
using static Kanban.Domain.Tests.TestBoards;

namespace Kanban.Domain.Tests.Boards;

public sealed class UntestedLaneTests
{
    [Theory]
    [InlineData("Backlog", LaneKind.Backlog)]
    [InlineData("Done", LaneKind.Done)]
    public void The_backlog_and_done_lanes_cannot_be_marked_untested(string name, LaneKind kind)
    {
        var board = NewBoard();
        var lane = board.LaneNamed(name);
        var version = board.Version;

        var refusal = Should.Throw<RuleViolation>(() =>
            board.UpdateLane(lane, name, kind, null, untested: true, lane.Order, EmptyLanes, Now, by: null));

        refusal.ProblemType.ShouldBe(ProblemType.ValidationFailed);
        lane.Untested.ShouldBeFalse();
        board.Version.ShouldBe(version);
    }

    [Fact]
    public void A_new_done_lane_cannot_be_untested_but_a_new_queue_can()
    {
        var board = NewBoard();

        Should.Throw<RuleViolation>(() => board.AddLane("Released", LaneKind.Done, null, untested: true, order: null, EmptyLanes, Now, by: null));
        var review = board.AddLane("Review", LaneKind.Queue, 2, untested: true, order: 3, EmptyLanes, Now, by: null);

        review.Untested.ShouldBeTrue();
        board.Lanes.ShouldNotContain(l => l.Name == "Released");
    }
}
