using CsCheck;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using static Kanban.Domain.Tests.TestBoards;

namespace Kanban.Domain.Tests.Boards;

public sealed class LaneOrderPropertyTests
{
    private const int AtHotSpot = -1;
    private const int AtEnd = -2;

    // Most inserts hit one hot index, which halves the same gap until the lane must be renumbered.
    private static readonly Gen<(int HotSpot, int[] Inserts)> Scenarios = Gen.Select(
        Gen.Int[0, 6],
        Gen.Frequency(
            (6, Gen.Const(AtHotSpot)),
            (3, Gen.Int[0, 220]),
            (1, Gen.Const(AtEnd)))
            .Array[1, 200]);

    [Fact]
    public void Inserting_by_index_orders_the_lane_like_a_list_with_distinct_positive_ranks()
    {
        Scenarios.Sample((hotSpot, inserts) =>
        {
            var board = NewBoard();
            List<Card> expected = [];

            foreach (var insert in inserts)
            {
                int? index = insert switch
                {
                    AtEnd => null,
                    AtHotSpot => hotSpot,
                    _ => insert,
                };
                var lane = InRankOrder(expected).ToList();
                var ranksBefore = lane.ToDictionary(c => c.Id, c => c.Rank);
                var card = board.Submit();

                var renumbered = LaneOrder.Place(card, lane, index);

                renumbered.Select(c => c.Id).ShouldBe(
                    lane.Where(c => c.Rank != ranksBefore[c.Id]).Select(c => c.Id),
                    ignoreOrder: true);
                expected.Insert(Math.Min(index ?? expected.Count, expected.Count), card);
            }

            InRankOrder(expected).ShouldBe(expected);
            expected.ShouldAllBe(c => c.Rank > 0);
            expected.Select(c => c.Rank).Distinct().Count().ShouldBe(expected.Count);
        }, iter: 300);
    }
}
