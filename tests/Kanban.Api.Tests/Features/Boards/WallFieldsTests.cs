using System.Net;
using Kanban.Api.Features.Boards;
using Kanban.Api.Features.ShareLinks;
using Kanban.Api.Tests.Infrastructure;

namespace Kanban.Api.Tests.Features.Boards;

/// <summary>What the wall needs and cannot read elsewhere through its share link: the sound setting and who stopped the line.</summary>
public sealed class WallFieldsTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private readonly HttpClient _owner = factory.CreateClient();

    private async Task<string> WallTokenAsync(Guid boardId)
    {
        var link = await (await _owner.PostJsonAsync($"/api/boards/{boardId}/share-links", new { view = "wall" }))
            .ReadAsync<CreatedShareLinkResponse>(HttpStatusCode.Created);
        return link.Url.Split("share=")[1];
    }

    [Fact]
    public async Task The_board_says_whether_the_line_stop_sound_is_on_to_a_wall_link()
    {
        var board = await _owner.CreateBoardAsync();
        var token = await WallTokenAsync(board.Id);
        using var anonymous = factory.CreateAnonymousClient();

        var before = await (await anonymous.GetAsync($"/api/boards/{board.Id}?share={token}")).ReadAsync<BoardResponse>();
        var settings = await (await _owner.GetAsync($"/api/boards/{board.Id}/settings")).ReadAsync<System.Text.Json.JsonElement>();
        var body = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object?>>(settings.GetRawText())!;
        body.Remove("effectiveStopLineThreshold");
        body["lineStopSound"] = true;
        (await _owner.PutJsonAsync($"/api/boards/{board.Id}/settings", body)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await (await anonymous.GetAsync($"/api/boards/{board.Id}?share={token}")).ReadAsync<BoardResponse>();

        before.LineStopSound.ShouldBeFalse();
        after.LineStopSound.ShouldBeTrue();
    }

    [Fact]
    public async Task A_line_stopped_by_hand_names_who_stopped_it_and_a_running_line_names_nobody()
    {
        var board = await _owner.CreateBoardAsync();
        var member = await factory.ClientOnBoardAsync(_owner, board.Id, "wall-andon@test.example", "Member");
        var token = await WallTokenAsync(board.Id);
        using var anonymous = factory.CreateAnonymousClient();

        var running = await (await anonymous.GetAsync($"/api/boards/{board.Id}?share={token}")).ReadAsync<BoardResponse>();
        (await member.StopLineAsync(board.Id, "Payments are failing")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stopped = await (await anonymous.GetAsync($"/api/boards/{board.Id}?share={token}")).ReadAsync<BoardResponse>();

        running.Line.StoppedByName.ShouldBeNull();
        stopped.Line.Stopped.ShouldBeTrue();
        stopped.Line.StoppedBy.ShouldBe(await factory.UserIdOfAsync("wall-andon@test.example"));
        stopped.Line.StoppedByName.ShouldBe("wall-andon");
    }
}
