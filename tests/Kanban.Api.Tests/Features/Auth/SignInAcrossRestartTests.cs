using System.Net.Http.Headers;
using System.Net.Http.Json;
using Kanban.Api.Features.Auth;
using Kanban.Api.Tests.Infrastructure;
using Kanban.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Tests.Features.Auth;

/// <summary>
/// The keys that protect sign-in cookies and tokens live in the data folder's keys/, beside the
/// database: a sign-in made before a restart still works after it, and the keys are where the
/// README says (readable by the app's account only).
/// </summary>
public sealed class SignInAcrossRestartTests
{
    private sealed class AppOn(string dataDirectory) : KanbanApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            UseDataDirectory(builder, dataDirectory);
        }
    }

    [Fact]
    public async Task A_session_cookie_and_a_token_from_before_a_restart_still_sign_in_after_it()
    {
        var data = Directory.CreateTempSubdirectory("kanban-restart-tests-").FullName;
        try
        {
            string cookie;
            string token;
            Guid adminId;
            await using (var first = new AppOn(data))
            {
                // Server.CreateClient: no cookie jar, and none of the factory's own sign-ins.
                using var browser = first.Server.CreateClient();
                var login = await browser.PostAsJsonAsync("/api/auth/login", new { email = KanbanApiFactory.AdminEmail, password = KanbanApiFactory.Password });
                adminId = (await login.ReadAsync<MeResponse>()).Id;
                cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("kanban.session=", StringComparison.Ordinal)).Split(';')[0];
                token = await first.TokenForAsync(KanbanApiFactory.AdminEmail);
            }

            await using var second = new AppOn(data);
            if (KanbanApiFactory.Provider == DatabaseProvider.Sqlite)
            {
                var keys = Path.Combine(data, "keys");
                Directory.GetFiles(keys, "key-*.xml").ShouldNotBeEmpty();
                if (!OperatingSystem.IsWindows())
                {
                    File.GetUnixFileMode(keys).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
            }
            else
            {
                // A server database is shared by every instance, so the keys are kept in it, not in a folder.
                Directory.Exists(Path.Combine(data, "keys")).ShouldBeFalse();
                (await second.WithDbAsync(db => db.DataProtectionKeys.CountAsync())).ShouldBeGreaterThan(0);
            }

            using var client = second.Server.CreateClient();

            var byCookie = new HttpRequestMessage(HttpMethod.Get, "/api/me");
            byCookie.Headers.Add("Cookie", cookie);
            (await (await client.SendAsync(byCookie)).ReadAsync<MeResponse>()).Id.ShouldBe(adminId);
            var byToken = new HttpRequestMessage(HttpMethod.Get, "/api/me");
            byToken.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            (await (await client.SendAsync(byToken)).ReadAsync<MeResponse>()).Id.ShouldBe(adminId);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await TestDatabase.DropAsync(data);
            Directory.Delete(data, recursive: true);
        }
    }
}
