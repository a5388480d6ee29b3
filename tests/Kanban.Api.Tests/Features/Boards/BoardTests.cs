using System.Net;
using Kanban.Api.Features.Boards;
using Kanban.Api.Tests.Infrastructure;
using Kanban.Domain.Boards;

namespace Kanban.Api.Tests.Features.Boards;

public sealed class BoardTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Creating_a_board_answers_201_with_the_default_lanes_and_a_location()
    {
        var response = await _client.PostJsonAsync("/api/boards", new { name = "Payments", key = "PAYX" });

        var board = await response.ReadAsync<BoardResponse>(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe($"/api/boards/{board.Id}");
        board.Key.ShouldBe("PAYX");
        board.Lanes.Select(l => (l.Name, l.Kind, l.WipLimit, l.Untested)).ShouldBe(
        [
            ("Backlog", LaneKind.Backlog, null, false),
            ("Ready", LaneKind.Queue, 5, false),
            ("In progress", LaneKind.Active, 3, false),
            ("Ready for test", LaneKind.Queue, 3, true),
            ("Testing", LaneKind.Active, 2, true),
            ("Done", LaneKind.Done, null, false),
        ]);
        board.Cards.ShouldBeEmpty();
        board.Line.Stopped.ShouldBeFalse();
    }

    [Fact]
    public async Task A_created_board_is_listed_and_can_be_read_back()
    {
        var created = await _client.CreateBoardAsync("Listed board");

        var boards = await (await _client.GetAsync("/api/boards")).ReadAsync<List<BoardSummary>>();
        var read = await _client.GetBoardAsync(created.Id);

        boards.ShouldContain(b => b.Id == created.Id && b.Name == "Listed board" && b.CardCount == 0);
        read.Id.ShouldBe(created.Id);
        read.Lanes.Select(l => l.Id).ShouldBe(created.Lanes.Select(l => l.Id));
        read.Version.ShouldBe(created.Version);
    }

    [Fact]
    public async Task A_board_with_a_bad_name_and_key_gets_400_naming_both_fields()
    {
        var response = await _client.PostJsonAsync("/api/boards", new { name = "", key = "lower" });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.Type.ShouldEndWith("validation-failed");
        problem.Errors!.Keys.ShouldBe(["name", "key"], ignoreOrder: true);
        problem.Errors["key"].Single().ShouldContain("capital letters");
    }

    [Fact]
    public async Task A_second_board_with_the_same_key_is_refused_with_409_conflict_and_the_first_is_untouched()
    {
        var first = await _client.CreateBoardAsync("Original");

        var response = await _client.PostJsonAsync("/api/boards", new { name = "Copy", key = first.Key });

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
        problem.Type.ShouldBe("urn:kanban:problem:conflict");
        problem.Extensions["field"].GetString().ShouldBe("key");
        problem.Detail.ShouldBe($"A board with key {first.Key} already exists; choose another key.");
        problem.Errors!["key"].ShouldBe([problem.Detail]);
        (await _client.GetBoardAsync(first.Id)).Name.ShouldBe("Original");
    }

    [Fact]
    public async Task Malformed_json_gets_400_problem_details_not_a_500()
    {
        using var content = new StringContent("{\"name\": \"A\", \"key\":", System.Text.Encoding.UTF8, "application/json");

        var response = await _client.PostAsync("/api/boards", content);

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Type.ShouldEndWith("validation-failed");
    }

    [Fact]
    public async Task An_unknown_board_gets_404_problem_details()
    {
        var response = await _client.GetAsync($"/api/boards/{Guid.NewGuid()}");

        (await response.ReadProblemAsync(HttpStatusCode.NotFound)).Type.ShouldEndWith("not-found");
    }

    [Fact]
    public async Task An_unknown_api_route_gets_404_problem_details_not_the_spa()
    {
        var response = await _client.GetAsync("/api/no-such-thing");

        (await response.ReadProblemAsync(HttpStatusCode.NotFound)).Detail.ShouldContain("/api/no-such-thing");
    }
}
