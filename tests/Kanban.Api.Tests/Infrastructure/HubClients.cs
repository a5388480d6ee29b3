using System.Text.Json;
using System.Text.Json.Serialization;
using Kanban.Api.Realtime;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Kanban.Api.Tests.Infrastructure;

/// <summary>Hub connections to the test server, as a person (bearer token) or through a share link.</summary>
public static class HubClients
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static async Task<HubConnection> ConnectAsync(this KanbanApiFactory factory, string email = KanbanApiFactory.Owner)
    {
        var token = await factory.TokenForAsync(email);
        return await StartAsync(factory, BoardHub.Path, token);
    }

    /// <summary>A connection with a token another instance issued (instances on one database read each other's tokens).</summary>
    public static Task<HubConnection> ConnectWithTokenAsync(this KanbanApiFactory factory, string bearer) =>
        StartAsync(factory, BoardHub.Path, bearer);

    /// <param name="webSockets">
    /// Over a WebSocket the link is checked once, when the connection opens (long polling checks it
    /// on every poll), so that is where a connection can outlive its link.
    /// </param>
    public static Task<HubConnection> ConnectWithShareLinkAsync(this KanbanApiFactory factory, string shareToken, bool webSockets = false) =>
        StartAsync(factory, $"{BoardHub.Path}?share={Uri.EscapeDataString(shareToken)}", bearer: null, webSockets);

    private static async Task<HubConnection> StartAsync(KanbanApiFactory factory, string path, string? bearer, bool webSockets = false)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, path), options =>
            {
                if (bearer is not null)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(bearer);
                }

                options.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                if (webSockets)
                {
                    options.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                    options.WebSocketFactory = async (context, ct) => await factory.Server.CreateWebSocketClient().ConnectAsync(context.Uri, ct);
                }
                else
                {
                    options.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
                }
            })
            .AddJsonProtocol(options =>
            {
                options.PayloadSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
                options.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter());
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }
}
