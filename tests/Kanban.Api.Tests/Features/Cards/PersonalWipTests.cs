using System.Net;
using Kanban.Api.Features.Cards;
using Kanban.Api.Tests.Infrastructure;

namespace Kanban.Api.Tests.Features.Cards;

public sealed class PersonalWipTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private readonly Guid _ana = Guid.CreateVersion7();

    [Fact]
    public async Task Moving_a_third_card_of_one_person_into_an_active_lane_is_refused()
    {
        var board = await _client.CreateBoardAsync();
        var cards = await _client.FillAsync(board, "Ready", 3);
        foreach (var id in cards)
        {
            await (await _client.AssignAsync(id, _ana)).ReadAsync<CardResponse>();
        }

        await _client.MoveOkAsync(cards[0], board.LaneId("In progress"));
        await _client.MoveOkAsync(cards[1], board.LaneId("In progress"));

        var problem = await (await _client.MoveAsync(cards[2], board.LaneId("In progress"))).ReadProblemAsync(HttpStatusCode.Conflict);

        problem.Type.ShouldEndWith("personal-wip-limit-reached");
        problem.Extensions["assigneeId"].GetGuid().ShouldBe(_ana);
        problem.Extensions["count"].GetInt32().ShouldBe(2);
        problem.Extensions["limit"].GetInt32().ShouldBe(2);
        (await _client.GetBoardAsync(board.Id)).Cards.Single(c => c.Id == cards[2]).LaneId.ShouldBe(board.LaneId("Ready"));
    }

    [Fact]
    public async Task Assigning_a_card_in_an_active_lane_to_someone_at_their_limit_is_refused()
    {
        var board = await _client.CreateBoardAsync();
        var cards = await _client.FillAsync(board, "In progress", 3);
        await (await _client.AssignAsync(cards[0], _ana)).ReadAsync<CardResponse>();
        await (await _client.AssignAsync(cards[1], _ana)).ReadAsync<CardResponse>();

        var problem = await (await _client.AssignAsync(cards[2], _ana)).ReadProblemAsync(HttpStatusCode.Conflict);

        problem.Type.ShouldEndWith("personal-wip-limit-reached");
        (await _client.GetBoardAsync(board.Id)).Cards.Single(c => c.Id == cards[2]).AssigneeId.ShouldBeNull();
    }

    [Fact]
    public async Task The_personal_limit_follows_the_board_setting()
    {
        var board = await _client.CreateBoardAsync();
        var cards = await _client.FillAsync(board, "In progress", 2);
        await (await _client.AssignAsync(cards[0], _ana)).ReadAsync<CardResponse>();
        var settings = await (await _client.GetAsync($"/api/boards/{board.Id}/settings")).ReadAsync<Kanban.Api.Features.Boards.BoardSettingsResponse>();
        await (await _client.PutJsonAsync($"/api/boards/{board.Id}/settings", settings with { PersonalWipLimit = 1 }))
            .ReadAsync<Kanban.Api.Features.Boards.BoardSettingsResponse>();

        var problem = await (await _client.AssignAsync(cards[1], _ana)).ReadProblemAsync(HttpStatusCode.Conflict);

        problem.Extensions["limit"].GetInt32().ShouldBe(1);
    }
}
