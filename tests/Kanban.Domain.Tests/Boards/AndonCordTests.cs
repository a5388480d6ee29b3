using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Kanban.Domain.Problems;
using static Kanban.Domain.Tests.TestBoards;

namespace Kanban.Domain.Tests.Boards;

/// <summary>Rule 4, by hand: anyone stops the line with a reason, and it is resumed with a note.</summary>
public sealed class AndonCordTests
{
    private const string Reason = "The payments sandbox rejects every test card";

    private readonly BoardHarness _board = new();

    [Fact]
    public void Pulling_the_andon_cord_stops_the_line_by_hand_with_who_why_and_when()
    {
        var events = _board.EventsDuring(() => _board.StopLine(Reason, by: Alice));

        var stopped = events.ShouldHaveSingleItem().ShouldBeOfType<LineStopped>();
        stopped.Kind.ShouldBe(LineStopKind.Manual);
        stopped.Reason.ShouldBe(Reason);
        stopped.By.ShouldBe(Alice);
        stopped.At.ShouldBe(Now);
        _board.Board.Line.ShouldBe(new LineState(true, Now, Reason, LineStopKind.Manual, Alice));
    }

    [Fact]
    public void The_stop_is_returned_and_kept_open_on_the_board()
    {
        var stop = _board.StopLine(Reason, by: Alice);

        _board.Board.LineStops.ShouldBe([stop]);
        stop.Kind.ShouldBe(LineStopKind.Manual);
        stop.Reason.ShouldBe(Reason);
        stop.StoppedAt.ShouldBe(Now);
        stop.StoppedBy.ShouldBe(Alice);
        stop.BoardId.ShouldBe(_board.Board.Id);
        stop.ResumedAt.ShouldBeNull();
        stop.Lasted.ShouldBeNull();
    }

    [Theory]
    [InlineData("Backlog", "Ready")]
    [InlineData("Ready", "In progress")]
    public void A_line_stopped_by_hand_refuses_pulls_and_says_why(string from, string to)
    {
        var card = _board.Fill(from, 1)[0];
        _board.StopLine(Reason);

        var refusal = _board.Refused(() => _board.Move(card, to));

        refusal.ProblemType.ShouldBe(ProblemType.LineStopped);
        refusal.Figures["kind"].ShouldBe("manual");
        refusal.Figures["reason"].ShouldBe(Reason);
        refusal.Figures["laneName"].ShouldBe(to);
        refusal.Figures["untestedCount"].ShouldBe(0);
        refusal.Figures["threshold"].ShouldBe(5);
        refusal.Message.ShouldContain(Reason);
        refusal.Message.ShouldContain($"nothing is pulled into {to} until it is resumed");
    }

    [Theory]
    [InlineData("In progress", "Ready for test")]
    [InlineData("In progress", "Done")]
    [InlineData("In progress", "Ready")]
    [InlineData("Ready", "Backlog")]
    public void A_line_stopped_by_hand_still_lets_work_move_downstream_and_backwards(string from, string to)
    {
        var card = _board.Fill(from, 1)[0];
        _board.StopLine(Reason);

        _board.Move(card, to);

        card.LaneId.ShouldBe(_board.Lane(to).Id);
    }

    [Fact]
    public void A_line_stopped_by_hand_still_takes_new_tickets()
    {
        _board.StopLine(Reason);

        _board.Submit();

        _board.CountIn("Backlog").ShouldBe(1);
    }

    [Fact]
    public void Stopping_a_line_already_stopped_by_hand_is_refused_with_since_when_and_why()
    {
        _board.StopLine(Reason);
        _board.Wait(TimeSpan.FromMinutes(20));

        var refusal = _board.Refused(() => _board.StopLine("Someone else also noticed"));

        refusal.ProblemType.ShouldBe(ProblemType.LineStopped);
        refusal.Figures["since"].ShouldBe(Now);
        refusal.Figures["reason"].ShouldBe(Reason);
        refusal.Message.ShouldContain("2026-11-02 09:00");
        refusal.Message.ShouldContain(Reason);
        _board.Board.LineStops.Count.ShouldBe(1);
    }

    [Fact]
    public void Resuming_closes_the_stop_with_the_note_who_and_how_long()
    {
        var stop = _board.StopLine(Reason, by: Alice);
        _board.Wait(TimeSpan.FromMinutes(45));

        var events = _board.EventsDuring(() => _board.ResumeLine("Sandbox fixed by the bank", by: Bob));

        var resumed = events.ShouldHaveSingleItem().ShouldBeOfType<LineResumed>();
        resumed.StopId.ShouldBe(stop.Id);
        resumed.Kind.ShouldBe(LineStopKind.Manual);
        resumed.Note.ShouldBe("Sandbox fixed by the bank");
        resumed.StoppedFor.ShouldBe(TimeSpan.FromMinutes(45));
        resumed.By.ShouldBe(Bob);
        stop.ResumedAt.ShouldBe(Now.AddMinutes(45));
        stop.ResumedBy.ShouldBe(Bob);
        stop.ResumeNote.ShouldBe("Sandbox fixed by the bank");
        stop.Lasted.ShouldBe(TimeSpan.FromMinutes(45));
        _board.Board.Line.ShouldBe(LineState.Running);
    }

    [Fact]
    public void ResumeLine_returns_the_stop_it_closed()
    {
        var stop = _board.StopLine(Reason);

        _board.ResumeLine("Fixed").ShouldBeSameAs(stop);
    }

    [Fact]
    public void Once_resumed_the_line_allows_pulls_again()
    {
        var card = _board.Submit();
        _board.StopLine(Reason);
        _board.ResumeLine("Fixed");

        _board.Move(card, "Ready");

        card.LaneId.ShouldBe(_board.Lane("Ready").Id);
    }

    [Fact]
    public void A_resumed_line_can_be_stopped_again_as_a_new_stop()
    {
        var first = _board.StopLine(Reason);
        _board.ResumeLine("Fixed");
        _board.Wait(TimeSpan.FromHours(3));

        var second = _board.StopLine("The build server is down");

        second.Id.ShouldNotBe(first.Id);
        _board.Board.Line.ShouldBe(new LineState(true, _board.Clock, "The build server is down", LineStopKind.Manual));
    }

    [Fact]
    public void Resuming_a_running_line_is_refused_as_line_not_stopped()
    {
        var refusal = _board.Refused(() => _board.ResumeLine("Nothing to do"));

        refusal.ProblemType.ShouldBe(ProblemType.LineNotStopped);
        refusal.Message.ShouldBe("The line is not stopped, so there is nothing to resume.");
    }

    [Fact]
    public void Resuming_a_line_that_was_already_resumed_is_refused_as_line_not_stopped()
    {
        _board.StopLine(Reason);
        _board.ResumeLine("Fixed");

        _board.Refused(() => _board.ResumeLine("Fixed twice")).ProblemType.ShouldBe(ProblemType.LineNotStopped);
    }

    [Fact]
    public void A_line_stopped_only_by_untested_work_cannot_be_resumed_by_hand()
    {
        StopTheLineByUntestedWork();

        var refusal = _board.Refused(() => _board.ResumeLine("Let us carry on anyway"));

        refusal.ProblemType.ShouldBe(ProblemType.LineStopped);
        refusal.Message.ShouldContain("5 untested cards, threshold 5");
        refusal.Message.ShouldContain("resumes by itself");
        _board.Board.Line.Kind.ShouldBe(LineStopKind.Auto);
    }

    [Fact]
    public void The_andon_cord_can_be_pulled_while_the_line_is_stopped_by_untested_work_and_the_line_then_reports_the_manual_stop()
    {
        StopTheLineByUntestedWork();
        _board.Wait(TimeSpan.FromMinutes(30));

        _board.StopLine(Reason);

        _board.Board.Line.ShouldBe(new LineState(true, _board.Clock, Reason, LineStopKind.Manual));
        _board.Board.LineStops.Select(s => s.Kind).ShouldBe([LineStopKind.Auto, LineStopKind.Manual], ignoreOrder: true);
    }

    [Fact]
    public void With_both_stops_open_a_refused_pull_gives_the_manual_reason()
    {
        var waiting = StopTheLineByUntestedWork();
        _board.StopLine(Reason);

        var refusal = _board.Refused(() => _board.Move(waiting, "In progress"));

        refusal.Figures["kind"].ShouldBe("manual");
        refusal.Figures["reason"].ShouldBe(Reason);
        refusal.Figures["untestedCount"].ShouldBe(5);
        refusal.Message.ShouldContain(Reason);
    }

    [Fact]
    public void Untested_work_piling_up_on_a_line_stopped_by_hand_opens_an_auto_stop_beside_it()
    {
        var waiting = _board.Fill("Ready", 1)[0];
        _board.StopLine(Reason);
        _board.Fill("Ready for test", 3);
        _board.Fill("Testing", 1);
        var fifth = _board.Submit();

        var events = _board.EventsDuring(() => _board.Move(fifth, "Testing"));

        events.Select(e => e.GetType()).ShouldBe([typeof(CardMoved), typeof(LineStopped)]);
        events[1].ShouldBeOfType<LineStopped>().Kind.ShouldBe(LineStopKind.Auto);
        _board.Board.Line.Kind.ShouldBe(LineStopKind.Manual);
        _board.Refused(() => _board.Move(waiting, "In progress")).Figures["kind"].ShouldBe("manual");
    }

    [Fact]
    public void Resuming_the_manual_stop_leaves_the_auto_stop_in_force()
    {
        var waiting = StopTheLineByUntestedWork();
        var since = _board.Clock;
        _board.Wait(TimeSpan.FromMinutes(30));
        _board.StopLine(Reason);

        var events = _board.EventsDuring(() => _board.ResumeLine("Sandbox fixed"));

        events.ShouldHaveSingleItem().ShouldBeOfType<LineResumed>().Kind.ShouldBe(LineStopKind.Manual);
        _board.Board.Line.ShouldBe(new LineState(true, since, "5 untested cards, threshold 5", LineStopKind.Auto));
        _board.Refused(() => _board.Move(waiting, "In progress")).Figures["kind"].ShouldBe("auto");
    }

    [Fact]
    public void When_untested_work_drains_the_manual_stop_stays_until_resumed_by_hand()
    {
        var waiting = StopTheLineByUntestedWork();
        _board.StopLine(Reason);

        var events = _board.EventsDuring(() => _board.Move(_board.CardsIn(_board.Lane("Testing"))[0], "Done"));

        events.Select(e => e.GetType()).ShouldBe([typeof(CardMoved), typeof(LineResumed)]);
        events[1].ShouldBeOfType<LineResumed>().Kind.ShouldBe(LineStopKind.Auto);
        _board.Board.Line.Kind.ShouldBe(LineStopKind.Manual);
        _board.Refused(() => _board.Move(waiting, "In progress")).Figures["kind"].ShouldBe("manual");
    }

    /// <summary>Stops the line with 5 untested cards and returns a card waiting in Ready.</summary>
    private Card StopTheLineByUntestedWork()
    {
        var waiting = _board.Fill("Ready", 1)[0];
        _board.Fill("Ready for test", 3);
        _board.Fill("Testing", 2);
        _board.Board.Line.Kind.ShouldBe(LineStopKind.Auto);
        return waiting;
    }

    [Fact]
    public void A_member_who_did_not_stop_the_line_cannot_resume_it()
    {
        _board.StopLine("Acquirer sandbox is down", by: Alice);

        var refusal = _board.Refused(() => _board.ResumeLine("Carry on", by: Bob, mayResumeAnyStop: false));

        refusal.ProblemType.ShouldBe(ProblemType.Forbidden);
        _board.Board.Line.Stopped.ShouldBeTrue();
    }

    [Fact]
    public void Whoever_stopped_the_line_can_resume_it_without_being_product_owner()
    {
        _board.StopLine("Acquirer sandbox is down", by: Alice);

        _board.ResumeLine("Sandbox is back", by: Alice, mayResumeAnyStop: false);

        _board.Board.Line.Stopped.ShouldBeFalse();
    }
}
