using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kanban.Api.Features.Auth;
using Kanban.Api.Features.Boards;
using Kanban.Api.Features.Cards;
using Kanban.Api.Realtime;
using Kanban.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kanban.Api.Tests.ScaleOut;

/// <summary>Issue 16, point 5: two servers, one truth. Nothing a user does depends on which process answers.</summary>
public sealed class TwoServersTests(TwoServers servers) : IClassFixture<TwoServers>
{
    [Fact]
    public async Task Started_together_on_an_empty_database_they_make_one_first_admin_and_both_sign_it_in()
    {
        var users = await (await servers.First.Http.GetAsync("/api/users")).ReadAsync<JsonElement>();

        users.EnumerateArray().Count(u => u.GetProperty("email").GetString() == KanbanApiFactory.AdminEmail).ShouldBe(1);
        (await servers.Second.Http.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_token_issued_by_one_server_signs_in_on_the_other()
    {
        using var anonymous = new HttpClient { BaseAddress = servers.First.Address };
        var token = await (await anonymous.PostAsJsonAsync("/api/auth/token", new { email = KanbanApiFactory.AdminEmail, password = KanbanApiFactory.Password }))
            .ReadAsync<TokenResponse>();
        using var other = new HttpClient { BaseAddress = servers.Second.Address };
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);

        var me = await (await other.GetAsync("/api/me")).ReadAsync<MeResponse>();

        me.Email.ShouldBe(KanbanApiFactory.AdminEmail);
    }

    [Fact]
    public async Task The_sign_in_throttle_counts_the_attempts_made_on_both_servers()
    {
        var email = $"guess-{Guid.NewGuid():N}@scale.example";
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= Kanban.Api.Infrastructure.Access.SignInThrottle.PerAccountPerMinute; i++)
        {
            using var anonymous = new HttpClient { BaseAddress = (i % 2 == 0 ? servers.First : servers.Second).Address };
            statuses.Add((await anonymous.PostAsJsonAsync("/api/auth/token", new { email, password = "not the password" })).StatusCode);
        }

        statuses.Take(Kanban.Api.Infrastructure.Access.SignInThrottle.PerAccountPerMinute).ShouldAllBe(s => s == HttpStatusCode.Unauthorized);
        statuses[^1].ShouldBe(HttpStatusCode.TooManyRequests, "the eleventh attempt, whichever server it reaches");
    }

    [Fact]
    public async Task A_hub_client_of_the_second_server_receives_CardMoved_for_a_move_made_through_the_first()
    {
        var board = await servers.First.Http.CreateBoardAsync();
        var card = await servers.First.Http.AddCardAsync(board.Id, "Show the payout date on the statement");
        await using var watcher = await servers.Second.ConnectHubAsync();
        var moved = new TaskCompletionSource<CardMovedMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.On<CardMovedMessage>("CardMoved", m => moved.TrySetResult(m));
        await watcher.InvokeAsync("JoinBoard", board.Id);

        var answer = await servers.First.Http.MoveOkAsync(card.Id, board.LaneId("Ready"));

        var message = await moved.Task.WaitAsync(HubClients.Patience);
        (message.BoardId, message.Card.Id, message.Card.LaneId).ShouldBe((board.Id, card.Id, board.LaneId("Ready")));
        message.Version.ShouldBe((await servers.Second.Http.GetBoardAsync(board.Id)).Version);
        answer.LaneId.ShouldBe(board.LaneId("Ready"));
    }

    [Fact]
    public async Task Two_hundred_simultaneous_moves_split_across_both_never_leave_a_lane_or_a_person_over_their_limit()
    {
        var board = await servers.First.Http.CreateBoardAsync();
        var me = await (await servers.First.Http.GetAsync("/api/me")).ReadAsync<MeResponse>();
        var toReady = await AddCardsAsync(servers.First.Http, board, "Ready contender", 100);
        var toWork = await AddCardsAsync(servers.Second.Http, board, "Admin's work item", 100);
        // Every card of the second half is the admin's, so the personal limit (2) is what holds them back.
        await Task.WhenAll(toWork.Select(async id => (await servers.Second.Http.AssignAsync(id, me.Id)).StatusCode.ShouldBe(HttpStatusCode.OK)));
        var clients = new[] { servers.First.Http, servers.Second.Http };

        using var start = new ManualResetEventSlim();
        var moves = toReady.Select(id => (Id: id, Lane: board.LaneId("Ready")))
            .Concat(toWork.Select(id => (Id: id, Lane: board.LaneId("In progress"))))
            .Select((move, i) => Task.Run(async () =>
            {
                start.Wait();
                return await clients[i % 2].MoveAsync(move.Id, move.Lane);
            }))
            .ToList();
        start.Set();
        var responses = await Task.WhenAll(moves);

        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            var problem = await refused.ReadProblemAsync(HttpStatusCode.Conflict);
            problem.Type.ShouldBeOneOf(
                "urn:kanban:problem:wip-limit-reached", "urn:kanban:problem:personal-wip-limit-reached", "urn:kanban:problem:concurrency-conflict");
        }

        var after = await servers.Second.Http.GetBoardAsync(board.Id);
        after.Lane("Ready").Count.ShouldBeLessThanOrEqualTo(5);
        after.Lane("Ready").Count.ShouldBeGreaterThan(0, "some moves into room must have landed");
        after.Cards.Count(c => c.LaneId == board.LaneId("In progress") && c.AssigneeId == me.Id).ShouldBeLessThanOrEqualTo(2);
        after.Lanes.ShouldAllBe(l => l.WipLimit == null || l.Count <= l.WipLimit);
        after.Lanes.Sum(l => l.Count).ShouldBe(200);
        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(after.Lane("Ready").Count + after.Lane("In progress").Count);
    }

    [Fact]
    public async Task A_person_removed_through_one_server_loses_their_live_connection_to_the_other()
    {
        var board = await servers.First.Http.CreateBoardAsync();
        var email = $"leaver-{Guid.NewGuid():N}@scale.example";
        var created = await (await servers.First.Http.PostJsonAsync("/api/users", new { email, displayName = "Leaver", password = KanbanApiFactory.Password }))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        var userId = created.GetProperty("id").GetGuid();
        (await servers.First.Http.PostJsonAsync($"/api/boards/{board.Id}/members", new { email, role = "Member" })).IsSuccessStatusCode.ShouldBeTrue();
        await using var leaver = await servers.Second.ConnectHubAsync(email, KanbanApiFactory.Password);
        var revoked = new TaskCompletionSource<AccessRevokedMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        var moved = 0;
        leaver.On<AccessRevokedMessage>("AccessRevoked", m => revoked.TrySetResult(m));
        leaver.On<CardMovedMessage>("CardMoved", _ => Interlocked.Increment(ref moved));
        await leaver.InvokeAsync("JoinBoard", board.Id);

        (await servers.First.Http.DeleteAsync($"/api/boards/{board.Id}/members/{userId}")).IsSuccessStatusCode.ShouldBeTrue();

        (await revoked.Task.WaitAsync(HubClients.Patience)).BoardId.ShouldBe(board.Id);
        var card = await servers.First.Http.AddCardAsync(board.Id, "A change the removed person must not see");
        await servers.First.Http.MoveOkAsync(card.Id, board.LaneId("Ready"));
        await using var watcher = await servers.Second.ConnectHubAsync();
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.On<CardMovedMessage>("CardMoved", _ => seen.TrySetResult());
        await watcher.InvokeAsync("JoinBoard", board.Id);
        await servers.First.Http.MoveOkAsync(card.Id, board.LaneId("Backlog"));
        await seen.Task.WaitAsync(HubClients.Patience);
        Volatile.Read(ref moved).ShouldBe(0, "the removed person's connection left the board's group on the other server");
    }

    [Fact]
    public async Task The_line_stopped_through_one_server_refuses_a_pull_through_the_other()
    {
        var board = await servers.First.Http.CreateBoardAsync();
        var card = await servers.Second.Http.AddCardAsync(board.Id, "Send the daily settlement report");

        (await servers.First.Http.StopLineAsync(board.Id, "Payments down in staging")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var pull = await servers.Second.Http.MoveAsync(card.Id, board.LaneId("Ready"));

        (await pull.ReadProblemAsync(HttpStatusCode.Conflict)).Type.ShouldBe("urn:kanban:problem:line-stopped");
    }

    private static async Task<List<Guid>> AddCardsAsync(HttpClient client, BoardResponse board, string title, int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await client.AddCardAsync(board.Id, $"{title} number {i}")).Id);
        }

        return ids;
    }
}
