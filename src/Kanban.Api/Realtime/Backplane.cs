using Microsoft.AspNetCore.SignalR;
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
        if (configuration[ConnectionSetting] is not { Length: > 0 } connection)
        {
            return signalR;
        }

        return signalR.AddStackExchangeRedis(connection, options =>
        {
            options.Configuration.ChannelPrefix = RedisChannel.Literal(ChannelPrefix);
            // An instance that starts while Redis is down still serves; the backplane joins when Redis returns.
            options.Configuration.AbortOnConnectFail = false;
        });
    }
}
