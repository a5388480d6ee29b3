using System.Net;
using Kanban.Api.Features.Boards;
using Kanban.Api.Features.Members;
using Kanban.Api.Features.Users;
using Kanban.Api.Tests.Infrastructure;
using Kanban.Domain.Boards;

namespace Kanban.Api.Tests.Features.Access;

public sealed class MembersAndUsersTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private readonly HttpClient _owner = factory.CreateClient();

    [Fact]
    public async Task The_creator_of_a_board_is_its_product_owner()
    {
        var board = await _owner.CreateBoardAsync();

        var members = await (await _owner.GetAsync($"/api/boards/{board.Id}/members")).ReadAsync<List<MemberResponse>>();

        board.Role.ShouldBe(BoardRole.ProductOwner);
        members.ShouldHaveSingleItem().Email.ShouldBe(KanbanApiFactory.Owner);
        members.Single().Role.ShouldBe(BoardRole.ProductOwner);
    }

    [Fact]
    public async Task A_product_owner_adds_a_person_by_email_changes_their_role_and_removes_them()
    {
        var board = await _owner.CreateBoardAsync();
        var userId = await factory.UserIdOfAsync("joiner@test.example");
        using var joiner = await factory.CreateClientForAsync("joiner@test.example");
        (await joiner.GetAsync($"/api/boards/{board.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var added = await (await _owner.PostJsonAsync($"/api/boards/{board.Id}/members", new { email = "joiner@test.example", role = "Viewer" })).ReadAsync<MemberResponse>();
        (await joiner.GetBoardAsync(board.Id)).Role.ShouldBe(BoardRole.Viewer);
        (await joiner.PostJsonAsync($"/api/boards/{board.Id}/line/stop", new { reason = "Viewers cannot" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await (await _owner.PutJsonAsync($"/api/boards/{board.Id}/members/{userId}", new { role = "Member" })).ReadAsync<MemberResponse>();
        (await joiner.PostJsonAsync($"/api/boards/{board.Id}/line/stop", new { reason = "Members can" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await _owner.DeleteAsync($"/api/boards/{board.Id}/members/{userId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await joiner.GetAsync($"/api/boards/{board.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        added.UserId.ShouldBe(userId);
    }

    [Fact]
    public async Task Adding_an_unknown_email_gets_400_saying_to_ask_an_administrator()
    {
        var board = await _owner.CreateBoardAsync();

        var problem = await (await _owner.PostJsonAsync($"/api/boards/{board.Id}/members", new { email = "ghost@test.example", role = "Member" }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors!["email"].Single().ShouldContain("administrator");
    }

    [Fact]
    public async Task The_only_product_owner_cannot_be_removed_or_demoted()
    {
        var board = await _owner.CreateBoardAsync();
        var ownerId = await factory.UserIdOfAsync(KanbanApiFactory.Owner);

        var demoted = await _owner.PutJsonAsync($"/api/boards/{board.Id}/members/{ownerId}", new { role = "Member" });
        var removed = await _owner.DeleteAsync($"/api/boards/{board.Id}/members/{ownerId}");

        (await demoted.ReadProblemAsync(HttpStatusCode.Conflict)).Type.ShouldEndWith("last-product-owner");
        (await removed.ReadProblemAsync(HttpStatusCode.Conflict)).Type.ShouldEndWith("last-product-owner");
        (await _owner.GetBoardAsync(board.Id)).Role.ShouldBe(BoardRole.ProductOwner);
    }

    [Fact]
    public async Task One_of_two_product_owners_may_step_down_and_the_other_is_then_the_only_one()
    {
        var board = await _owner.CreateBoardAsync();
        var ownerId = await factory.UserIdOfAsync(KanbanApiFactory.Owner);
        var secondId = await factory.UserIdOfAsync("second-owner@test.example");
        await (await _owner.PostJsonAsync($"/api/boards/{board.Id}/members", new { email = "second-owner@test.example", role = "ProductOwner" })).ReadAsync<MemberResponse>();

        var demoted = await (await _owner.PutJsonAsync($"/api/boards/{board.Id}/members/{secondId}", new { role = "Member" })).ReadAsync<MemberResponse>();
        await (await _owner.PutJsonAsync($"/api/boards/{board.Id}/members/{secondId}", new { role = "ProductOwner" })).ReadAsync<MemberResponse>();
        var removed = await _owner.DeleteAsync($"/api/boards/{board.Id}/members/{secondId}");
        var lastRemoved = await _owner.DeleteAsync($"/api/boards/{board.Id}/members/{ownerId}");

        demoted.Role.ShouldBe(BoardRole.Member);
        removed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await lastRemoved.ReadProblemAsync(HttpStatusCode.Conflict)).Type.ShouldEndWith("last-product-owner");
    }

    [Fact]
    public async Task A_product_owner_elsewhere_sees_nothing_of_a_board_they_are_not_on()
    {
        using var stranger = await factory.CreateClientForAsync("stranger@test.example");
        await stranger.CreateBoardAsync("The stranger's own board");
        var board = await _owner.CreateBoardAsync("Private board");
        var ticket = await _owner.AddCardAsync(board.Id);

        (await stranger.GetAsync($"/api/boards/{board.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.MoveAsync(ticket.Id, board.LaneId("Ready"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/api/boards/{board.Id}/activity")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var visible = await (await stranger.GetAsync("/api/boards")).ReadAsync<List<BoardSummary>>();
        visible.Select(b => b.Name).ShouldBe(["The stranger's own board"]);
    }

    [Fact]
    public async Task An_admin_sees_every_board_as_product_owner()
    {
        var board = await _owner.CreateBoardAsync("Seen by the admin");
        using var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);

        var boards = await (await admin.GetAsync("/api/boards")).ReadAsync<List<BoardSummary>>();

        boards.ShouldContain(b => b.Id == board.Id && b.Role == BoardRole.ProductOwner);
    }

    [Fact]
    public async Task Only_whoever_stopped_the_line_or_the_product_owner_can_resume_it()
    {
        var board = await _owner.CreateBoardAsync();
        foreach (var email in new[] { "stopper@test.example", "bystander@test.example" })
        {
            await factory.UserIdOfAsync(email);
            await (await _owner.PostJsonAsync($"/api/boards/{board.Id}/members", new { email, role = "Member" })).ReadAsync<MemberResponse>();
        }

        using var stopper = await factory.CreateClientForAsync("stopper@test.example");
        using var bystander = await factory.CreateClientForAsync("bystander@test.example");

        var stopped = await (await stopper.StopLineAsync(board.Id, "The acquirer is down")).ReadAsync<LineResponse>();
        stopped.StoppedBy.ShouldBe(await factory.UserIdOfAsync("stopper@test.example"));
        var refused = await bystander.ResumeLineAsync(board.Id, "I say we carry on");
        await (await stopper.ResumeLineAsync(board.Id, "The acquirer is back")).ReadAsync<LineResponse>();
        await (await stopper.StopLineAsync(board.Id, "Down again")).ReadAsync<LineResponse>();
        await (await _owner.ResumeLineAsync(board.Id, "Product owner resumes")).ReadAsync<LineResponse>();

        (await refused.ReadProblemAsync(HttpStatusCode.Forbidden)).Type.ShouldEndWith("forbidden");
        (await _owner.GetBoardAsync(board.Id)).Line.Stopped.ShouldBeFalse();
    }

    [Fact]
    public async Task An_admin_creates_people_and_a_short_password_gets_400_on_the_password_field()
    {
        using var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);

        var created = await (await admin.PostJsonAsync("/api/users", new { email = "newcomer@test.example", displayName = "Newcomer", password = "long enough password" }))
            .ReadAsync<UserResponse>(HttpStatusCode.Created);
        var withoutPassword = await (await admin.PostJsonAsync("/api/users", new { email = "imported@test.example", displayName = "Imported" }))
            .ReadAsync<UserResponse>(HttpStatusCode.Created);
        var tooShort = await (await admin.PostJsonAsync("/api/users", new { email = "short@test.example", displayName = "Short", password = "short" }))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        var duplicate = await (await admin.PostJsonAsync("/api/users", new { email = "newcomer@test.example", displayName = "Again", password = "long enough password" }))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        var people = await (await admin.GetAsync("/api/users")).ReadAsync<List<UserResponse>>();

        created.CanSignIn.ShouldBeTrue();
        withoutPassword.CanSignIn.ShouldBeFalse();
        tooShort.Errors!.Keys.ShouldBe(["password"]);
        tooShort.Errors["password"].ShouldBe(["A password has at least 10 characters; a few unrelated words make a good one."]);
        duplicate.Type.ShouldBe("urn:kanban:problem:conflict");
        duplicate.Extensions["field"].GetString().ShouldBe("email");
        duplicate.Errors!.Keys.ShouldBe(["email"]);
        duplicate.Errors["email"].ShouldHaveSingleItem().ShouldContain("newcomer@test.example");
        people.Select(p => p.Email).ShouldContain("newcomer@test.example");
        people.ShouldNotContain(p => p.Email == "short@test.example");
    }

    [Fact]
    public async Task The_first_admin_comes_from_KANBAN_ADMIN_EMAIL_and_KANBAN_ADMIN_PASSWORD()
    {
        using var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail, KanbanApiFactory.Password);

        var me = await (await admin.GetAsync("/api/me")).ReadAsync<Kanban.Api.Features.Auth.MeResponse>();
        var ownerMe = await (await _owner.GetAsync("/api/me")).ReadAsync<Kanban.Api.Features.Auth.MeResponse>();

        me.Email.ShouldBe(KanbanApiFactory.AdminEmail);
        me.Roles.ShouldBe(["Admin"]);
        ownerMe.Roles.ShouldBeEmpty();
    }

    [Fact]
    public async Task People_who_are_not_admins_cannot_manage_people()
    {
        var list = await _owner.GetAsync("/api/users");
        var create = await _owner.PostJsonAsync("/api/users", new { email = "sneaky@test.example", displayName = "Sneaky", password = "long enough password" });

        list.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        create.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
