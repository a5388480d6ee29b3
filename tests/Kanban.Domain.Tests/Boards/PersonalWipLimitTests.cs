using Kanban.Domain.Boards;
using Kanban.Domain.Problems;
using static Kanban.Domain.Tests.TestBoards;

namespace Kanban.Domain.Tests.Boards;

/// <summary>Rule 2: a person holds at most N cards in active lanes (default 2): finish before starting.</summary>
public sealed class PersonalWipLimitTests
{
    private readonly BoardHarness _board = new();

    [Fact]
    public void Pulling_an_assigned_card_into_an_active_lane_when_the_assignee_is_at_the_limit_is_refused()
    {
        _board.Fill("In progress", 2, Alice);
        var third = _board.Fill("Ready", 1, Alice)[0];

        var refusal = _board.Refused(() => _board.Move(third, "In progress"));

        refusal.ProblemType.ShouldBe(ProblemType.PersonalWipLimitReached);
        refusal.Figures["assigneeId"].ShouldBe(Alice);
        refusal.Figures["count"].ShouldBe(2);
        refusal.Figures["limit"].ShouldBe(2);
        refusal.Message.ShouldBe(
            "The assignee already holds 2 of 2 cards in active lanes. Finish one of them first, or give this card to someone with room.");
        third.LaneId.ShouldBe(_board.Lane("Ready").Id);
    }

    [Fact]
    public void Cards_in_every_active_lane_count_towards_the_personal_limit()
    {
        _board.Fill("In progress", 1, Alice);
        _board.Fill("Testing", 1, Alice);
        var third = _board.Fill("Ready", 1, Alice)[0];

        var refusal = _board.Refused(() => _board.Move(third, "Testing"));

        refusal.ProblemType.ShouldBe(ProblemType.PersonalWipLimitReached);
        refusal.Figures["count"].ShouldBe(2);
    }

    [Fact]
    public void Below_the_limit_the_assignee_pulls_freely()
    {
        _board.Fill("In progress", 1, Alice);
        var second = _board.Fill("Ready", 1, Alice)[0];

        _board.Move(second, "In progress");

        _board.ActiveCardsOf(Alice).ShouldBe(2);
    }

    [Fact]
    public void Cards_in_queue_and_backlog_lanes_do_not_count_towards_the_personal_limit()
    {
        var waiting = _board.Fill("Ready", 3, Alice);
        _board.Fill("Ready for test", 2, Alice);
        _board.Fill("Backlog", 2, Alice);

        _board.Move(waiting[0], "In progress");
        _board.Move(waiting[1], "In progress");

        _board.ActiveCardsOf(Alice).ShouldBe(2);
    }

    [Fact]
    public void Moving_a_card_from_one_active_lane_to_another_is_not_a_new_pull()
    {
        var held = _board.Fill("In progress", 2, Alice);

        _board.Move(held[0], "Testing");

        held[0].LaneId.ShouldBe(_board.Lane("Testing").Id);
        _board.ActiveCardsOf(Alice).ShouldBe(2);
    }

    [Fact]
    public void The_limit_counts_only_the_assignee_s_own_cards()
    {
        _board.Fill("In progress", 2, Alice);
        var bobs = _board.Fill("Ready", 1, Bob)[0];

        _board.Move(bobs, "In progress");

        bobs.LaneId.ShouldBe(_board.Lane("In progress").Id);
    }

    [Fact]
    public void Unassigned_cards_are_not_limited()
    {
        _board.ChangeSettings(s => s.PersonalWipLimit = 1);
        var waiting = _board.Fill("Ready", 3);

        foreach (var card in waiting)
        {
            _board.Move(card, "In progress");
        }

        _board.CountIn("In progress").ShouldBe(3);
    }

    [Fact]
    public void The_personal_limit_comes_from_the_board_settings()
    {
        _board.ChangeSettings(s => s.PersonalWipLimit = 1);
        _board.Fill("In progress", 1, Alice);
        var second = _board.Fill("Ready", 1, Alice)[0];

        var refusal = _board.Refused(() => _board.Move(second, "In progress"));

        refusal.Figures["count"].ShouldBe(1);
        refusal.Figures["limit"].ShouldBe(1);
    }

    [Fact]
    public void Raising_the_personal_limit_lets_the_assignee_pull_again()
    {
        _board.Fill("In progress", 2, Alice);
        var third = _board.Fill("Ready", 1, Alice)[0];
        _board.Refused(() => _board.Move(third, "In progress"));

        _board.ChangeSettings(s => s.PersonalWipLimit = 3);
        _board.Move(third, "In progress");

        _board.ActiveCardsOf(Alice).ShouldBe(3);
    }

    [Fact]
    public void Lowering_the_personal_limit_below_what_someone_holds_takes_nothing_away_and_stops_new_pulls()
    {
        var held = _board.Fill("In progress", 2, Alice);
        var third = _board.Fill("Ready", 1, Alice)[0];

        _board.ChangeSettings(s => s.PersonalWipLimit = 1);

        held.ShouldAllBe(c => c.AssigneeId == Alice && c.LaneId == _board.Lane("In progress").Id);
        _board.Refused(() => _board.Move(third, "In progress")).Figures["count"].ShouldBe(2);
        _board.Move(held[0], "Testing");
        _board.ActiveCardsOf(Alice).ShouldBe(2);
    }

    [Fact]
    public void Assigning_a_card_in_an_active_lane_to_a_person_at_the_limit_is_refused()
    {
        _board.Fill("In progress", 2, Alice);
        var card = _board.Fill("Testing", 1)[0];

        var refusal = _board.Refused(() => _board.Assign(card, Alice));

        refusal.ProblemType.ShouldBe(ProblemType.PersonalWipLimitReached);
        refusal.Figures["assigneeId"].ShouldBe(Alice);
        refusal.Figures["count"].ShouldBe(2);
        refusal.Figures["limit"].ShouldBe(2);
        card.AssigneeId.ShouldBeNull();
    }

    [Fact]
    public void Handing_a_card_in_an_active_lane_to_someone_at_the_limit_is_refused_and_it_stays_with_its_assignee()
    {
        _board.Fill("In progress", 2, Alice);
        var bobs = _board.Fill("Testing", 1, Bob)[0];

        _board.Refused(() => _board.Assign(bobs, Alice));

        bobs.AssigneeId.ShouldBe(Bob);
    }

    [Fact]
    public void Handing_a_card_in_an_active_lane_to_someone_with_room_is_allowed()
    {
        var alices = _board.Fill("In progress", 2, Alice);
        _board.Fill("Testing", 1, Bob);

        _board.Assign(alices[0], Bob);

        alices[0].AssigneeId.ShouldBe(Bob);
        _board.ActiveCardsOf(Alice).ShouldBe(1);
        _board.ActiveCardsOf(Bob).ShouldBe(2);
    }

    [Theory]
    [InlineData("Backlog")]
    [InlineData("Ready")]
    [InlineData("Ready for test")]
    [InlineData("Done")]
    public void Assigning_a_card_outside_the_active_lanes_to_a_person_at_the_limit_is_allowed(string laneName)
    {
        _board.Fill("In progress", 2, Alice);
        var card = _board.Fill(laneName, 1)[0];

        var events = _board.EventsDuring(() => _board.Assign(card, Alice));

        card.AssigneeId.ShouldBe(Alice);
        events.ShouldHaveSingleItem().ShouldBeOfType<CardAssigned>().ToAssigneeId.ShouldBe(Alice);
    }

    [Fact]
    public void Assigning_a_card_to_the_person_who_already_has_it_is_a_no_op_even_at_the_limit()
    {
        var held = _board.Fill("In progress", 2, Alice);
        var version = _board.Board.Version;
        var updatedAt = held[0].UpdatedAt;
        _board.Wait(TimeSpan.FromHours(1));

        var events = _board.EventsDuring(() => _board.Assign(held[0], Alice));

        events.ShouldBeEmpty();
        _board.Board.Version.ShouldBe(version);
        held[0].UpdatedAt.ShouldBe(updatedAt);
    }

    [Fact]
    public void Unassigning_a_card_is_allowed_even_over_the_limit()
    {
        var held = _board.Fill("In progress", 2, Alice);
        _board.ChangeSettings(s => s.PersonalWipLimit = 1);

        _board.Assign(held[0], null);

        held[0].AssigneeId.ShouldBeNull();
        _board.ActiveCardsOf(Alice).ShouldBe(1);
    }

    [Fact]
    public void The_personal_limit_is_checked_before_the_stopped_line()
    {
        var third = _board.Fill("Ready", 1, Alice)[0];
        _board.Fill("In progress", 2, Alice);
        _board.StopLine("The staging database is down");

        var refusal = _board.Refused(() => _board.Move(third, "In progress"));

        refusal.ProblemType.ShouldBe(ProblemType.PersonalWipLimitReached);
    }
}
