using Kanban.Domain.Boards;
using static Kanban.Domain.Tests.TestBoards;

namespace Kanban.Domain.Tests.Boards;

/// <summary>A save that changes nothing raises no event, so it records nothing and keeps the board's version.</summary>
public sealed class NoChangeTests
{
    private readonly BoardHarness _board = new();

    [Fact]
    public void Blocking_a_card_again_for_the_same_reason_changes_nothing()
    {
        var card = _board.Submit();
        _board.Block(card, "Waiting for the bank");
        _board.Wait(TimeSpan.FromHours(1));

        NothingChanges(() => _board.Block(card, "Waiting for the bank"));

        (card.BlockedReason, card.BlockedSince, card.UpdatedAt).ShouldBe(("Waiting for the bank", Now, Now));
    }

    [Fact]
    public void Saving_a_lane_as_it_is_changes_nothing()
    {
        var ready = _board.Lane("Ready");

        NothingChanges(() => _board.Board.UpdateLane(ready, "Ready", LaneKind.Queue, 5, untested: false, order: 1, _board.LaneCounts, _board.Clock, by: null));

        _board.Board.LaneNamesInOrder().ShouldBe(["Backlog", "Ready", "In progress", "Ready for test", "Testing", "Done"]);
    }

    [Fact]
    public void Saving_the_last_lane_at_a_position_past_the_end_is_where_it_already_is()
    {
        var done = _board.Lane("Done");

        NothingChanges(() => _board.Board.UpdateLane(done, "Done", LaneKind.Done, null, untested: false, order: 99, _board.LaneCounts, _board.Clock, by: null));
    }

    [Fact]
    public void Moving_a_lane_to_another_position_is_a_change()
    {
        var ready = _board.Lane("Ready");

        _board.EventsDuring(() => _board.Board.UpdateLane(ready, "Ready", LaneKind.Queue, 5, untested: false, order: 2, _board.LaneCounts, _board.Clock, by: null))
            .ShouldHaveSingleItem().ShouldBeOfType<LaneChanged>();
    }

    [Fact]
    public void Saving_the_settings_as_they_are_changes_nothing()
    {
        NothingChanges(() => _board.ChangeSettings(_ => { }));
    }

    [Fact]
    public void Settings_whose_filler_words_differ_only_in_order_are_still_saved()
    {
        var events = _board.EventsDuring(() => _board.ChangeSettings(s => s.FillerWords = [.. s.FillerWords.AsEnumerable().Reverse()]));

        events.ShouldHaveSingleItem().ShouldBeOfType<SettingsChanged>();
    }

    [Fact]
    public void Moving_a_card_to_its_own_place_in_its_lane_changes_nothing()
    {
        var first = _board.Submit();
        var second = _board.Submit();
        _board.Submit();

        NothingChanges(() => _board.Move(second, "Backlog", index: 1).ShouldBeNull());

        _board.CardsIn(_board.Board.BacklogLane)[1].ShouldBe(second);
        first.UpdatedAt.ShouldBe(Now);
    }

    [Fact]
    public void Moving_the_last_card_to_the_end_of_its_lane_changes_nothing()
    {
        _board.Submit();
        var last = _board.Submit();

        NothingChanges(() => _board.Move(last, "Backlog"));
    }

    [Fact]
    public void Moving_a_card_within_a_done_lane_changes_nothing()
    {
        var cards = _board.Fill("Done", 2);

        NothingChanges(() => _board.Move(cards[1], "Done", index: 0));

        _board.CardsIn(_board.Lane("Done")).ShouldBe(cards);
    }

    [Fact]
    public void Moving_a_card_to_another_place_in_its_lane_is_a_change()
    {
        var first = _board.Submit();
        _board.Submit();

        _board.EventsDuring(() => _board.Move(first, "Backlog", index: 1)).ShouldHaveSingleItem().ShouldBeOfType<CardMoved>();
    }

    [Fact]
    public void Assigning_the_current_assignee_and_unblocking_an_unblocked_card_change_nothing()
    {
        var card = _board.Submit();
        _board.Assign(card, Alice);

        NothingChanges(() =>
        {
            _board.Assign(card, Alice);
            _board.Unblock(card);
        });
    }

    private void NothingChanges(Action action)
    {
        _board.Wait(TimeSpan.FromMinutes(5));
        var version = _board.Board.Version;
        var cards = _board.Tickets.Select(c => (c.Id, c.LaneId, c.Rank, c.AssigneeId, c.Blocked, c.UpdatedAt, c.LastMovedAt)).ToList();

        _board.EventsDuring(action).ShouldBeEmpty();

        _board.Board.Version.ShouldBe(version);
        _board.Tickets.Select(c => (c.Id, c.LaneId, c.Rank, c.AssigneeId, c.Blocked, c.UpdatedAt, c.LastMovedAt)).ShouldBe(cards);
    }
}
