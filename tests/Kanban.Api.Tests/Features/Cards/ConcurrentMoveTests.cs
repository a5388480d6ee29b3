using System.Net;
using Kanban.Api.Features.Boards;
using Kanban.Api.Tests.Infrastructure;

namespace Kanban.Api.Tests.Features.Cards;

/// <summary>
/// Rule 3: limits hold under concurrency, as a guarantee of the database (the board's version is
/// checked on every save), not of a lock in one process.
/// </summary>
public sealed class ConcurrentMoveTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private const int Contenders = 50;
    private const int Rounds = 20;

    [Fact]
    public async Task Fifty_simultaneous_moves_at_one_free_slot_let_exactly_one_through_every_round()
    {
        var client = factory.CreateClient();
        var board = await client.CreateBoardAsync();
        await client.FillAsync(board, "Ready", 4);
        var contenders = await client.FillAsync(board, "Backlog", Contenders);

        await RaceAsync(board, contenders, [client]);
    }

    [Fact]
    public async Task Two_api_processes_sharing_one_sqlite_file_let_exactly_one_through_every_round()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("kanban-two-processes-").FullName;
        try
        {
            await using var first = await ApiProcess.StartAsync(dataDirectory);
            await using var second = await ApiProcess.StartAsync(dataDirectory);
            var board = await first.Http.CreateBoardAsync();
            await first.Http.FillAsync(board, "Ready", 4);
            var contenders = await second.Http.FillAsync(board, "Backlog", Contenders);

            await RaceAsync(board, contenders, [first.Http, second.Http]);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    /// <summary>
    /// Each round, every contender tries to take Ready's one free slot at once, spread over the
    /// clients; then the winner goes back to the backlog, freeing the slot for the next round.
    /// </summary>
    private static async Task RaceAsync(BoardResponse board, List<Guid> contenders, HttpClient[] clients)
    {
        var ready = board.LaneId("Ready");
        for (var round = 1; round <= Rounds; round++)
        {
            using var start = new ManualResetEventSlim();
            var moves = contenders.Select((id, i) => Task.Run(async () =>
            {
                start.Wait();
                return await clients[i % clients.Length].MoveAsync(id, ready);
            })).ToList();
            start.Set();
            var responses = await Task.WhenAll(moves);

            var winners = responses.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
            winners.Count.ShouldBe(1, $"round {round}");
            foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            {
                var problem = await refused.ReadProblemAsync(HttpStatusCode.Conflict);
                problem.Type.ShouldBeOneOf("urn:kanban:problem:wip-limit-reached", "urn:kanban:problem:concurrency-conflict");
            }

            var after = await clients[0].GetBoardAsync(board.Id);
            after.Lane("Ready").Count.ShouldBe(5, $"round {round}");
            var winner = await winners[0].ReadAsync<Kanban.Api.Features.Cards.CardResponse>();
            await clients[^1].MoveOkAsync(winner.Id, board.LaneId("Backlog"));
        }
    }
}
