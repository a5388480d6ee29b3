using Kanban.Domain.Boards;
using static Kanban.Domain.Tests.TestBoards;

namespace Kanban.Domain.Tests.Boards;

public sealed class ActivityEntryTests
{
    private readonly BoardHarness _board = new();

    [Fact]
    public void An_entry_copies_the_event_s_version_time_author_kind_card_and_summary()
    {
        var card = _board.Submit();
        _board.Wait(TimeSpan.FromMinutes(15));
        var moved = _board.EventsDuring(() => _board.Move(card, "Ready", by: Alice)).Single();

        var entry = new ActivityEntry(_board.Board.Id, moved, """{"toLaneName":"Ready"}""");

        entry.BoardId.ShouldBe(_board.Board.Id);
        entry.Version.ShouldBe(4); // submitted 2, accepted 3, moved 4
        entry.At.ShouldBe(Now.AddMinutes(15));
        entry.By.ShouldBe(Alice);
        entry.Kind.ShouldBe("CardMoved");
        entry.CardId.ShouldBe(card.Id);
        entry.Summary.ShouldBe("DEMO-1 moved from Backlog to Ready");
        entry.Data.ShouldBe("""{"toLaneName":"Ready"}""");
        entry.Id.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public void Every_card_event_gives_its_entry_the_card_id_and_board_events_give_none()
    {
        var card = _board.Submit();
        _board.Move(card, "Ready");
        _board.Assign(card, Alice);
        _board.Block(card);
        _board.Unblock(card);
        _board.SetLimit("Ready", 4);
        _board.AddLane("Review", LaneKind.Queue, 2, untested: false);
        _board.RemoveLane("Review");
        _board.ChangeSettings(s => s.StaleDays = 5);
        _board.StopLine("Release freeze");
        _board.ResumeLine("Released");

        var entries = _board.Board.Events.Select(e => new ActivityEntry(_board.Board.Id, e, "{}")).ToList();

        entries.Select(e => (e.Kind, e.CardId)).ShouldBe(
        [
            ("TicketSubmitted", (Guid?)card.Id),
            ("TicketAccepted", card.Id),
            ("CardMoved", card.Id),
            ("CardAssigned", card.Id),
            ("CardBlocked", card.Id),
            ("CardUnblocked", card.Id),
            ("LaneChanged", null),
            ("LaneAdded", null),
            ("LaneRemoved", null),
            ("SettingsChanged", null),
            ("LineStopped", null),
            ("LineResumed", null),
        ]);
        entries.Select(e => e.Version).ShouldBe(_board.Board.Events.Select(e => e.Version));
        entries.Select(e => e.Summary).ShouldBe(_board.Board.Events.Select(e => e.Summary));
        entries.Select(e => e.Id).Distinct().Count().ShouldBe(entries.Count);
    }
}
