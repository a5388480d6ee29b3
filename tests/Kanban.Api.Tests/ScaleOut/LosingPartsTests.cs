using System.Collections.Concurrent;
using System.Net;
using Kanban.Api.Features.Boards;
using Kanban.Api.Realtime;
using Kanban.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kanban.Api.Tests.ScaleOut;

/// <summary>Issue 16, points 6 and 7: a server killed under load, and Redis lost and back.</summary>
public sealed class LosingPartsTests : IAsyncDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("kanban-losing-").FullName;

    [Fact]
    public async Task A_server_killed_under_load_loses_no_acknowledged_move_and_the_survivor_serves_its_screens_within_the_limits()
    {
        var settings = new Dictionary<string, string> { ["Redis:Connection"] = TwoServers.Redis };
        await using var doomed = await ApiProcess.StartAsync(_dataDirectory, settings);
        await using var survivor = await ApiProcess.StartAsync(_dataDirectory, settings);
        var board = await doomed.Http.CreateBoardAsync();
        await doomed.Http.SetLimitAsync(board, "Ready", 30);
        var cards = new List<Guid>();
        for (var i = 0; i < 60; i++)
        {
            cards.Add((await survivor.Http.AddCardAsync(board.Id, $"Load card {i} of the killed server's board")).Id);
        }

        await using var screen = await doomed.ConnectHubAsync();
        var screenLost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        screen.Closed += _ => { screenLost.TrySetResult(); return Task.CompletedTask; };
        await screen.InvokeAsync("JoinBoard", board.Id);

        var acknowledged = new ConcurrentBag<Guid>();
        var answered = 0;
        var clients = new[] { doomed.Http, survivor.Http };
        var load = cards.Select((id, i) => Task.Run(async () =>
        {
            try
            {
                var response = await clients[i % 2].MoveAsync(id, board.LaneId("Ready"));
                if (response.IsSuccessStatusCode)
                {
                    acknowledged.Add(id);
                }
            }
            catch (HttpRequestException)
            {
                // Sent to the killed server: not acknowledged, so it may or may not have landed.
            }
            finally
            {
                Interlocked.Increment(ref answered);
            }
        })).ToList();
        var loadDeadline = DateTime.UtcNow.AddSeconds(60);
        while (Volatile.Read(ref answered) < 15)
        {
            DateTime.UtcNow.ShouldBeLessThan(loadDeadline, "the moves are answered");
            await Task.Delay(5);
        }

        await doomed.KillAsync();
        await Task.WhenAll(load);
        await screenLost.Task.WaitAsync(HubClients.Patience);

        // The screen reconnects where the balancer sends it now, and reloads the board.
        await using var again = await survivor.ConnectHubAsync();
        var pushed = new TaskCompletionSource<CardMovedMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        var watched = Guid.Empty;
        // The load's own pushes may still be arriving: wait for the move made after the rejoin.
        again.On<CardMovedMessage>("CardMoved", m =>
        {
            if (m.Card.Id == watched)
            {
                pushed.TrySetResult(m);
            }
        });
        await again.InvokeAsync("JoinBoard", board.Id);
        var reloaded = await survivor.Http.GetBoardAsync(board.Id);

        acknowledged.ShouldNotBeEmpty();
        var ready = reloaded.Cards.Where(c => c.LaneId == board.LaneId("Ready")).Select(c => c.Id).ToHashSet();
        acknowledged.ShouldAllBe(id => ready.Contains(id), "every move answered 2xx is stored");
        reloaded.Lane("Ready").Count.ShouldBe(ready.Count);
        reloaded.Lane("Ready").Count.ShouldBeLessThanOrEqualTo(30);

        // The survivor keeps serving its screens, and the limit keeps holding.
        watched = ready.First();
        await survivor.Http.MoveOkAsync(watched, board.LaneId("Backlog"));
        (await pushed.Task.WaitAsync(HubClients.Patience)).Card.LaneId.ShouldBe(board.LaneId("Backlog"));
        reloaded = await survivor.Http.GetBoardAsync(board.Id);
        var waiting = reloaded.Cards.Where(c => c.LaneId == board.LaneId("Backlog")).Select(c => c.Id).ToList();
        var room = 30 - reloaded.Lane("Ready").Count;
        for (var i = 0; i < room; i++)
        {
            (await survivor.Http.MoveAsync(waiting[i], board.LaneId("Ready"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var overLimit = await survivor.Http.MoveAsync(waiting[room], board.LaneId("Ready"));
        (await overLimit.ReadProblemAsync(HttpStatusCode.Conflict)).Type.ShouldBe("urn:kanban:problem:wip-limit-reached");
        (await survivor.Http.GetBoardAsync(board.Id)).Lane("Ready").Count.ShouldBe(30);
    }

    [Fact]
    public async Task Without_Redis_screens_are_told_they_are_not_live_moves_still_work_within_the_limits_and_when_it_returns_screens_catch_up()
    {
        await using var redis = new RedisProcess();
        await redis.StartAsync();
        var settings = new Dictionary<string, string> { ["Redis:Connection"] = redis.Connection };
        await using var first = await ApiProcess.StartAsync(_dataDirectory, settings);
        await using var second = await ApiProcess.StartAsync(_dataDirectory, settings);
        var board = await first.Http.CreateBoardAsync();
        await first.Http.SetLimitAsync(board, "Ready", 2);
        var cards = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            cards.Add((await first.Http.AddCardAsync(board.Id, $"Card {i} moved while Redis is down")).Id);
        }

        await using var screen = await second.ConnectHubAsync();
        var moved = new TaskCompletionSource<CardMovedMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        screen.On<CardMovedMessage>("CardMoved", m => moved.TrySetResult(m));
        screen.Closed += _ => { lost.TrySetResult(); return Task.CompletedTask; };
        await screen.InvokeAsync("JoinBoard", board.Id);
        await first.Http.MoveOkAsync(cards[0], board.LaneId("Ready"));
        await moved.Task.WaitAsync(HubClients.Patience);

        await redis.KillAsync();

        await lost.Task.WaitAsync(TimeSpan.FromSeconds(15));
        (await (await second.Http.GetAsync("/health/ready")).Content.ReadAsStringAsync()).ShouldBe("Degraded");
        (await first.Http.MoveAsync(cards[1], board.LaneId("Ready"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var full = await second.Http.MoveAsync(cards[2], board.LaneId("Ready"));
        (await full.ReadProblemAsync(HttpStatusCode.Conflict)).Type.ShouldBe("urn:kanban:problem:wip-limit-reached");
        var versionWhileDown = (await first.Http.GetBoardAsync(board.Id)).Version;

        await redis.StartAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        foreach (var server in new[] { first, second })
        {
            while (await (await server.Http.GetAsync("/health/ready")).Content.ReadAsStringAsync() != "Healthy")
            {
                DateTime.UtcNow.ShouldBeLessThan(deadline, "each instance's backplane reconnects by itself once Redis is back");
                await Task.Delay(200);
            }
        }

        await using var back = await second.ConnectHubAsync();
        var live = new TaskCompletionSource<CardMovedMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        var expected = 0L;
        back.On<CardMovedMessage>("CardMoved", m =>
        {
            // The move made after Redis returned; nothing sent while it was down may arrive instead.
            if (Volatile.Read(ref expected) is > 0 and var version && m.Version >= version)
            {
                live.TrySetResult(m);
            }
        });
        await back.InvokeAsync("JoinBoard", board.Id);
        var reloaded = await second.Http.GetBoardAsync(board.Id);
        reloaded.Version.ShouldBe(versionWhileDown, "a screen that rejoins reloads the board and so catches up on the version gap");
        reloaded.Lane("Ready").Count.ShouldBe(2);
        Volatile.Write(ref expected, versionWhileDown + 1);
        await first.Http.MoveOkAsync(cards[1], board.LaneId("Backlog"));
        (await live.Task.WaitAsync(HubClients.Patience)).Version.ShouldBe(versionWhileDown + 1, "live again across the instances");
    }

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await TestDatabase.DropAsync(_dataDirectory);
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
