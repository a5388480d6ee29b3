using Kanban.Api.Tests.Infrastructure;

namespace Kanban.Api.Tests.Realtime;

/// <summary>A lane renumbered to make room must look the same on every screen, card by card and rank by rank.</summary>
public sealed class OrderOnEveryScreenTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Fifty_moves_to_the_top_and_middle_of_a_lane_leave_a_second_screen_in_the_servers_order()
    {
        var board = await _client.CreateBoardAsync();
        var cards = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            cards.Add((await _client.AddCardAsync(board.Id, $"Card number {i} of a crowded backlog")).Id);
        }

        await using var connection = await factory.ConnectAsync();
        var screen = await PatchedBoard.OpenAsync(connection, _client, board.Id);
        var backlog = board.LaneId("Backlog");

        // Moving to the top halves the gap each time, so the lane runs out of room and is renumbered.
        for (var i = 0; i < 50; i++)
        {
            await _client.MoveOkAsync(cards[i % cards.Count], backlog, index: i % 3 == 2 ? 4 : 0);
        }

        var server = await _client.GetBoardAsync(board.Id);
        await screen.ReachedAsync(server.Version);
        screen.Gaps.ShouldBe(0, "every event applied in turn, with no reload");
        screen.Renumberings.ShouldBeGreaterThan(0, "the moves must have made the lane renumber");
        screen.Cards().ShouldBe([.. server.Cards.Select(c => (c.Id, c.LaneId, c.Rank)).OrderBy(c => c.LaneId).ThenBy(c => c.Rank)]);
        (await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.Activity, a => a.BoardId == board.Id && a.Kind == "CardMoved"))).ShouldBe(49, "the first move asks the first card for its own place, which changes nothing");
    }

    [Fact]
    public async Task Accepting_tickets_to_the_top_of_the_backlog_leaves_a_second_screen_in_the_servers_order()
    {
        var board = await _client.CreateBoardAsync();
        await using var connection = await factory.ConnectAsync();
        var screen = await PatchedBoard.OpenAsync(connection, _client, board.Id);
        for (var i = 0; i < 14; i++)
        {
            var ticket = await _client.SubmitTicketAsync(board.Id, $"Ticket number {i} for the backlog top");
            (await _client.AcceptAsync(ticket.Id, index: 0)).EnsureSuccessStatusCode();
        }

        var server = await _client.GetBoardAsync(board.Id);
        await screen.ReachedAsync(server.Version);
        screen.Gaps.ShouldBe(0);
        screen.Renumberings.ShouldBeGreaterThan(0, "accepting to the top must have made the backlog renumber");
        screen.Cards().ShouldBe([.. server.Cards.Select(c => (c.Id, c.LaneId, c.Rank)).OrderBy(c => c.LaneId).ThenBy(c => c.Rank)]);
    }
}
