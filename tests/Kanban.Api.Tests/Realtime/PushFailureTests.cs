using System.Net;
using System.Reflection;
using Kanban.Api.Realtime;
using Kanban.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kanban.Api.Tests.Realtime;

/// <summary>A push that fails or hangs must never fail or hold up a request whose change is saved.</summary>
public sealed class PushFailureTests(PushFailureTests.Factory factory) : IClassFixture<PushFailureTests.Factory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_push_that_throws_is_logged_and_the_saved_move_still_answers_200()
    {
        var board = await _client.CreateBoardAsync();
        var card = await _client.AddCardAsync(board.Id);
        factory.Push.Fail();

        var response = await _client.MoveAsync(card.Id, board.LaneId("Ready"));
        var again = await _client.MoveAsync(card.Id, board.LaneId("Backlog"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await factory.WithDbAsync(db => db.Cards.SingleAsync(c => c.Id == card.Id))).LaneId.ShouldBe(board.LaneId("Backlog"));
        await factory.Push.AttemptedAsync(2);
        await Eventually(() => factory.Logs.Lines.Count(l => l.Contains("Could not push CardMoved", StringComparison.Ordinal)) >= 2);
    }

    [Fact]
    public async Task A_push_that_never_finishes_holds_up_no_request()
    {
        var board = await _client.CreateBoardAsync();
        var card = await _client.AddCardAsync(board.Id);
        var other = await _client.AddCardAsync(board.Id, "Another card that moves meanwhile");
        var stuck = factory.Push.Hang();

        // Were a request waiting for its push, the first move would never answer while the push hangs.
        var first = await _client.MoveAsync(card.Id, board.LaneId("Ready")).WaitAsync(HubClients.Patience);
        await factory.Push.AttemptedAsync(1);
        var second = await _client.MoveAsync(other.Id, board.LaneId("Ready")).WaitAsync(HubClients.Patience);
        stuck.SetResult();

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _client.GetBoardAsync(board.Id)).Lane("Ready").Count.ShouldBe(2);
    }

    private static async Task Eventually(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(HubClients.Patience);
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    public sealed class Factory : KanbanApiFactory
    {
        public PushControl Push { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IHubContext<BoardHub, IBoardClient>>(
                sp => new ControlledHub(sp.GetRequiredService<IHubContext<BoardHub>>().Groups, Push)));
        }
    }

    /// <summary>Decides what every push does: go through, throw, or hang until released.</summary>
    public sealed class PushControl
    {
        private readonly Lock _gate = new();
        private Func<Task> _push = () => Task.CompletedTask;
        private int _attempts;

        public void Fail() => Set(() => Task.FromException(new IOException("The connection was closed.")), 0);

        public TaskCompletionSource Hang()
        {
            var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Set(() => release.Task, 0);
            return release;
        }

        public async Task AttemptedAsync(int count)
        {
            using var timeout = new CancellationTokenSource(HubClients.Patience);
            while (Volatile.Read(ref _attempts) < count)
            {
                await Task.Delay(20, timeout.Token);
            }
        }

        internal Task Send()
        {
            lock (_gate)
            {
                _attempts++;
                return _push();
            }
        }

        private void Set(Func<Task> push, int attempts)
        {
            lock (_gate)
            {
                _push = push;
                _attempts = attempts;
            }
        }
    }

    private sealed class ControlledHub(IGroupManager groups, PushControl control) : IHubContext<BoardHub, IBoardClient>
    {
        public IHubClients<IBoardClient> Clients { get; } = new ControlledClients(ControlledClient.Create(control));

        public IGroupManager Groups => groups;
    }

    private sealed class ControlledClients(IBoardClient client) : IHubClients<IBoardClient>
    {
        public IBoardClient All => client;

        public IBoardClient AllExcept(IReadOnlyList<string> excludedConnectionIds) => client;

        public IBoardClient Client(string connectionId) => client;

        public IBoardClient Clients(IReadOnlyList<string> connectionIds) => client;

        public IBoardClient Group(string groupName) => client;

        public IBoardClient GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => client;

        public IBoardClient Groups(IReadOnlyList<string> groupNames) => client;

        public IBoardClient User(string userId) => client;

        public IBoardClient Users(IReadOnlyList<string> userIds) => client;
    }

    public class ControlledClient : DispatchProxy
    {
        private PushControl? _control;

        public static IBoardClient Create(PushControl control)
        {
            var client = DispatchProxy.Create<IBoardClient, ControlledClient>();
            ((ControlledClient)(object)client)._control = control;
            return client;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => _control!.Send();
    }
}
