using Kanban.Domain.Boards;
using static Kanban.Domain.Tests.TestBoards;

namespace Kanban.Domain.Tests.Cards;

public sealed class AssignCardTests
{
    private readonly BoardHarness _board = new();

    [Fact]
    public void Assigning_a_card_sets_the_assignee_and_records_it()
    {
        var card = _board.Submit();
        _board.Wait(TimeSpan.FromMinutes(30));

        var events = _board.EventsDuring(() => _board.Assign(card, Alice, by: Bob));

        card.AssigneeId.ShouldBe(Alice);
        card.UpdatedAt.ShouldBe(Now.AddMinutes(30));
        var assigned = events.ShouldHaveSingleItem().ShouldBeOfType<CardAssigned>();
        (assigned.CardId, assigned.FromAssigneeId, assigned.ToAssigneeId, assigned.By).ShouldBe((card.Id, (Guid?)null, (Guid?)Alice, (Guid?)Bob));
    }

    [Fact]
    public void Unassigning_a_card_clears_the_assignee_and_records_who_had_it()
    {
        var card = _board.Submit();
        _board.Assign(card, Alice);

        var events = _board.EventsDuring(() => _board.Assign(card, null));

        card.AssigneeId.ShouldBeNull();
        var unassigned = events.ShouldHaveSingleItem().ShouldBeOfType<CardAssigned>();
        (unassigned.FromAssigneeId, unassigned.ToAssigneeId).ShouldBe(((Guid?)Alice, (Guid?)null));
    }

    [Fact]
    public void Unassigning_an_unassigned_card_is_a_no_op()
    {
        var card = _board.Submit();
        var version = _board.Board.Version;

        _board.EventsDuring(() => _board.Assign(card, null)).ShouldBeEmpty();
        _board.Board.Version.ShouldBe(version);
    }

    [Fact]
    public void Assigning_a_card_to_the_person_who_has_it_is_a_no_op()
    {
        var card = _board.Submit();
        _board.Assign(card, Alice);
        var version = _board.Board.Version;

        _board.EventsDuring(() => _board.Assign(card, Alice)).ShouldBeEmpty();
        _board.Board.Version.ShouldBe(version);
    }
}
