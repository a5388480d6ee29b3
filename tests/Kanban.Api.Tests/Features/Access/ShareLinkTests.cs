using System.Net;
using Kanban.Api.Features.Boards;
using Kanban.Api.Features.ShareLinks;
using Kanban.Api.Realtime;
using Kanban.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Tests.Features.Access;

public sealed class ShareLinkTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private readonly HttpClient _owner = factory.CreateClient();
    private readonly HttpClient _anonymous = factory.CreateAnonymousClient();

    private async Task<(BoardResponse Board, CreatedShareLinkResponse Link, string Token)> ShareAsync(string view)
    {
        var board = await _owner.CreateBoardAsync();
        var link = await (await _owner.PostJsonAsync($"/api/boards/{board.Id}/share-links", new { view })).ReadAsync<CreatedShareLinkResponse>(HttpStatusCode.Created);
        return (board, link, link.Url.Split("share=")[1]);
    }

    [Fact]
    public async Task A_wall_link_reads_its_board_without_signing_in_and_points_at_the_wall_page()
    {
        var (board, link, token) = await ShareAsync("wall");

        var read = await (await _anonymous.GetAsync($"/api/boards/{board.Id}?share={token}")).ReadAsync<BoardResponse>();

        link.Url.ShouldBe($"/wall/{board.Id}?share={token}");
        read.Id.ShouldBe(board.Id);
        read.Role.ShouldBeNull();
    }

    [Fact]
    public async Task Only_a_hash_of_the_token_is_stored()
    {
        var (_, link, token) = await ShareAsync("wall");

        var stored = await factory.WithDbAsync(db => db.ShareLinks.SingleAsync(l => l.Id == link.Id));

        stored.TokenHash.ShouldNotContain(token);
        stored.TokenHash.ShouldBe(Kanban.Domain.Boards.ShareLink.Hash(token));
        var listed = await (await _owner.GetAsync($"/api/boards/{stored.BoardId}/share-links")).Content.ReadAsStringAsync();
        listed.ShouldNotContain(token);
    }

    [Fact]
    public async Task A_share_link_cannot_write_anything()
    {
        var (board, _, token) = await ShareAsync("wall");
        var ticket = await _owner.AddCardAsync(board.Id);

        var move = await _anonymous.PostJsonAsync($"/api/cards/{ticket.Id}/move?share={token}", new { laneId = board.LaneId("Ready") });
        var stop = await _anonymous.PostJsonAsync($"/api/boards/{board.Id}/line/stop?share={token}", new { reason = "Let me in" });
        var submit = await _anonymous.PostJsonAsync($"/api/boards/{board.Id}/tickets?share={token}", new
        {
            title = "Sneaked in via a link", description = "Text", definitionOfDone = new[] { "Never lands on the board" }, estimateDays = 1,
        });
        var settings = await _anonymous.GetAsync($"/api/boards/{board.Id}/activity?share={token}");

        foreach (var refused in new[] { move, stop, submit, settings })
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        var after = await _owner.GetBoardAsync(board.Id);
        after.Cards.ShouldHaveSingleItem().LaneId.ShouldBe(board.LaneId("Backlog"));
        after.Line.Stopped.ShouldBeFalse();
    }

    [Fact]
    public async Task A_share_link_cannot_read_another_board()
    {
        var (_, _, token) = await ShareAsync("wall");
        var other = await _owner.CreateBoardAsync();

        var response = await _anonymous.GetAsync($"/api/boards/{other.Id}?share={token}");

        (await response.ReadProblemAsync(HttpStatusCode.NotFound)).Type.ShouldEndWith("not-found");
    }

    [Fact]
    public async Task A_status_link_cannot_open_the_wall_view()
    {
        var (board, _, token) = await ShareAsync("status");

        var response = await _anonymous.GetAsync($"/api/boards/{board.Id}?share={token}");

        (await response.ReadProblemAsync(HttpStatusCode.Forbidden)).Detail.ShouldContain("status view only");
    }

    [Fact]
    public async Task A_revoked_link_fails_at_once()
    {
        var (board, link, token) = await ShareAsync("wall");
        (await _anonymous.GetAsync($"/api/boards/{board.Id}?share={token}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await _owner.DeleteAsync($"/api/share-links/{link.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await _anonymous.GetAsync($"/api/boards/{board.Id}?share={token}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var listed = await (await _owner.GetAsync($"/api/boards/{board.Id}/share-links")).ReadAsync<List<ShareLinkResponse>>();
        listed.ShouldHaveSingleItem().RevokedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task An_unknown_token_gets_401()
    {
        var board = await _owner.CreateBoardAsync();

        var response = await _anonymous.GetAsync($"/api/boards/{board.Id}?share=not-a-real-token");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_wall_link_joins_its_board_on_the_hub_and_receives_its_moves_but_not_another_boards()
    {
        var (board, _, token) = await ShareAsync("wall");
        var other = await _owner.CreateBoardAsync();
        var ticket = await _owner.AddCardAsync(board.Id);
        await using var wall = await factory.ConnectWithShareLinkAsync(token);
        var moved = new TaskCompletionSource<CardMovedMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        wall.On<CardMovedMessage>("CardMoved", e => moved.TrySetResult(e));

        await wall.InvokeAsync("JoinBoard", board.Id);
        var refused = await Should.ThrowAsync<Microsoft.AspNetCore.SignalR.HubException>(() => wall.InvokeAsync("JoinBoard", other.Id));
        await _owner.MoveOkAsync(ticket.Id, board.LaneId("Ready"));

        (await moved.Task.WaitAsync(TimeSpan.FromSeconds(10))).Card.Id.ShouldBe(ticket.Id);
        refused.Message.ShouldContain("does not exist");
    }

    [Fact]
    public async Task A_member_cannot_create_share_links()
    {
        var board = await _owner.CreateBoardAsync();
        await factory.UserIdOfAsync("sharer@test.example");
        await (await _owner.PostJsonAsync($"/api/boards/{board.Id}/members", new { email = "sharer@test.example", role = "Member" })).ReadAsync<object>();
        using var member = await factory.CreateClientForAsync("sharer@test.example");

        var response = await member.PostJsonAsync($"/api/boards/{board.Id}/share-links", new { view = "wall" });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.WithDbAsync(db => db.ShareLinks.CountAsync(l => l.BoardId == board.Id))).ShouldBe(0);
    }
}
