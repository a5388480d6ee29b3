using System.Net;
using System.Net.Http.Json;
using Kanban.Api.Infrastructure.Access;
using Kanban.Api.Tests.Infrastructure;

namespace Kanban.Api.Tests.ScaleOut;

/// <summary>Behind a load balancer, the sign-in throttle counts each client's address, not the balancer's.</summary>
public sealed class TrustedProxyTests : IAsyncDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("kanban-proxy-").FullName;

    [Fact]
    public async Task Behind_a_trusted_balancer_one_client_guessing_does_not_throttle_another_and_an_untrusted_sender_cannot_pick_its_address()
    {
        await using var behindBalancer = await ApiProcess.StartAsync(_dataDirectory, new Dictionary<string, string> { ["Kanban:TrustedProxies"] = "127.0.0.1" });
        using var http = new HttpClient { BaseAddress = behindBalancer.Address };

        for (var i = 0; i < SignInThrottle.PerAddressPerMinute; i++)
        {
            (await AttemptAsync(http, "10.1.1.1", $"guess-{i}@proxy.example")).ShouldBe(HttpStatusCode.Unauthorized);
        }

        (await AttemptAsync(http, "10.1.1.1", "one-more@proxy.example")).ShouldBe(HttpStatusCode.TooManyRequests, "that client's address is spent");
        (await AttemptAsync(http, "10.2.2.2", "someone-else@proxy.example")).ShouldBe(HttpStatusCode.Unauthorized, "another client behind the same balancer is not");
    }

    [Fact]
    public async Task Without_trusted_proxies_a_forwarded_address_is_ignored()
    {
        await using var direct = await ApiProcess.StartAsync(_dataDirectory);
        using var http = new HttpClient { BaseAddress = direct.Address };

        // The process's own admin signed in once from this address as it started.
        for (var i = 1; i < SignInThrottle.PerAddressPerMinute; i++)
        {
            (await AttemptAsync(http, $"10.9.9.{i}", $"rotating-{i}@proxy.example")).ShouldBe(HttpStatusCode.Unauthorized);
        }

        (await AttemptAsync(http, "10.9.9.250", "rotating-last@proxy.example")).ShouldBe(
            HttpStatusCode.TooManyRequests, "a client that makes up its X-Forwarded-For is still one address");
    }

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await TestDatabase.DropAsync(_dataDirectory);
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private static async Task<HttpStatusCode> AttemptAsync(HttpClient http, string forwardedFor, string email)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token") { Content = JsonContent.Create(new { email, password = "not the password" }) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return (await http.SendAsync(request)).StatusCode;
    }
}
