using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using static Kanban.Domain.Tests.TestBoards;

namespace Kanban.Domain.Tests.Cards;

public sealed class CardPlacementTests
{
    private readonly Board _board = NewBoard();

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(null, 3)]
    [InlineData(99, 3)]
    public void A_card_moved_into_a_lane_lands_at_the_requested_index_clamped_to_the_end(int? index, int expectedPosition)
    {
        var ready = _board.LaneNamed("Ready");
        var lane = FillLane(ready, 3);
        var card = _board.Submit();

        _board.MoveCard(card, ready, lane, index, EmptyLanes, assigneeActiveCards: 0, Now.AddHours(1), by: null);

        var order = InRankOrder([.. lane, card]).ToList();
        order.IndexOf(card).ShouldBe(expectedPosition);
        order.Where(c => c != card).ShouldBe(lane);
    }

    [Fact]
    public void A_card_reordered_within_its_lane_takes_the_index_among_the_other_cards()
    {
        var ready = _board.LaneNamed("Ready");
        var lane = FillLane(ready, 3);
        var (x, y, z) = (lane[0], lane[1], lane[2]);

        _board.MoveCard(x, ready, lane, index: 1, EmptyLanes, assigneeActiveCards: 0, Now.AddHours(1), by: null);

        InRankOrder(lane).ShouldBe([y, x, z]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(null)]
    public void A_card_entering_a_done_lane_goes_last_whatever_index_is_asked(int? index)
    {
        var done = _board.LaneNamed("Done");
        var lane = FillLane(done, 2);
        var card = _board.Submit();

        _board.MoveCard(card, done, lane, index, EmptyLanes, assigneeActiveCards: 0, Now.AddHours(1), by: null);

        InRankOrder([.. lane, card]).ShouldBe([lane[0], lane[1], card]);
    }

    [Fact]
    public void A_card_entering_a_done_lane_goes_after_its_last_card_when_only_that_card_is_given()
    {
        var done = _board.LaneNamed("Done");
        var lane = FillLane(done, 3);
        var card = _board.Submit();

        _board.MoveCard(card, done, [lane[^1]], index: 0, EmptyLanes, assigneeActiveCards: 0, Now.AddHours(1), by: null);

        card.Rank.ShouldBeGreaterThan(lane.Max(c => c.Rank));
    }

    [Fact]
    public void Reordering_within_a_done_lane_keeps_the_lane_in_order_of_completion()
    {
        var done = _board.LaneNamed("Done");
        var lane = FillLane(done, 3);

        _board.MoveCard(lane[0], done, lane, index: 0, EmptyLanes, assigneeActiveCards: 0, Now.AddHours(5), by: null);

        InRankOrder(lane).ShouldBe(lane.OrderBy(c => c.CompletedAt));
    }

    // Moves fresh cards one by one to the end of the lane, an hour apart, and returns them in lane order.
    private List<Card> FillLane(Lane lane, int count)
    {
        List<Card> cards = [];
        for (var i = 0; i < count; i++)
        {
            var card = _board.Submit();
            _board.MoveCard(card, lane, cards, index: null, EmptyLanes, assigneeActiveCards: 0, Now.AddHours(-count + i), by: null);
            cards.Add(card);
        }

        InRankOrder(cards).ShouldBe(cards);
        return cards;
    }
}
