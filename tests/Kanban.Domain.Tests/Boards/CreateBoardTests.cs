using Kanban.Domain.Boards;
using static Kanban.Domain.Tests.TestBoards;

namespace Kanban.Domain.Tests.Boards;

public sealed class CreateBoardTests
{
    [Fact]
    public void A_new_board_gets_the_default_lanes_in_order()
    {
        var board = NewBoard();

        board.OrderedLanes
            .Select(l => (l.Name, l.Kind, l.WipLimit, l.Untested, l.Order))
            .ShouldBe(
            [
                ("Backlog", LaneKind.Backlog, (int?)null, false, 0),
                ("Ready", LaneKind.Queue, 5, false, 1),
                ("In progress", LaneKind.Active, 3, false, 2),
                ("Ready for test", LaneKind.Queue, 3, true, 3),
                ("Testing", LaneKind.Active, 2, true, 4),
                ("Done", LaneKind.Done, null, false, 5),
            ]);
    }

    [Fact]
    public void The_default_lanes_belong_to_the_new_board_and_have_distinct_ids()
    {
        var board = NewBoard();

        board.Lanes.ShouldAllBe(l => l.BoardId == board.Id);
        board.Lanes.Select(l => l.Id).Distinct().Count().ShouldBe(6);
        board.Id.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public void The_backlog_lane_is_the_single_lane_of_kind_backlog()
    {
        var board = NewBoard();

        board.BacklogLane.ShouldBeSameAs(board.LaneNamed("Backlog"));
    }

    [Fact]
    public void A_new_board_starts_at_version_1_with_no_cards_numbered()
    {
        var board = NewBoard();

        board.Version.ShouldBe(1);
        board.LastCardNumber.ShouldBe(0);
    }

    [Fact]
    public void A_new_board_keeps_its_name_key_creation_time_and_time_zone()
    {
        var board = Board.Create("Payments team", "PAY", Now, "Europe/Berlin");

        board.Name.ShouldBe("Payments team");
        board.Key.ShouldBe("PAY");
        board.CreatedAt.ShouldBe(Now);
        board.TimeZone.ShouldBe("Europe/Berlin");
    }

    [Fact]
    public void A_new_board_is_in_UTC_unless_told_otherwise()
    {
        NewBoard().TimeZone.ShouldBe("UTC");
    }

    [Fact]
    public void A_new_board_gets_the_default_rule_settings()
    {
        var settings = NewBoard().Settings;

        settings.PersonalWipLimit.ShouldBe(2);
        settings.StopLineThreshold.ShouldBeNull();
        settings.StaleDays.ShouldBe(3);
        settings.MaxEstimateDays.ShouldBe(5m);
        settings.FillerWords.ShouldBe(BoardSettings.DefaultFillerWords);
        settings.FillerWords.ShouldContain("as expected");
    }

    [Theory]
    [InlineData("demo")]
    [InlineData("Demo")]
    [InlineData("D")]
    [InlineData("ABCDEFGHIJK")]
    [InlineData("1DEMO")]
    [InlineData("DE-MO")]
    [InlineData("DE MO")]
    [InlineData("")]
    public void A_board_key_that_breaks_the_rule_is_refused(string key)
    {
        var refusal = Should.Throw<ArgumentException>(() => Board.Create("Demo board", key, Now));

        refusal.ParamName.ShouldBe("key");
        refusal.Message.ShouldContain(BoardKey.Rule);
    }

    [Theory]
    [InlineData("DE")]
    [InlineData("DEMO")]
    [InlineData("A1")]
    [InlineData("K8S2")]
    [InlineData("ABCDEFGHIJ")]
    public void A_board_key_of_2_to_10_capitals_or_digits_starting_with_a_letter_is_accepted(string key)
    {
        Board.Create("Demo board", key, Now).Key.ShouldBe(key);
    }
}
