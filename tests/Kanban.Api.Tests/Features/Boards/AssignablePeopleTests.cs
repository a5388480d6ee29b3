using System.Net;
using Kanban.Api.Features.Boards;
using Kanban.Api.Tests.Infrastructure;
using Kanban.Domain.Boards;

namespace Kanban.Api.Tests.Features.Boards;

public sealed class AssignablePeopleTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_member_reads_the_boards_members_and_product_owners_by_name_without_its_viewers()
    {
        var board = await _client.CreateBoardAsync();
        using var member = await factory.ClientOnBoardAsync(_client, board.Id, "zed-member@test.example", "Member");
        using var other = await factory.ClientOnBoardAsync(_client, board.Id, "amy-member@test.example", "Member");
        using var viewer = await factory.ClientOnBoardAsync(_client, board.Id, "bob-viewer@test.example", "Viewer");
        await _client.CreateBoardAsync();

        var people = await (await member.GetAsync($"/api/boards/{board.Id}/people")).ReadAsync<List<AssignablePersonResponse>>();

        people.ShouldBe([
            new AssignablePersonResponse(await factory.UserIdOfAsync("amy-member@test.example"), "amy-member", BoardRole.Member),
            new AssignablePersonResponse(await factory.UserIdOfAsync(KanbanApiFactory.Owner), "owner", BoardRole.ProductOwner),
            new AssignablePersonResponse(await factory.UserIdOfAsync("zed-member@test.example"), "zed-member", BoardRole.Member),
        ]);
    }

    [Fact]
    public async Task A_viewer_may_not_read_who_can_be_assigned()
    {
        var board = await _client.CreateBoardAsync();
        using var viewer = await factory.ClientOnBoardAsync(_client, board.Id, "people-viewer@test.example", "Viewer");

        var response = await viewer.GetAsync($"/api/boards/{board.Id}/people");

        (await response.ReadProblemAsync(HttpStatusCode.Forbidden)).Type.ShouldEndWith("forbidden");
    }

    [Fact]
    public async Task Someone_not_on_the_board_gets_404()
    {
        var board = await _client.CreateBoardAsync();
        using var stranger = await factory.CreateClientForAsync("people-stranger@test.example");

        var response = await stranger.GetAsync($"/api/boards/{board.Id}/people");

        (await response.ReadProblemAsync(HttpStatusCode.NotFound)).Type.ShouldEndWith("not-found");
    }
}
