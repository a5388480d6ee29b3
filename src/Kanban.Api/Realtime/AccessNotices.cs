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

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration[Backplane.ConnectionSetting] is not { Length: > 0 } connection)
        {
            return;
        }

        var options = ConfigurationOptions.Parse(connection);
        options.AbortOnConnectFail = false;
        _redis = await ConnectionMultiplexer.ConnectAsync(options);
        if (!await TrySubscribeAsync())
        {
            // Redis is down as this instance starts: it subscribes when Redis is back (and the
            // client keeps the subscription across later reconnections by itself).
            _redis.ConnectionRestored += async (_, _) => await TrySubscribeAsync();
        }
    }

    private async Task<bool> TrySubscribeAsync()
    {
        try
        {
            await _redis!.GetSubscriber().SubscribeAsync(Channel, (_, message) => Receive(message));
            return true;
        }
        catch (RedisConnectionException)
        {
            return false;
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
            await _redis.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(new Notice(_sender, narrowed)));
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other instances that access to board {BoardId} narrowed")]
    private static partial void LogNotShared(ILogger logger, Exception e, Guid boardId);
}
