using System.Text.Json;
using Kanban.Api.Infrastructure;
using StackExchange.Redis;

namespace Kanban.Api.Realtime;

/// <summary>
/// Tells the other instances that someone's access to a board shrank, so each ends the connections it
/// holds of that person or share link: every instance keeps its own registry of joined connections.
/// Carried by the same Redis as the backplane; without one there is only this instance.
/// </summary>
public sealed partial class AccessNotices(IConfiguration configuration, ChangeFeed feed, ILogger<AccessNotices> logger) : IHostedService, IAsyncDisposable
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("kanban:access-narrowed");
    private readonly string _sender = Guid.NewGuid().ToString("N");
    private ConnectionMultiplexer? _redis;
    private volatile bool _subscribed;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration[Backplane.ConnectionSetting] is not { Length: > 0 } connection)
        {
            return;
        }

        var options = ConfigurationOptions.Parse(connection);
        options.AbortOnConnectFail = false;
        _redis = await ConnectionMultiplexer.ConnectAsync(options);
        // Redis may be down as this instance starts: it subscribes when Redis is back (the client then
        // keeps the subscription across later reconnections by itself).
        _redis.ConnectionRestored += async (_, _) => await TrySubscribeAsync();
        await TrySubscribeAsync();
    }

    private async Task TrySubscribeAsync()
    {
        if (_subscribed)
        {
            return;
        }

        try
        {
            await _redis!.GetSubscriber().SubscribeAsync(Channel, (_, message) => Receive(message));
            _subscribed = true;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogNotSubscribed(logger, e);
        }
    }

    /// <summary>Sends a narrowing this instance saw to the others; a lost notice is logged, and rejoins check again.</summary>
    public async Task ShareAsync(BoardAccessNarrowed narrowed)
    {
        if (_redis is null)
        {
            return;
        }

        try
        {
            await _redis.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(new Notice(_sender, narrowed)))
                .WaitAsync(BoardPublisher.SendLimit);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogNotShared(logger, e, narrowed.BoardId);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    private void Receive(RedisValue message)
    {
        if (JsonSerializer.Deserialize<Notice>(message.ToString()) is { } notice && notice.Sender != _sender)
        {
            feed.Publish(notice.Narrowed with { FromAnotherInstance = true });
        }
    }

    private sealed record Notice(string Sender, BoardAccessNarrowed Narrowed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not yet listening for narrowed access from the other instances; trying again when Redis is back")]
    private static partial void LogNotSubscribed(ILogger logger, Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other instances that access to board {BoardId} narrowed")]
    private static partial void LogNotShared(ILogger logger, Exception e, Guid boardId);
}
