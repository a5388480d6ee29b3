using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using static Kanban.Domain.Tests.TestBoards;

namespace Kanban.Domain.Tests.Boards;

public sealed class LaneOrderTests
{
    private readonly Board _board = NewBoard();

    [Fact]
    public void The_first_card_of_an_empty_lane_takes_one_gap()
    {
        var card = _board.Submit();

        var renumbered = LaneOrder.Place(card, [], index: null);

        card.Rank.ShouldBe(LaneOrder.Gap);
        renumbered.ShouldBeEmpty();
    }

    [Fact]
    public void A_card_placed_at_the_end_takes_one_gap_after_the_last_card()
    {
        var (first, second) = TwoCardsAt1024And2048();
        var card = _board.Submit();

        LaneOrder.Place(card, [first, second], index: null);

        card.Rank.ShouldBe(2048 + LaneOrder.Gap);
    }

    [Fact]
    public void A_card_placed_at_the_front_takes_half_the_first_rank()
    {
        var (first, second) = TwoCardsAt1024And2048();
        var card = _board.Submit();

        var renumbered = LaneOrder.Place(card, [first, second], index: 0);

        card.Rank.ShouldBe(512);
        renumbered.ShouldBeEmpty();
    }

    [Fact]
    public void A_card_placed_between_two_cards_takes_the_midpoint_and_moves_no_other_card()
    {
        var (first, second) = TwoCardsAt1024And2048();
        var card = _board.Submit();

        var renumbered = LaneOrder.Place(card, [first, second], index: 1);

        card.Rank.ShouldBe(1536);
        renumbered.ShouldBeEmpty();
        first.Rank.ShouldBe(1024);
        second.Rank.ShouldBe(2048);
    }

    [Fact]
    public void An_index_past_the_end_places_the_card_last()
    {
        var (first, second) = TwoCardsAt1024And2048();
        var card = _board.Submit();

        LaneOrder.Place(card, [first, second], index: 7);

        card.Rank.ShouldBe(2048 + LaneOrder.Gap);
    }

    [Fact]
    public void A_negative_index_places_the_card_first()
    {
        var (first, second) = TwoCardsAt1024And2048();
        var card = _board.Submit();

        LaneOrder.Place(card, [first, second], index: -3);

        card.Rank.ShouldBe(512);
    }

    [Fact]
    public void Inserting_between_neighbours_with_no_gap_renumbers_the_lane_in_the_requested_order()
    {
        var (one, two) = TwoCardsAt1And2();
        var card = _board.Submit();

        var renumbered = LaneOrder.Place(card, [one, two], index: 1);

        InRankOrder(one, card, two).ShouldBe([one, card, two]);
        (one.Rank, card.Rank, two.Rank).ShouldBe((1024L, 2048L, 3072L));
        renumbered.ShouldBe([one, two], ignoreOrder: true);
    }

    [Fact]
    public void Inserting_in_front_of_a_card_at_rank_1_renumbers_the_lane_with_the_card_first()
    {
        var (one, two) = TwoCardsAt1And2();
        var card = _board.Submit();

        LaneOrder.Place(card, [one, two], index: 0);

        InRankOrder(one, card, two).ShouldBe([card, one, two]);
        card.Rank.ShouldBe(LaneOrder.Gap);
    }

    [Fact]
    public void Renumbering_returns_only_the_cards_whose_rank_changed()
    {
        var (first, next) = TwoAdjacentCardsFrom1024();
        var card = _board.Submit();

        var renumbered = LaneOrder.Place(card, [first, next], index: 1);

        first.Rank.ShouldBe(1024);
        renumbered.ShouldBe([next]);
        InRankOrder(first, card, next).ShouldBe([first, card, next]);
    }

    [Fact]
    public void Repeated_inserts_at_the_same_position_eventually_renumber_and_keep_the_order()
    {
        var (first, last) = TwoCardsAt1024And2048();
        List<Card> reference = [first, last];
        var renumberings = 0;

        for (var i = 0; i < 30; i++)
        {
            var card = _board.Submit();
            if (LaneOrder.Place(card, [.. InRankOrder(reference)], index: 1).Count > 0)
            {
                renumberings++;
            }

            reference.Insert(1, card);
        }

        renumberings.ShouldBeGreaterThan(0);
        InRankOrder(reference).ShouldBe(reference);
    }

    [Fact]
    public void The_index_of_a_rank_is_before_the_first_card_whose_rank_is_at_least_it()
    {
        var (first, second) = TwoCardsAt1024And2048();
        Card[] lane = [first, second];

        LaneOrder.IndexOfRank(lane, 1).ShouldBe(0);
        LaneOrder.IndexOfRank(lane, 1024).ShouldBe(0);
        LaneOrder.IndexOfRank(lane, 1025).ShouldBe(1);
        LaneOrder.IndexOfRank(lane, 2048).ShouldBe(1);
        LaneOrder.IndexOfRank(lane, 2049).ShouldBe(2);
        LaneOrder.IndexOfRank(lane, long.MaxValue).ShouldBe(2);
    }

    [Fact]
    public void The_index_of_any_rank_in_an_empty_lane_is_0()
    {
        LaneOrder.IndexOfRank([], 5000).ShouldBe(0);
    }

    private (Card First, Card Second) TwoCardsAt1024And2048()
    {
        var first = _board.Submit();
        LaneOrder.Place(first, [], index: null);
        var second = _board.Submit();
        LaneOrder.Place(second, [first], index: null);
        return (first, second);
    }

    // Ranks cannot be set from outside the domain, so halve the front rank down to 1.
    private (Card One, Card Two) TwoCardsAt1And2()
    {
        var two = _board.Submit();
        LaneOrder.Place(two, [], index: null);
        var one = _board.Submit();
        LaneOrder.Place(one, [two], index: 0);
        while (one.Rank > 1)
        {
            two = one;
            one = _board.Submit();
            LaneOrder.Place(one, [two], index: 0);
        }

        (one.Rank, two.Rank).ShouldBe((1L, 2L));
        return (one, two);
    }

    private (Card First, Card Next) TwoAdjacentCardsFrom1024()
    {
        var (first, next) = TwoCardsAt1024And2048();
        while (next.Rank > first.Rank + 1)
        {
            var closer = _board.Submit();
            LaneOrder.Place(closer, [first, next], index: 1);
            next = closer;
        }

        (first.Rank, next.Rank).ShouldBe((1024L, 1025L));
        return (first, next);
    }
}
