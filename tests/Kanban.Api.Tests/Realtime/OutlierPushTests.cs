using System.Globalization;
using Kanban.Api.Realtime;
using Kanban.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Kanban.Api.Tests.Realtime;

/// <summary>
/// The app with a clock the test moves and the outliers' round every 0.2 s instead of every minute,
/// on a data folder it may share with a second instance.
/// </summary>
public class OutlierWatchHost(string? dataDirectory, ManualClock clock) : KanbanApiFactory
{
    public ManualClock Clock { get; } = clock;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (dataDirectory is not null)
        {
            UseDataDirectory(builder, dataDirectory);
        }

        builder.UseSetting("Kanban:Outliers:CheckEverySeconds", "0.2");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.PostConfigure<BearerTokenOptions>(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromDays(365));
        });
    }
}

public sealed class OutlierWatchFactory() : OutlierWatchHost(null, new ManualClock(ClockedApiFactory.Now));

/// <summary>
/// Outliers pushed live: a card that becomes one only because time passed reaches a connected screen,
/// once, and the board is not changed by it.
/// </summary>
public sealed class OutlierPushTests(OutlierWatchFactory factory) : IClassFixture<OutlierWatchFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_card_that_becomes_an_outlier_because_time_passed_is_pushed_once_and_the_board_keeps_its_version()
    {
        factory.Clock.Set(At("2026-10-05T09:00:00Z"));
        var board = await _client.CreateBoardAsync();
        var card = await _client.AddCardAsync(board.Id);
        await _client.MoveOkAsync(card.Id, board.LaneId("In progress"));
        await using var screen = await factory.ConnectAsync();
        var pushes = Collect(screen);
        await screen.InvokeAsync("JoinBoard", board.Id);
        var version = (await _client.GetBoardAsync(board.Id)).Version;
        await Task.Delay(TimeSpan.FromSeconds(1));
        pushes.Count.ShouldBe(0, "nothing is an outlier yet");

        // Monday 09:00 to the next Monday 09:00: five working days, beyond twice its estimate of 2 and its 3 stale days.
        factory.Clock.Set(At("2026-10-12T09:00:00Z"));
        var pushed = await pushes.First.Task.WaitAsync(HubClients.Patience);
        await Task.Delay(TimeSpan.FromSeconds(1));

        pushed.BoardId.ShouldBe(board.Id);
        var outlier = pushed.Outliers.ShouldHaveSingleItem();
        (outlier.CardId, outlier.AgeDays).ShouldBe((card.Id, 5m));
        outlier.Reasons.ShouldBe(["estimate", "stale"]);
        pushes.Count.ShouldBe(1, "the rounds after it found nothing new");
        var after = await _client.GetBoardAsync(board.Id);
        (after.Version, pushed.Version).ShouldBe((version, version), "reading outliers changes no board");
    }

    [Fact]
    public async Task A_move_that_ends_a_cards_standing_still_is_pushed_with_its_reasons_changed()
    {
        factory.Clock.Set(At("2026-11-02T09:00:00Z"));
        var board = await _client.CreateBoardAsync();
        var card = await _client.AddCardAsync(board.Id);
        await _client.MoveOkAsync(card.Id, board.LaneId("Ready"));
        factory.Clock.Set(At("2026-11-09T09:00:00Z"));
        await using var screen = await factory.ConnectAsync();
        var pushes = Collect(screen);
        await screen.InvokeAsync("JoinBoard", board.Id);
        // Five working days in Ready: an outlier by its estimate and by standing still.
        var before = (await (await _client.GetAsync($"/api/boards/{board.Id}/outliers")).ReadAsync<List<Kanban.Api.Features.Outliers.OutlierResponse>>()).ShouldHaveSingleItem();
        before.Reasons.ShouldBe(["estimate", "stale"]);
        await Task.Delay(TimeSpan.FromSeconds(0.5));

        await _client.MoveOkAsync(card.Id, board.LaneId("In progress"));
        await WaitUntilAsync(() => pushes.Snapshot().Any(m => m.BoardId == board.Id && m.Outliers.Any(o => o.Reasons.SequenceEqual(["estimate"]))));

        var last = pushes.Snapshot().Last(m => m.BoardId == board.Id).Outliers.ShouldHaveSingleItem();
        (last.CardId, last.AgeDays).ShouldBe((card.Id, 5m), "its age counts from when it left the backlog");
        last.Reasons.ShouldBe(["estimate"], "it moved, so it no longer stands still");
    }

    private sealed class Pushes
    {
        public List<OutliersChangedMessage> Messages { get; } = [];
        public TaskCompletionSource<OutliersChangedMessage> First { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Count => Snapshot().Count;

        public List<OutliersChangedMessage> Snapshot()
        {
            lock (Messages)
            {
                return [.. Messages];
            }
        }
    }

    private static Pushes Collect(HubConnection connection)
    {
        var pushes = new Pushes();
        connection.On<OutliersChangedMessage>("OutliersChanged", m =>
        {
            lock (pushes.Messages)
            {
                pushes.Messages.Add(m);
            }

            pushes.First.TrySetResult(m);
        });
        return pushes;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + HubClients.Patience;
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the push did not come");
            await Task.Delay(50);
        }
    }
}

/// <summary>Two instances on one database: the outliers' round runs on the lease's holder only, so a card is flagged once.</summary>
public sealed class OutlierWatchTwoInstanceTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("kanban-outlier-watch-").FullName;
    private readonly ManualClock _clock = new(DateTimeOffset.Parse("2026-10-05T09:00:00Z", CultureInfo.InvariantCulture));
    private OutlierWatchHost _a = null!;
    private OutlierWatchHost _b = null!;

    public ValueTask InitializeAsync()
    {
        _a = new OutlierWatchHost(_data, _clock);
        _ = _a.Server;
        _b = new OutlierWatchHost(_data, _clock);
        _ = _b.Server;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task A_card_that_becomes_an_outlier_as_time_passes_is_flagged_by_one_instance_only()
    {
        using var owner = _a.CreateClient();
        var board = await owner.CreateBoardAsync();
        var card = await owner.AddCardAsync(board.Id);
        await owner.MoveOkAsync(card.Id, board.LaneId("In progress"));
        var token = await _a.TokenForAsync(KanbanApiFactory.Owner);
        await using var onA = await _a.ConnectWithTokenAsync(token);
        await using var onB = await _b.ConnectWithTokenAsync(token);
        var pushes = 0;
        foreach (var screen in new[] { onA, onB })
        {
            screen.On<OutliersChangedMessage>("OutliersChanged", m =>
            {
                if (m.BoardId == board.Id)
                {
                    Interlocked.Increment(ref pushes);
                }
            });
            await screen.InvokeAsync("JoinBoard", board.Id);
        }

        _clock.Set(DateTimeOffset.Parse("2026-10-12T09:00:00Z", CultureInfo.InvariantCulture));
        var deadline = DateTime.UtcNow + HubClients.Patience;
        while (Volatile.Read(ref pushes) == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        // Many rounds of both instances later.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Volatile.Read(ref pushes).ShouldBe(1);
    }
}
