using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Kanban.Api.Realtime;

/// <summary>
/// With several instances behind a load balancer, a change pushed by the instance that saved it must
/// reach the screens connected to the others: <c>Redis:Connection</c> switches on SignalR's Redis
/// backplane, which carries every group message between the instances. Without it, one instance is
/// all there is.
/// </summary>
public static class Backplane
{
    public const string ConnectionSetting = "Redis:Connection";
    private const string ChannelPrefix = "kanban";

    public static ISignalRServerBuilder AddKanbanBackplane(this ISignalRServerBuilder signalR, IConfiguration configuration)
    {
        var health = new BackplaneHealth();
        signalR.Services.AddSingleton(health);
        if (configuration[ConnectionSetting] is not { Length: > 0 } connection)
        {
            return signalR;
        }

        return signalR.AddStackExchangeRedis(connection, options =>
        {
            options.Configuration.ChannelPrefix = RedisChannel.Literal(ChannelPrefix);
            // An instance that starts while Redis is down still serves; the backplane joins when Redis returns.
            options.Configuration.AbortOnConnectFail = false;
            // A message sent while Redis is down is dropped, not queued and delivered late and out of
            // date: the screens were told they are not live, and reload when they rejoin.
            options.Configuration.BacklogPolicy = BacklogPolicy.FailFast;
            options.ConnectionFactory = async log =>
            {
                var redis = await ConnectionMultiplexer.ConnectAsync(options.Configuration, log);
                health.Watch(redis);
                return redis;
            };
        });
    }
}

/// <summary>
/// Whether the backplane carries messages now. While Redis is down, a screen connected here would miss
/// every change saved on another instance and still look live; so its connection is ended and new
/// ones are refused, and each screen says it is not live and retries. When Redis is back the screens
/// reconnect, rejoin and reload their board, catching up on what they missed. Moves never wait for it.
/// </summary>
public sealed class BackplaneHealth : IHealthCheck
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _connections = new();
    private IConnectionMultiplexer? _redis;

    /// <summary>True without a backplane (one instance needs none) and while Redis is connected.</summary>
    public bool IsUp => _redis?.IsConnected ?? true;

    internal void Watch(IConnectionMultiplexer redis)
    {
        _redis = redis;
        redis.ConnectionFailed += (_, _) => EndConnections();
        if (!redis.IsConnected)
        {
            EndConnections();
        }
    }

    /// <summary>Keeps a hub connection to end if Redis goes down; false (and ended) when it is down now.</summary>
    public bool Admit(HubCallerContext connection)
    {
        _connections[connection.ConnectionId] = connection;
        if (IsUp)
        {
            return true;
        }

        Forget(connection.ConnectionId);
        connection.Abort();
        return false;
    }

    public void Forget(string connectionId) => _connections.TryRemove(connectionId, out _);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(IsUp
            ? HealthCheckResult.Healthy(_redis is null ? "No backplane: one instance." : "Redis backplane connected.")
            // Degraded, not unhealthy: moves still work, only live updates wait for Redis.
            : HealthCheckResult.Degraded("Redis backplane down: live updates paused, screens say they are not live."));

    private void EndConnections()
    {
        foreach (var connection in _connections.Values)
        {
            connection.Abort();
        }
    }
}
