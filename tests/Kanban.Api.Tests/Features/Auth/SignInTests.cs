using System.Net;
using System.Net.Http.Json;
using Kanban.Api.Features.Auth;
using Kanban.Api.Infrastructure.Access;
using Kanban.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kanban.Api.Tests.Features.Auth;

public sealed class SignInTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private HttpClient CookieClient()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    private static string CookieValue(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=", StringComparison.Ordinal)).Split(';')[0][(name.Length + 1)..];

    [Fact]
    public async Task Signing_in_sets_an_httponly_samesite_session_cookie_and_a_readable_antiforgery_cookie()
    {
        await factory.TokenForAsync("signin@test.example");
        using var client = CookieClient();

        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = "signin@test.example", password = KanbanApiFactory.Password });

        var me = await response.ReadAsync<MeResponse>();
        me.Email.ShouldBe("signin@test.example");
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        var session = cookies.Single(c => c.StartsWith("kanban.session=", StringComparison.Ordinal)).ToLowerInvariant();
        session.ShouldContain("httponly");
        session.ShouldContain("samesite=strict");
        cookies.Single(c => c.StartsWith("XSRF-TOKEN=", StringComparison.Ordinal)).ToLowerInvariant().ShouldNotContain("httponly");
        (await (await client.GetAsync("/api/me")).ReadAsync<MeResponse>()).Id.ShouldBe(me.Id);
    }

    [Fact]
    public async Task Under_https_the_session_and_antiforgery_cookies_are_secure()
    {
        await factory.TokenForAsync("https@test.example");
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = null;

        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = "https@test.example", password = KanbanApiFactory.Password });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var cookies = response.Headers.GetValues("Set-Cookie").Select(c => c.ToLowerInvariant()).ToList();
        cookies.Single(c => c.StartsWith("kanban.session=", StringComparison.Ordinal)).ShouldContain("secure");
        cookies.Single(c => c.StartsWith("xsrf-token=", StringComparison.Ordinal)).ShouldContain("secure");
    }

    [Fact]
    public async Task A_cookie_write_without_the_antiforgery_header_is_refused_and_with_it_goes_through()
    {
        await factory.TokenForAsync("writer@test.example");
        using var client = CookieClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = "writer@test.example", password = KanbanApiFactory.Password });
        var token = CookieValue(login, AccessSetup.AntiforgeryCookie);

        var refused = await client.PostAsJsonAsync("/api/boards", new { name = "Forged", key = "FORGED" });
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/boards") { Content = JsonContent.Create(new { name = "Genuine", key = "GENUINE" }) };
        request.Headers.Add(AccessSetup.AntiforgeryHeader, token);
        var accepted = await client.SendAsync(request);

        (await refused.ReadProblemAsync(HttpStatusCode.Forbidden)).Detail.ShouldContain(AccessSetup.AntiforgeryHeader);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Created);
        var boards = await (await client.GetAsync("/api/boards")).ReadAsync<List<Kanban.Api.Features.Boards.BoardSummary>>();
        boards.Select(b => b.Key).ShouldBe(["GENUINE"]);
    }

    [Fact]
    public async Task A_bearer_token_works_without_an_antiforgery_header()
    {
        using var client = await factory.CreateClientForAsync("script@test.example");

        var response = await client.PostJsonAsync("/api/boards", new { name = "From a script", key = "SCRIPT" });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_token_comes_with_its_expiry()
    {
        await factory.TokenForAsync("expiry@test.example");
        using var client = factory.CreateAnonymousClient();

        var token = await (await client.PostJsonAsync("/api/auth/token", new { email = "expiry@test.example", password = KanbanApiFactory.Password })).ReadAsync<TokenResponse>();

        token.AccessToken.Length.ShouldBeGreaterThan(40);
        token.ExpiresAt.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddHours(7));
        token.ExpiresAt.ShouldBeLessThan(DateTimeOffset.UtcNow.AddHours(9));
    }

    [Theory]
    [InlineData("/api/auth/login")]
    [InlineData("/api/auth/token")]
    public async Task A_wrong_password_gets_401_problem_details(string route)
    {
        await factory.TokenForAsync("wrong@test.example");
        using var client = factory.CreateAnonymousClient();

        var response = await client.PostJsonAsync(route, new { email = "wrong@test.example", password = "not the password at all" });

        (await response.ReadProblemAsync(HttpStatusCode.Unauthorized)).Type.ShouldEndWith("unauthorized");
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        await factory.TokenForAsync("leaver@test.example");
        using var client = CookieClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = "leaver@test.example", password = KanbanApiFactory.Password });
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout");
        request.Headers.Add(AccessSetup.AntiforgeryHeader, CookieValue(login, AccessSetup.AntiforgeryCookie));

        (await client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await client.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_session_answers_a_stranger_with_200_and_nobody_while_me_stays_401()
    {
        using var client = CookieClient();

        var response = await client.GetAsync("/api/auth/session");

        var session = await response.ReadAsync<SessionResponse>();
        session.SignedIn.ShouldBeFalse();
        session.User.ShouldBeNull();
        (await client.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_session_names_the_signed_in_person_and_issues_a_fresh_antiforgery_token()
    {
        await factory.TokenForAsync("session@test.example");
        using var client = CookieClient();
        var me = await (await client.PostAsJsonAsync("/api/auth/login", new { email = "session@test.example", password = KanbanApiFactory.Password })).ReadAsync<MeResponse>();

        var response = await client.GetAsync("/api/auth/session");

        var session = await response.ReadAsync<SessionResponse>();
        session.SignedIn.ShouldBeTrue();
        session.User!.Id.ShouldBe(me.Id);
        session.User.Email.ShouldBe("session@test.example");
        session.User.DisplayName.ShouldBe(me.DisplayName);
        CookieValue(response, AccessSetup.AntiforgeryCookie).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task The_session_of_a_bearer_token_names_its_person()
    {
        using var client = await factory.CreateClientForAsync("session-bearer@test.example");

        var session = await (await client.GetAsync("/api/auth/session")).ReadAsync<SessionResponse>();

        session.SignedIn.ShouldBeTrue();
        session.User!.Email.ShouldBe("session-bearer@test.example");
    }

    [Fact]
    public async Task Passwords_never_appear_in_the_logs()
    {
        const string secret = "a password nobody should ever log";
        await factory.TokenForAsync("logged@test.example");
        using var client = factory.CreateAnonymousClient();

        await client.PostJsonAsync("/api/auth/login", new { email = "logged@test.example", password = secret });
        await client.PostJsonAsync("/api/auth/token", new { email = "logged@test.example", password = secret });
        using var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);
        await admin.PostJsonAsync("/api/users", new { email = "new@test.example", displayName = "New", password = secret });
        await admin.PostJsonAsync("/api/users", new { email = "short@test.example", displayName = "Short", password = "short" });

        factory.Logs.Lines.ShouldNotBeEmpty();
        factory.Logs.Lines.ShouldNotContain(l => l.Contains(secret, StringComparison.Ordinal));
        factory.Logs.Lines.ShouldNotContain(l => l.Contains(KanbanApiFactory.Password, StringComparison.Ordinal));
    }
}
