using Kanban.Domain.Boards;
using static Kanban.Domain.Tests.TestBoards;

namespace Kanban.Domain.Tests.Cards;

public sealed class BlockCardTests
{
    private readonly BoardHarness _board = new();

    [Fact]
    public void Blocking_a_card_records_the_reason_and_since_when()
    {
        var card = _board.Submit();
        _board.Wait(TimeSpan.FromHours(1));

        var events = _board.EventsDuring(() => _board.Block(card, "Waiting for the bank"));

        card.Blocked.ShouldBeTrue();
        card.BlockedReason.ShouldBe("Waiting for the bank");
        card.BlockedSince.ShouldBe(Now.AddHours(1));
        card.UpdatedAt.ShouldBe(Now.AddHours(1));
        var blocked = events.ShouldHaveSingleItem().ShouldBeOfType<CardBlocked>();
        (blocked.CardId, blocked.Reason).ShouldBe((card.Id, "Waiting for the bank"));
    }

    [Fact]
    public void Blocking_a_blocked_card_again_changes_the_reason_and_keeps_since_when()
    {
        var card = _board.Submit();
        _board.Block(card, "Waiting for the bank");
        _board.Wait(TimeSpan.FromHours(2));

        var events = _board.EventsDuring(() => _board.Block(card, "Waiting for the bank's second test account"));

        card.BlockedReason.ShouldBe("Waiting for the bank's second test account");
        card.BlockedSince.ShouldBe(Now);
        events.ShouldHaveSingleItem().ShouldBeOfType<CardBlocked>();
    }

    [Fact]
    public void Unblocking_a_card_clears_the_block_and_records_how_long_it_lasted()
    {
        var card = _board.Submit();
        _board.Block(card, "Waiting for the bank");
        _board.Wait(TimeSpan.FromHours(5));

        var events = _board.EventsDuring(() => _board.Unblock(card));

        card.Blocked.ShouldBeFalse();
        card.BlockedReason.ShouldBeNull();
        card.BlockedSince.ShouldBeNull();
        card.UpdatedAt.ShouldBe(Now.AddHours(5));
        events.ShouldHaveSingleItem().ShouldBeOfType<CardUnblocked>().BlockedFor.ShouldBe(TimeSpan.FromHours(5));
    }

    [Fact]
    public void A_blocked_card_keeps_its_lane()
    {
        var card = _board.Fill("In progress", 1)[0];

        _board.Block(card);

        card.LaneId.ShouldBe(_board.Lane("In progress").Id);
        _board.CountIn("In progress").ShouldBe(1);
    }

    [Fact]
    public void A_block_opens_a_period_a_new_reason_keeps_it_and_the_unblock_ends_it()
    {
        var card = _board.Submit();
        _board.Block(card, "Waiting for the bank");
        _board.Wait(TimeSpan.FromHours(2));
        _board.Block(card, "Waiting for the bank's second test account");
        _board.Wait(TimeSpan.FromHours(3));

        _board.Unblock(card);

        var period = _board.BlockPeriods.ShouldHaveSingleItem();
        (period.CardId, period.Reason, period.BlockedAt, period.UnblockedAt).ShouldBe((card.Id, "Waiting for the bank", Now, Now.AddHours(5)));
    }

    [Fact]
    public void Unblocking_a_block_without_a_stored_period_hands_back_the_whole_period_so_its_time_is_kept()
    {
        var card = _board.Submit();
        _board.Board.BlockCard(card, "Waiting for the bank", Now, by: null);
        _board.Wait(TimeSpan.FromHours(4));

        var unrecorded = _board.Board.UnblockCard(card, openPeriod: null, Now.AddHours(4), by: null);

        unrecorded.ShouldNotBeNull();
        (unrecorded.BlockedAt, unrecorded.UnblockedAt, unrecorded.Reason).ShouldBe((Now, Now.AddHours(4), "Waiting for the bank"));
    }

    [Fact]
    public void Unblocking_a_card_that_is_not_blocked_ends_no_period_and_hands_none_back()
    {
        var card = _board.Submit();

        _board.Board.UnblockCard(card, openPeriod: null, Now, by: null).ShouldBeNull();
    }
}
