using System.Reflection;
using Kanban.Api.Infrastructure.Access;
using Kanban.Api.Tests.Infrastructure;
using Mediator;

namespace Kanban.Api.Tests.Features.Access;

public sealed class HeadersAndMessagesTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/boards/some-board")]
    [InlineData("/api/boards")]
    [InlineData("/health/live")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var client = factory.CreateAnonymousClient();

        var response = await client.GetAsync(path);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("script-src 'self'");
        csp.ShouldNotContain("unsafe-inline");
        csp.ShouldContain("frame-ancestors 'none'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
    }

    [Fact]
    public void Every_command_and_query_says_who_may_send_it()
    {
        var messages = typeof(Program).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false } && typeof(IMessage).IsAssignableFrom(t))
            .ToList();

        messages.Count.ShouldBeGreaterThan(20);
        messages.Where(t => t.GetCustomAttribute<AccessAttribute>() is null).Select(t => t.Name).ShouldBeEmpty();
        messages.Where(t => t.GetCustomAttribute<BoardAccessAttribute>() is not null
                && !typeof(IBoardRequest).IsAssignableFrom(t) && !typeof(ICardRequest).IsAssignableFrom(t) && !typeof(IShareLinkRequest).IsAssignableFrom(t))
            .Select(t => t.Name).ShouldBeEmpty();
    }
}

public sealed class WallFramingTests(WallFramingTests.Factory factory) : IClassFixture<WallFramingTests.Factory>
{
    public sealed class Factory : KanbanApiFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Kanban:WallFrameAncestors", "https://intranet.example");
        }
    }

    [Fact]
    public async Task The_wall_may_be_framed_where_configured_and_nothing_else_may()
    {
        using var client = factory.CreateAnonymousClient();

        var wall = await client.GetAsync("/wall/some-board");
        var board = await client.GetAsync("/boards/some-board");

        wall.Headers.GetValues("Content-Security-Policy").Single().ShouldEndWith("frame-ancestors https://intranet.example");
        board.Headers.GetValues("Content-Security-Policy").Single().ShouldEndWith("frame-ancestors 'none'");
    }
}
