using System.Net;
using Kanban.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Tests.Features.Cards;

public sealed class MoveCardTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Moving_a_card_to_another_lane_puts_it_there_records_the_transition_and_bumps_the_version()
    {
        var board = await _client.CreateBoardAsync();
        var ticket = await _client.AddCardAsync(board.Id);
        var before = await _client.GetBoardAsync(board.Id);

        var moved = await _client.MoveOkAsync(ticket.Id, board.LaneId("Ready"));

        moved.LaneId.ShouldBe(board.LaneId("Ready"));
        var after = await _client.GetBoardAsync(board.Id);
        after.Version.ShouldBe(before.Version + 1);
        after.Lanes.Single(l => l.Name == "Ready").Count.ShouldBe(1);
        after.Lanes.Single(l => l.Name == "Backlog").Count.ShouldBe(0);
        var (transitions, card) = await factory.WithDbAsync(async db => (
            await db.CardTransitions.Where(t => t.CardId == ticket.Id).OrderBy(t => t.At).ToListAsync(),
            await db.Cards.SingleAsync(c => c.Id == ticket.Id)));
        transitions.Select(t => (t.FromLaneId, t.ToLaneId)).ShouldBe(
        [
            (null, board.LaneId("Backlog")),
            (board.LaneId("Backlog"), board.LaneId("Ready")),
        ]);
        card.StartedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_card_moved_to_an_index_takes_that_place_in_the_lane()
    {
        var board = await _client.CreateBoardAsync();
        var a = await _client.AddCardAsync(board.Id, "First ticket in the backlog");
        var b = await _client.AddCardAsync(board.Id, "Second ticket in the backlog");
        var c = await _client.AddCardAsync(board.Id, "Third ticket in the backlog");

        await _client.MoveOkAsync(c.Id, board.LaneId("Backlog"), index: 0);
        await _client.MoveOkAsync(a.Id, board.LaneId("Backlog"), index: 1);

        (await _client.GetBoardAsync(board.Id)).Cards.Select(x => x.Id).ShouldBe([c.Id, a.Id, b.Id]);
    }

    [Fact]
    public async Task Reordering_within_a_lane_records_no_transition()
    {
        var board = await _client.CreateBoardAsync();
        var a = await _client.AddCardAsync(board.Id, "First ticket in the backlog");
        await _client.AddCardAsync(board.Id, "Second ticket in the backlog");

        await _client.MoveOkAsync(a.Id, board.LaneId("Backlog"), index: 1);

        (await factory.WithDbAsync(db => db.CardTransitions.CountAsync(t => t.CardId == a.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task A_move_without_a_lane_gets_400_naming_laneId()
    {
        var board = await _client.CreateBoardAsync();
        var ticket = await _client.AddCardAsync(board.Id);

        var response = await _client.PostJsonAsync($"/api/cards/{ticket.Id}/move", new { index = 0 });

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["laneId"]);
    }

    [Fact]
    public async Task A_move_to_a_lane_of_another_board_gets_404_and_the_card_stays()
    {
        var board = await _client.CreateBoardAsync();
        var other = await _client.CreateBoardAsync();
        var ticket = await _client.AddCardAsync(board.Id);

        var response = await _client.MoveAsync(ticket.Id, other.LaneId("Ready"));

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
        (await _client.GetBoardAsync(board.Id)).Cards.Single().LaneId.ShouldBe(board.LaneId("Backlog"));
    }

    [Fact]
    public async Task Moving_an_unknown_card_gets_404()
    {
        var board = await _client.CreateBoardAsync();

        var response = await _client.MoveAsync(Guid.NewGuid(), board.LaneId("Ready"));

        (await response.ReadProblemAsync(HttpStatusCode.NotFound)).Type.ShouldEndWith("not-found");
    }

    [Fact]
    public async Task Simultaneous_moves_on_one_board_all_land_and_each_bumps_the_version_once()
    {
        var board = await _client.CreateBoardAsync();
        // A move that loses the board's version check waits for the board's turn and is decided
        // again, so far more moves than a save's attempts all land (fewer than the 20 cards a board shows of a done lane).
        var tickets = new List<Guid>();
        for (var i = 0; i < 3 * Kanban.Api.Infrastructure.BoardChanges.MaxAttempts; i++)
        {
            tickets.Add((await _client.AddCardAsync(board.Id, $"Concurrent ticket number {i}")).Id);
        }

        var before = await _client.GetBoardAsync(board.Id);

        // Done has no limit, so every move may land; each must still be decided on fresh counts.
        var responses = await Task.WhenAll(tickets.Select(id => _client.MoveAsync(id, board.LaneId("Done"))));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        var after = await _client.GetBoardAsync(board.Id);
        after.Version.ShouldBe(before.Version + tickets.Count);
        after.Lanes.Single(l => l.Name == "Done").Count.ShouldBe(tickets.Count);
        after.Cards.Where(c => c.LaneId == board.LaneId("Done")).Select(c => c.Rank).Distinct().Count().ShouldBe(tickets.Count);
    }
}
