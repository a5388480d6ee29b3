using Kanban.Domain.Boards;
using Kanban.Domain.Tickets;
using static Kanban.Domain.Tests.TestBoards;

namespace Kanban.Domain.Tests.Boards;

/// <summary>Rule 10: every change raises one event, numbered by the board's version, with a readable summary.</summary>
public sealed class BoardEventsTests
{
    private readonly BoardHarness _board = new();

    [Fact]
    public void Each_kind_of_change_raises_its_event_with_the_next_version()
    {
        var card = _board.Submit();
        _board.Move(card, "Ready");
        _board.Assign(card, Alice);
        _board.Block(card);
        _board.Unblock(card);
        var review = _board.AddLane("Review", LaneKind.Queue, 4, untested: false);
        _board.SetLimit("Review", 2);
        _board.RemoveLane("Review");
        _board.ChangeSettings(s => s.StaleDays = 4);
        _board.StopLine("Release freeze");
        _board.ResumeLine("Release shipped");

        _board.Board.Events.Select(e => e.GetType()).ShouldBe(
        [
            typeof(TicketSubmitted), typeof(TicketAccepted), typeof(CardMoved), typeof(CardAssigned), typeof(CardBlocked), typeof(CardUnblocked),
            typeof(LaneAdded), typeof(LaneChanged), typeof(LaneRemoved), typeof(SettingsChanged),
            typeof(LineStopped), typeof(LineResumed),
        ]);
        _board.Board.Events.Select(e => e.Version).ShouldBe([2L, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
        _board.Board.Version.ShouldBe(13);
        review.Id.ShouldBe(_board.Board.Events.OfType<LaneRemoved>().Single().LaneId);
    }

    [Fact]
    public void A_new_board_has_raised_no_events_yet()
    {
        _board.Board.Events.ShouldBeEmpty();
        _board.Board.Version.ShouldBe(1);
    }

    [Fact]
    public void Events_carry_when_and_by_whom()
    {
        _board.Wait(TimeSpan.FromHours(2));

        var card = _board.Submit(by: Bob);
        _board.Move(card, "Ready", by: Alice);

        _board.Board.Events.Select(e => (e.At, e.By)).ShouldBe([(Now.AddHours(2), (Guid?)Bob), (Now.AddHours(2), Bob), (Now.AddHours(2), Alice)]);
    }

    [Fact]
    public void A_move_that_stops_the_line_raises_the_move_then_the_stop_with_consecutive_versions()
    {
        _board.Fill("Ready for test", 3);
        _board.Fill("Testing", 1);
        var fifth = _board.Submit();
        var version = _board.Board.Version;

        var events = _board.EventsDuring(() => _board.Move(fifth, "Testing", by: Alice));

        events.Select(e => (e.GetType(), e.Version)).ShouldBe([(typeof(CardMoved), version + 1), (typeof(LineStopped), version + 2)]);
        events.ShouldAllBe(e => e.By == Alice && e.At == Now);
        _board.Board.Version.ShouldBe(version + 2);
    }

    [Fact]
    public void A_move_that_resumes_the_line_raises_the_move_then_the_resume_with_consecutive_versions()
    {
        _board.Fill("Ready for test", 3);
        var tested = _board.Fill("Testing", 2)[0];
        var version = _board.Board.Version;

        var events = _board.EventsDuring(() => _board.Move(tested, "Done"));

        events.Select(e => (e.GetType(), e.Version)).ShouldBe([(typeof(CardMoved), version + 1), (typeof(LineResumed), version + 2)]);
    }

    [Fact]
    public void A_settings_change_that_stops_the_line_raises_the_change_then_the_stop()
    {
        _board.Fill("Ready for test", 2);
        var version = _board.Board.Version;

        var events = _board.EventsDuring(() => _board.ChangeSettings(s => s.StopLineThreshold = 2));

        events.Select(e => (e.GetType(), e.Version)).ShouldBe([(typeof(SettingsChanged), version + 1), (typeof(LineStopped), version + 2)]);
    }

    [Fact]
    public void A_refused_change_raises_no_event_and_keeps_the_version()
    {
        _board.Fill("Testing", 2);
        var card = _board.Submit();
        var version = _board.Board.Version;
        var events = _board.Board.Events.Count;

        Should.Throw<RuleViolation>(() => _board.Move(card, "Testing"));

        _board.Board.Version.ShouldBe(version);
        _board.Board.Events.Count.ShouldBe(events);
    }

    [Fact]
    public void Unblocking_a_card_that_is_not_blocked_raises_no_event()
    {
        var card = _board.Submit();

        _board.EventsDuring(() => _board.Unblock(card)).ShouldBeEmpty();
    }

    [Fact]
    public void A_card_event_names_the_card_and_the_lanes_it_moved_between()
    {
        var card = _board.Submit();
        var ready = _board.Lane("Ready");

        var moved = _board.EventsDuring(() => _board.Move(card, ready)).ShouldHaveSingleItem().ShouldBeOfType<CardMoved>();

        moved.CardId.ShouldBe(card.Id);
        moved.CardKey.ShouldBe("DEMO-1");
        (moved.FromLaneId, moved.FromLaneName).ShouldBe((_board.Board.BacklogLane.Id, "Backlog"));
        (moved.ToLaneId, moved.ToLaneName).ShouldBe((ready.Id, "Ready"));
    }

    [Fact]
    public void An_assignment_event_names_the_assignee_before_and_after()
    {
        var card = _board.Submit();
        _board.Assign(card, Alice);

        var assigned = _board.EventsDuring(() => _board.Assign(card, Bob)).ShouldHaveSingleItem().ShouldBeOfType<CardAssigned>();

        assigned.FromAssigneeId.ShouldBe(Alice);
        assigned.ToAssigneeId.ShouldBe(Bob);
    }

    [Fact]
    public void A_lane_change_keeps_the_lane_before_and_after()
    {
        var ready = _board.Lane("Ready");

        var changed = _board.EventsDuring(() => _board.SetLimit("Ready", 2)).ShouldHaveSingleItem().ShouldBeOfType<LaneChanged>();

        changed.LaneId.ShouldBe(ready.Id);
        changed.Before.ShouldBe(new LaneSnapshot("Ready", LaneKind.Queue, 5, false, 1));
        changed.After.ShouldBe(new LaneSnapshot("Ready", LaneKind.Queue, 2, false, 1));
    }

    [Fact]
    public void Card_summaries_read_as_sentences()
    {
        var card = _board.Submit();
        var other = _board.Submit();
        _board.Submit();
        _board.Move(card, "Ready");
        _board.Move(other, "Backlog", index: 2);
        _board.Assign(card, Alice);
        _board.Block(card, "Waiting for the bank");
        _board.Wait(new TimeSpan(1, 30, 0));
        _board.Unblock(card);
        _board.Assign(card, null);

        _board.Board.Events.Select(e => e.Summary).ShouldBe(
        [
            "DEMO-1 submitted for triage",
            "DEMO-1 accepted into Backlog",
            "DEMO-2 submitted for triage",
            "DEMO-2 accepted into Backlog",
            "DEMO-3 submitted for triage",
            "DEMO-3 accepted into Backlog",
            "DEMO-1 moved from Backlog to Ready",
            "DEMO-2 reordered in Backlog",
            "DEMO-1 assigned",
            "DEMO-1 blocked: Waiting for the bank",
            "DEMO-1 unblocked after 1 h 30 min",
            "DEMO-1 unassigned",
        ]);
    }

    [Fact]
    public void A_lane_added_summary_gives_its_kind_limit_and_untested_flag()
    {
        _board.AddLane("Code review", LaneKind.Queue, 4, untested: true);
        _board.AddLane("Released", LaneKind.Done, null, untested: false);

        _board.Board.Events.Select(e => e.Summary).ShouldBe(
        [
            "Lane Code review added (Queue, limit 4, untested)",
            "Lane Released added (Done, no limit)",
        ]);
    }

    [Fact]
    public void A_lane_changed_summary_gives_the_old_and_new_WIP_limit()
    {
        var summary = _board.EventsDuring(() => _board.SetLimit("Ready for test", 1)).Single().Summary;

        summary.ShouldBe("Lane Ready for test: WIP limit 3 → 1");
    }

    [Fact]
    public void A_lane_changed_summary_says_none_for_a_missing_limit()
    {
        _board.SetLimit("Ready", null);
        _board.SetLimit("Ready", 4);

        _board.Board.Events.Select(e => e.Summary).ShouldBe(["Lane Ready: WIP limit 5 → none", "Lane Ready: WIP limit none → 4"]);
    }

    [Fact]
    public void A_lane_changed_summary_lists_every_change()
    {
        var ready = _board.Lane("Ready");

        _board.Board.UpdateLane(ready, "Selected", LaneKind.Active, ready.WipLimit, untested: true, order: 4, _board.LaneCounts, Now, by: null);

        _board.Board.Events.Single().Summary.ShouldBe("Lane Ready: renamed to Selected; kind Queue → Active; now untested; position 2 → 5");
    }

    [Fact]
    public void Lane_removed_and_settings_changed_summaries_name_what_changed()
    {
        _board.RemoveLane("Ready");
        _board.ChangeSettings(s =>
        {
            s.PersonalWipLimit = 1;
            s.StopLineThreshold = 4;
        });

        _board.Board.Events.Select(e => e.Summary).ShouldBe(
        [
            "Lane Ready deleted",
            "Settings changed: personal WIP limit 2 → 1; stop-the-line threshold automatic → 4",
        ]);
    }

    [Fact]
    public void Line_summaries_say_how_the_line_stopped_and_how_long_it_was_stopped()
    {
        _board.StopLine("The payments sandbox is down");
        _board.Wait(new TimeSpan(2, 30, 0));
        _board.ResumeLine("Sandbox is back");
        _board.Fill("Ready for test", 3);
        _board.Fill("Testing", 2);
        _board.Wait(TimeSpan.FromDays(1) + TimeSpan.FromHours(3));
        _board.Move(_board.CardsIn(_board.Lane("Testing"))[0], "Done");

        _board.Board.Events.OfType<LineStopped>().Select(e => e.Summary).ShouldBe(
        [
            "Line stopped with the andon cord: The payments sandbox is down",
            "Line stopped automatically: 5 untested cards, threshold 5",
        ]);
        _board.Board.Events.OfType<LineResumed>().Select(e => e.Summary).ShouldBe(
        [
            "Line resumed after 2 h 30 min: Sandbox is back",
            "Line resumed after 1 d 3 h: untested cards down to 4, under the threshold of 5",
        ]);
    }

    [Theory]
    [InlineData(0, "less than a minute")]
    [InlineData(59, "less than a minute")]
    [InlineData(60, "1 min")]
    [InlineData(45 * 60, "45 min")]
    [InlineData(60 * 60, "1 h 0 min")]
    [InlineData((23 * 60 * 60) + (59 * 60), "23 h 59 min")]
    [InlineData(24 * 60 * 60, "1 d 0 h")]
    [InlineData((3 * 24 * 60 * 60) + (5 * 60 * 60) + 7, "3 d 5 h")]
    public void Durations_are_described_in_the_largest_sensible_units(int seconds, string expected)
    {
        Durations.Describe(TimeSpan.FromSeconds(seconds)).ShouldBe(expected);
    }
}
