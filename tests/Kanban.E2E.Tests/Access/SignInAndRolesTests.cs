using Kanban.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Kanban.E2E.Tests.Access;

/// <summary>Signing in through the page, and what each role of the demo sees; every page passes axe.</summary>
public sealed class SignInAndRolesTests(BrowserFixture browser, DemoKanbanServer server) : IClassFixture<DemoKanbanServer>
{
    private const string DemoPassword = "kanban-demo";

    private async Task SignInThroughTheFormAsync(IPage page, string email, string password = DemoPassword)
    {
        await page.GotoAsync(new Uri(server.BaseAddress, "/signin").ToString());
        await page.GetByTestId("signin-email").FillAsync(email);
        await page.GetByTestId("signin-password").FillAsync(password);
        await page.GetByTestId("signin-submit").ClickAsync();
    }

    [Fact]
    public async Task A_wrong_password_is_explained_and_a_viewer_then_reads_the_board_without_moving_anything()
    {
        await browser.WithPagesAsync(nameof(A_wrong_password_is_explained_and_a_viewer_then_reads_the_board_without_moving_anything), 1, async pages =>
        {
            var page = pages[0];
            await page.GotoAsync(server.BaseAddress.ToString());
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));

            await SignInThroughTheFormAsync(page, "cleo@example.com", "not the password");
            await Assertions.Expect(page.GetByTestId("signin-error")).ToContainTextAsync("do not match");
            (await Axe.ViolationsAsync(page)).ShouldBeEmpty();

            await SignInThroughTheFormAsync(page, "cleo@example.com");
            await page.GetByTestId("board-link-DEMO").ClickAsync();
            await Assertions.Expect(page.GetByTestId("connection-state")).ToHaveAttributeAsync("data-state", "connected");
            await Assertions.Expect(page.GetByTestId("current-role")).ToContainTextAsync("Viewer");
            await Assertions.Expect(page.GetByTestId("andon-button")).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByTestId("settings-link")).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByTestId("card-DEMO-33")).ToHaveAttributeAsync("data-draggable", "false");
            (await Axe.ViolationsAsync(page)).ShouldBeEmpty();
        });
    }

    [Fact]
    public async Task A_product_owner_manages_members_and_creates_a_share_link_that_is_shown_once()
    {
        await browser.WithPagesAsync(nameof(A_product_owner_manages_members_and_creates_a_share_link_that_is_shown_once), 1, async pages =>
        {
            var page = pages[0];
            await SignInThroughTheFormAsync(page, "ana@example.com");
            await page.GetByTestId("board-link-DEMO").ClickAsync();
            await page.GetByTestId("settings-link").ClickAsync();

            await Assertions.Expect(page.GetByTestId("member-ben@example.com")).ToBeVisibleAsync();
            await page.GetByTestId("share-link-view").SelectOptionAsync("wall");
            await page.GetByTestId("share-link-create").ClickAsync();

            var url = page.GetByTestId("share-link-url");
            await Assertions.Expect(url).ToContainTextAsync("/wall/");
            (await url.TextContentAsync())!.ShouldContain("?share=");
            (await Axe.ViolationsAsync(page)).ShouldBeEmpty();
        });
    }

    [Fact]
    public async Task An_admin_sees_the_people_and_signing_out_returns_to_the_sign_in_page()
    {
        await browser.WithPagesAsync(nameof(An_admin_sees_the_people_and_signing_out_returns_to_the_sign_in_page), 1, async pages =>
        {
            var page = pages[0];
            await SignInThroughTheFormAsync(page, "admin@example.com");
            await page.GetByTestId("people-link").ClickAsync();

            await Assertions.Expect(page.GetByTestId("person-cleo@example.com")).ToBeVisibleAsync();
            (await Axe.ViolationsAsync(page)).ShouldBeEmpty();

            await page.GetByTestId("signout").ClickAsync();
            await Assertions.Expect(page.GetByTestId("signin-form")).ToBeVisibleAsync();
            var me = await page.Context.APIRequest.GetAsync(new Uri(server.BaseAddress, "/api/me").ToString());
            me.Status.ShouldBe(401);
        });
    }
}
