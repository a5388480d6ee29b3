using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Kanban.Domain.Problems;
using static Kanban.Domain.Tests.TestBoards;

namespace Kanban.Domain.Tests.Boards;

/// <summary>Rule 4: when untested work piles up to the threshold, the line stops by itself.</summary>
public sealed class StopTheLineTests
{
    private readonly BoardHarness _board = new();

    [Fact]
    public void The_default_threshold_is_the_sum_of_the_untested_lanes_limits()
    {
        _board.Board.StopLineThreshold.ShouldBe(3 + 2);
    }

    [Fact]
    public void The_default_threshold_follows_the_untested_lanes_and_their_limits()
    {
        _board.SetLimit("Testing", 4);
        _board.Board.StopLineThreshold.ShouldBe(3 + 4);

        _board.SetUntested("In progress", true);
        _board.Board.StopLineThreshold.ShouldBe(3 + 3 + 4);

        _board.SetLimit("Ready for test", null);
        _board.Board.StopLineThreshold.ShouldBe(3 + 4);
    }

    [Fact]
    public void A_threshold_in_the_settings_overrides_the_sum_of_the_limits()
    {
        _board.ChangeSettings(s => s.StopLineThreshold = 2);

        _board.Board.StopLineThreshold.ShouldBe(2);
    }

    [Fact]
    public void Below_the_threshold_the_line_runs_and_pulls_are_allowed()
    {
        var waiting = _board.Fill("Ready", 1)[0];
        _board.Fill("Ready for test", 3);
        _board.Fill("Testing", 1);

        _board.Move(waiting, "In progress");

        _board.UntestedCount.ShouldBe(4);
        _board.Board.Line.ShouldBe(LineState.Running);
        _board.Board.LineStops.ShouldBeEmpty();
    }

    [Fact]
    public void The_move_that_brings_untested_work_to_the_threshold_stops_the_line()
    {
        PileUpUntestedWork();
        var fifth = _board.Submit();
        _board.Wait(TimeSpan.FromMinutes(10));

        var events = _board.EventsDuring(() => _board.Move(fifth, "Testing"));

        _board.UntestedCount.ShouldBe(5);
        events.Select(e => e.GetType()).ShouldBe([typeof(CardMoved), typeof(LineStopped)]);
        var stopped = events[^1].ShouldBeOfType<LineStopped>();
        stopped.Kind.ShouldBe(LineStopKind.Auto);
        stopped.Reason.ShouldBe("5 untested cards, threshold 5");
        stopped.At.ShouldBe(_board.Clock);
        _board.Board.Line.ShouldBe(new LineState(true, _board.Clock, "5 untested cards, threshold 5", LineStopKind.Auto));
    }

    [Fact]
    public void The_auto_stop_is_recorded_as_an_open_line_stop()
    {
        StopTheLineByUntestedWork();

        var stop = _board.Board.LineStops.ShouldHaveSingleItem();
        stop.Kind.ShouldBe(LineStopKind.Auto);
        stop.StoppedAt.ShouldBe(_board.Clock);
        stop.ResumedAt.ShouldBeNull();
        stop.BoardId.ShouldBe(_board.Board.Id);
        _board.Board.Events.OfType<LineStopped>().Single().StopId.ShouldBe(stop.Id);
    }

    [Theory]
    [InlineData("Backlog", "Ready")]
    [InlineData("Ready", "In progress")]
    [InlineData("Backlog", "In progress")]
    public void A_stopped_line_refuses_pulls_upstream_of_the_first_untested_lane(string from, string to)
    {
        var (waiting, _) = StopTheLineByUntestedWork();
        var card = from == "Ready" ? waiting : _board.Submit();
        var target = _board.Lane(to);

        var refusal = _board.Refused(() => _board.Move(card, to));

        refusal.ProblemType.ShouldBe(ProblemType.LineStopped);
        refusal.Figures["untestedCount"].ShouldBe(5);
        refusal.Figures["threshold"].ShouldBe(5);
        refusal.Figures["laneId"].ShouldBe(target.Id);
        refusal.Figures["laneName"].ShouldBe(to);
        refusal.Figures["kind"].ShouldBe("auto");
        refusal.Message.ShouldBe(
            $"The untested lanes hold 5 cards, at or over the threshold of 5; nothing is pulled into {to} until testing brings that under 5. Help test or finish work downstream.");
    }

    [Fact]
    public void A_stopped_line_refuses_pulls_while_untested_work_stays_over_the_threshold()
    {
        var (waiting, _) = StopTheLineByUntestedWork();
        _board.ChangeSettings(s => s.StopLineThreshold = 4);

        var refusal = _board.Refused(() => _board.Move(waiting, "In progress"));

        refusal.Figures["untestedCount"].ShouldBe(5);
        refusal.Figures["threshold"].ShouldBe(4);
    }

    [Theory]
    [InlineData("In progress", "Ready for test")]
    [InlineData("Ready", "Testing")]
    [InlineData("Backlog", "Ready for test")]
    [InlineData("In progress", "Done")]
    [InlineData("Ready", "Done")]
    [InlineData("Backlog", "Done")]
    public void A_stopped_line_still_lets_work_move_downstream(string from, string to)
    {
        var card = StopTheLineWithRoomInTheUntestedLanes()[from];

        _board.Move(card, to);

        card.LaneId.ShouldBe(_board.Lane(to).Id);
    }

    [Fact]
    public void Work_moved_downstream_into_an_untested_lane_keeps_the_line_stopped_without_a_second_stop()
    {
        var card = StopTheLineWithRoomInTheUntestedLanes()["In progress"];
        var line = _board.Board.Line;
        _board.Wait(TimeSpan.FromMinutes(5));

        var events = _board.EventsDuring(() => _board.Move(card, "Ready for test"));

        events.ShouldHaveSingleItem().ShouldBeOfType<CardMoved>();
        _board.Board.Line.ShouldBe(line);
        _board.UntestedCount.ShouldBe(4);
    }

    [Theory]
    [InlineData("In progress", "Ready")]
    [InlineData("In progress", "Backlog")]
    [InlineData("Ready", "Backlog")]
    public void A_stopped_line_still_lets_work_move_backwards(string from, string to)
    {
        var (waiting, started) = StopTheLineByUntestedWork();
        var card = from == "Ready" ? waiting : started;

        _board.Move(card, to);

        card.LaneId.ShouldBe(_board.Lane(to).Id);
        _board.Board.Line.Stopped.ShouldBeTrue();
    }

    [Fact]
    public void A_stopped_line_still_lets_cards_be_reordered_within_an_upstream_lane()
    {
        var (waiting, _) = StopTheLineByUntestedWork();
        var first = _board.CardsIn(_board.Lane("Ready"))[0];

        _board.Move(waiting, "Ready", index: 0);

        _board.CardsIn(_board.Lane("Ready")).ShouldBe([waiting, first]);
    }

    [Fact]
    public void A_stopped_line_still_takes_new_tickets_into_the_backlog()
    {
        StopTheLineByUntestedWork();

        var card = _board.Submit();

        card.LaneId.ShouldBe(_board.Board.BacklogLane.Id);
        card.State.ShouldBe(TicketState.OnBoard);
    }

    [Fact]
    public void A_queue_lane_after_the_untested_lanes_is_downstream_and_stays_open()
    {
        _board.AddLane("Ready to release", LaneKind.Queue, null, untested: false, order: 5);
        StopTheLineByUntestedWork();
        var tested = _board.CardsIn(_board.Lane("Testing"))[0];

        _board.Move(tested, "Ready to release");

        tested.LaneId.ShouldBe(_board.Lane("Ready to release").Id);
    }

    [Fact]
    public void The_move_that_brings_untested_work_under_the_threshold_resumes_the_line_with_how_long_it_was_stopped()
    {
        StopTheLineByUntestedWork();
        var stoppedAt = _board.Clock;
        var stopId = _board.Board.Events.OfType<LineStopped>().Single().StopId;
        _board.Wait(new TimeSpan(2, 30, 0));
        var tested = _board.CardsIn(_board.Lane("Testing"))[0];

        var events = _board.EventsDuring(() => _board.Move(tested, "Done"));

        events.Select(e => e.GetType()).ShouldBe([typeof(CardMoved), typeof(LineResumed)]);
        var resumed = events[1].ShouldBeOfType<LineResumed>();
        resumed.StopId.ShouldBe(stopId);
        resumed.Kind.ShouldBe(LineStopKind.Auto);
        resumed.StoppedFor.ShouldBe(new TimeSpan(2, 30, 0));
        resumed.Note.ShouldBe("untested cards down to 4, under the threshold of 5");
        _board.Board.Line.ShouldBe(LineState.Running);
        var stop = _board.Board.LineStops.Single(s => s.Id == stopId);
        stop.StoppedAt.ShouldBe(stoppedAt);
        stop.ResumedAt.ShouldBe(_board.Clock);
        stop.ResumeNote.ShouldBe(resumed.Note);
        stop.Lasted.ShouldBe(new TimeSpan(2, 30, 0));
    }

    [Fact]
    public void Sending_untested_work_back_upstream_also_brings_the_count_under_the_threshold()
    {
        StopTheLineByUntestedWork();
        var rework = _board.CardsIn(_board.Lane("Ready for test"))[0];

        var events = _board.EventsDuring(() => _board.Move(rework, "In progress"));

        events.Select(e => e.GetType()).ShouldBe([typeof(CardMoved), typeof(LineResumed)]);
        _board.Board.Line.Stopped.ShouldBeFalse();
    }

    [Fact]
    public void Once_resumed_the_line_allows_pulls_again()
    {
        var (waiting, _) = StopTheLineByUntestedWork();
        _board.Move(_board.CardsIn(_board.Lane("Testing"))[0], "Done");

        _board.Move(waiting, "In progress");

        waiting.LaneId.ShouldBe(_board.Lane("In progress").Id);
    }

    [Fact]
    public void A_line_that_resumed_stops_again_when_untested_work_is_back_at_the_threshold()
    {
        StopTheLineByUntestedWork();
        _board.Move(_board.CardsIn(_board.Lane("Testing"))[0], "Done");
        _board.Wait(TimeSpan.FromHours(1));

        var events = _board.EventsDuring(() => _board.Move(_board.CardsIn(_board.Lane("In progress"))[0], "Testing"));

        events.Select(e => e.GetType()).ShouldBe([typeof(CardMoved), typeof(LineStopped)]);
        _board.Board.Line.Since.ShouldBe(_board.Clock);
        _board.Board.LineStops.Count(s => s.ResumedAt is null).ShouldBe(1);
    }

    [Fact]
    public void Raising_the_threshold_in_the_settings_resumes_a_stopped_line()
    {
        StopTheLineByUntestedWork();

        var events = _board.EventsDuring(() => _board.ChangeSettings(s => s.StopLineThreshold = 6));

        events.Select(e => e.GetType()).ShouldBe([typeof(SettingsChanged), typeof(LineResumed)]);
        _board.Board.Line.Stopped.ShouldBeFalse();
    }

    [Fact]
    public void Lowering_the_threshold_in_the_settings_to_the_untested_count_stops_the_line()
    {
        _board.Fill("Ready for test", 2);

        var events = _board.EventsDuring(() => _board.ChangeSettings(s => s.StopLineThreshold = 2));

        events.Select(e => e.GetType()).ShouldBe([typeof(SettingsChanged), typeof(LineStopped)]);
        events[1].ShouldBeOfType<LineStopped>().Reason.ShouldBe("2 untested cards, threshold 2");
        _board.Board.Line.Kind.ShouldBe(LineStopKind.Auto);
    }

    [Fact]
    public void Going_back_to_the_automatic_threshold_re_evaluates_the_line()
    {
        _board.Fill("Ready for test", 2);
        _board.ChangeSettings(s => s.StopLineThreshold = 2);

        var events = _board.EventsDuring(() => _board.ChangeSettings(s => s.StopLineThreshold = null));

        events.Select(e => e.GetType()).ShouldBe([typeof(SettingsChanged), typeof(LineResumed)]);
    }

    [Fact]
    public void A_threshold_of_zero_never_stops_the_line()
    {
        var waiting = _board.Fill("Ready", 1)[0];
        _board.ChangeSettings(s => s.StopLineThreshold = 0);
        _board.Fill("Ready for test", 3);
        _board.Fill("Testing", 2);

        _board.Move(waiting, "In progress");

        _board.Board.Line.Stopped.ShouldBeFalse();
        _board.Board.Events.OfType<LineStopped>().ShouldBeEmpty();
    }

    [Fact]
    public void Untested_lanes_without_limits_make_a_threshold_of_zero_and_the_line_never_stops_by_itself()
    {
        _board.SetLimit("Ready for test", null);
        _board.SetLimit("Testing", null);
        var waiting = _board.Fill("Ready", 1)[0];
        _board.Fill("Ready for test", 12);

        _board.Move(waiting, "In progress");

        _board.Board.StopLineThreshold.ShouldBe(0);
        _board.Board.Line.Stopped.ShouldBeFalse();
    }

    [Fact]
    public void Raising_an_untested_lane_s_limit_raises_the_default_threshold_and_resumes_the_line()
    {
        StopTheLineByUntestedWork();

        var events = _board.EventsDuring(() => _board.SetLimit("Testing", 3));

        events.Select(e => e.GetType()).ShouldBe([typeof(LaneChanged), typeof(LineResumed)]);
        _board.Board.StopLineThreshold.ShouldBe(6);
    }

    [Fact]
    public void Lowering_an_untested_lane_s_limit_lowers_the_default_threshold_and_can_stop_the_line()
    {
        _board.Fill("Ready for test", 3);

        var events = _board.EventsDuring(() => _board.SetLimit("Testing", 0));

        events.Select(e => e.GetType()).ShouldBe([typeof(LaneChanged), typeof(LineStopped)]);
        events[1].ShouldBeOfType<LineStopped>().Reason.ShouldBe("3 untested cards, threshold 3");
    }

    [Fact]
    public void A_lane_that_is_no_longer_untested_stops_counting_and_can_resume_the_line()
    {
        _board.ChangeSettings(s => s.StopLineThreshold = 4);
        _board.Fill("Ready for test", 3);
        _board.Fill("Testing", 1);
        _board.Board.Line.Stopped.ShouldBeTrue();

        var events = _board.EventsDuring(() => _board.SetUntested("Testing", false));

        events.Select(e => e.GetType()).ShouldBe([typeof(LaneChanged), typeof(LineResumed)]);
        _board.UntestedCount.ShouldBe(3);
    }

    [Fact]
    public void A_lane_marked_untested_starts_counting_and_can_stop_the_line()
    {
        _board.ChangeSettings(s => s.StopLineThreshold = 5);
        _board.Fill("In progress", 2);
        _board.Fill("Ready for test", 3);

        var events = _board.EventsDuring(() => _board.SetUntested("In progress", true));

        events.Select(e => e.GetType()).ShouldBe([typeof(LaneChanged), typeof(LineStopped)]);
        events[1].ShouldBeOfType<LineStopped>().Reason.ShouldBe("5 untested cards, threshold 5");
    }

    [Fact]
    public void Marking_a_lane_untested_moves_the_boundary_of_what_counts_as_a_pull()
    {
        var waiting = _board.Fill("Ready", 1)[0];
        _board.StopLine("Release freeze");
        _board.SetUntested("In progress", true);

        _board.Move(waiting, "In progress");

        waiting.LaneId.ShouldBe(_board.Lane("In progress").Id);
    }

    [Fact]
    public void Adding_an_untested_lane_with_a_limit_raises_the_default_threshold_and_resumes_the_line()
    {
        StopTheLineByUntestedWork();

        var events = _board.EventsDuring(() => _board.AddLane("Code review", LaneKind.Queue, 2, untested: true, order: 3));

        events.Select(e => e.GetType()).ShouldBe([typeof(LaneAdded), typeof(LineResumed)]);
        _board.Board.StopLineThreshold.ShouldBe(7);
    }

    [Fact]
    public void Removing_an_empty_untested_lane_lowers_the_default_threshold_and_can_stop_the_line()
    {
        _board.Fill("Ready for test", 3);

        var events = _board.EventsDuring(() => _board.RemoveLane("Testing"));

        events.Select(e => e.GetType()).ShouldBe([typeof(LaneRemoved), typeof(LineStopped)]);
        _board.Board.StopLineThreshold.ShouldBe(3);
    }

    [Fact]
    public void Settings_and_lane_changes_that_leave_the_line_as_it_was_raise_no_line_event()
    {
        StopTheLineByUntestedWork();

        var events = _board.EventsDuring(() =>
        {
            _board.ChangeSettings(s => s.PersonalWipLimit = 3);
            _board.SetLimit("Ready", 4);
        });

        events.Select(e => e.GetType()).ShouldBe([typeof(SettingsChanged), typeof(LaneChanged)]);
        _board.Board.Line.Stopped.ShouldBeTrue();
    }

    /// <summary>
    /// Ready and In progress hold 2 cards each; Ready for test (3 of 3) and Testing (2 of 2) hold the
    /// 5 untested cards that stop the line. Returns a card waiting in Ready and one in progress.
    /// </summary>
    private (Card Waiting, Card Started) StopTheLineByUntestedWork()
    {
        var waiting = _board.Fill("Ready", 2)[^1];
        var started = _board.Fill("In progress", 2)[^1];
        PileUpUntestedWork();
        _board.Fill("Testing", 1);
        _board.Board.Line.Stopped.ShouldBeTrue();
        _board.Board.Line.Kind.ShouldBe(LineStopKind.Auto);
        return (waiting, started);
    }

    /// <summary>4 untested cards: one short of the default threshold.</summary>
    private void PileUpUntestedWork()
    {
        _board.Fill("Ready for test", 3);
        _board.Fill("Testing", 1);
        _board.Board.Line.Stopped.ShouldBeFalse();
    }

    /// <summary>
    /// A threshold of 3 stops the line with room left in Ready for test (2 of 3) and Testing (1 of 2).
    /// Returns a card in each of Backlog, Ready and In progress.
    /// </summary>
    private Dictionary<string, Card> StopTheLineWithRoomInTheUntestedLanes()
    {
        var cards = new Dictionary<string, Card>
        {
            ["Backlog"] = _board.Fill("Backlog", 1)[0],
            ["Ready"] = _board.Fill("Ready", 1)[0],
            ["In progress"] = _board.Fill("In progress", 1)[0],
        };
        _board.ChangeSettings(s => s.StopLineThreshold = 3);
        _board.Fill("Ready for test", 2);
        _board.Fill("Testing", 1);
        _board.Board.Line.Stopped.ShouldBeTrue();
        return cards;
    }
}
