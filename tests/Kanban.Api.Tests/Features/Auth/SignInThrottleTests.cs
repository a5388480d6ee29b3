using System.Net;
using Kanban.Api.Infrastructure.Access;
using Kanban.Api.Tests.Infrastructure;

namespace Kanban.Api.Tests.Features.Auth;

// Each limit in a class of its own: the test server gives every request the same address, so one
// app (one fixture) per limit keeps each test's attempts apart.
public sealed class AccountThrottleTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    [Fact]
    public async Task Repeated_attempts_on_one_account_are_rate_limited_with_429()
    {
        using (var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail))
        {
            await admin.PostJsonAsync("/api/users", new { email = "target@test.example", displayName = "Target", password = KanbanApiFactory.Password });
        }

        using var client = factory.CreateAnonymousClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= SignInThrottle.PerAccountPerMinute; i++)
        {
            statuses.Add((await client.PostJsonAsync("/api/auth/login", new { email = "target@test.example", password = $"guess number {i}" })).StatusCode);
        }

        statuses.Take(SignInThrottle.PerAccountPerMinute).ShouldAllBe(s => s == HttpStatusCode.Unauthorized);
        var limited = await client.PostJsonAsync("/api/auth/token", new { email = "target@test.example", password = KanbanApiFactory.Password });
        (await limited.ReadProblemAsync(HttpStatusCode.TooManyRequests)).Type.ShouldEndWith("too-many-requests");
    }
}

public sealed class AddressThrottleTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    [Fact]
    public async Task Repeated_attempts_from_one_address_over_many_accounts_are_rate_limited_with_429()
    {
        using var client = factory.CreateAnonymousClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= SignInThrottle.PerAddressPerMinute; i++)
        {
            statuses.Add((await client.PostJsonAsync("/api/auth/token", new { email = $"nobody{i}@test.example", password = "whatever it is" })).StatusCode);
        }

        statuses[^1].ShouldBe(HttpStatusCode.TooManyRequests);
        statuses.Count(s => s == HttpStatusCode.Unauthorized).ShouldBeGreaterThan(0);
    }
}
