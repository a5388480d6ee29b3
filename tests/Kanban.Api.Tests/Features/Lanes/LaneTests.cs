using System.Net;
using Kanban.Api.Features.Lanes;
using Kanban.Api.Tests.Infrastructure;
using Kanban.Domain.Boards;

namespace Kanban.Api.Tests.Features.Lanes;

public sealed class LaneTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Adding_a_lane_at_a_position_shifts_the_lanes_after_it_and_bumps_the_version()
    {
        var board = await _client.CreateBoardAsync();

        var response = await _client.PostJsonAsync($"/api/boards/{board.Id}/lanes",
            new { name = "Review", kind = "Queue", wipLimit = 2, untested = false, order = 3 });

        var lane = await response.ReadAsync<LaneResponse>(HttpStatusCode.Created);
        lane.Order.ShouldBe(3);
        var after = await _client.GetBoardAsync(board.Id);
        after.Lanes.Select(l => l.Name).ShouldBe(["Backlog", "Ready", "In progress", "Review", "Ready for test", "Testing", "Done"]);
        after.Lanes.Select(l => l.Order).ShouldBe([0, 1, 2, 3, 4, 5, 6]);
        after.Version.ShouldBe(board.Version + 1);
    }

    [Fact]
    public async Task Updating_a_lane_changes_its_limit_flags_and_position()
    {
        var board = await _client.CreateBoardAsync();
        var testing = board.Lanes.Single(l => l.Name == "Testing");

        var response = await _client.PutJsonAsync($"/api/boards/{board.Id}/lanes/{testing.Id}",
            new { name = "Verifying", kind = "Active", wipLimit = 4, untested = true, order = 1 });

        var lane = await response.ReadAsync<LaneResponse>();
        (lane.Name, lane.WipLimit, lane.Untested, lane.Order).ShouldBe(("Verifying", (int?)4, true, 1));
        (await _client.GetBoardAsync(board.Id)).Lanes.Select(l => l.Name)
            .ShouldBe(["Backlog", "Verifying", "Ready", "In progress", "Ready for test", "Done"]);
    }

    [Fact]
    public async Task A_lane_without_a_kind_or_with_a_zero_limit_gets_400_naming_the_fields()
    {
        var board = await _client.CreateBoardAsync();

        var response = await _client.PostJsonAsync($"/api/boards/{board.Id}/lanes", new { name = "Odd", wipLimit = 0 });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.Errors!.Keys.ShouldBe(["kind", "wipLimit"], ignoreOrder: true);
    }

    [Fact]
    public async Task An_unknown_lane_kind_gets_400_naming_the_field()
    {
        var board = await _client.CreateBoardAsync();

        var response = await _client.PostJsonAsync($"/api/boards/{board.Id}/lanes", new { name = "Odd", kind = "Parked" });

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["kind"]);
    }

    [Fact]
    public async Task An_empty_lane_can_be_deleted()
    {
        var board = await _client.CreateBoardAsync();
        var ready = board.LaneId("Ready");

        var response = await _client.DeleteAsync($"/api/boards/{board.Id}/lanes/{ready}");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _client.GetBoardAsync(board.Id)).Lanes.ShouldNotContain(l => l.Id == ready);
    }

    [Fact]
    public async Task A_lane_holding_cards_is_not_deleted_and_keeps_its_cards()
    {
        var board = await _client.CreateBoardAsync();
        var ticket = await _client.AddCardAsync(board.Id);
        await _client.MoveOkAsync(ticket.Id, board.LaneId("Ready"));

        var response = await _client.DeleteAsync($"/api/boards/{board.Id}/lanes/{board.LaneId("Ready")}");

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
        problem.Type.ShouldEndWith("lane-not-empty");
        problem.Extensions["count"].GetInt32().ShouldBe(1);
        (await _client.GetBoardAsync(board.Id)).Cards.Single().LaneId.ShouldBe(board.LaneId("Ready"));
    }

    [Fact]
    public async Task The_backlog_cannot_be_deleted()
    {
        var board = await _client.CreateBoardAsync();

        var response = await _client.DeleteAsync($"/api/boards/{board.Id}/lanes/{board.LaneId("Backlog")}");

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Detail.ShouldContain("backlog");
        (await _client.GetBoardAsync(board.Id)).Lanes.ShouldContain(l => l.Kind == LaneKind.Backlog);
    }
}
