using System.Net;
using Kanban.Api.Features.Boards;
using Kanban.Api.Features.Lanes;
using Kanban.Api.Features.ShareLinks;
using Kanban.Api.Tests.Infrastructure;

namespace Kanban.Api.Tests.Features.Lanes;

/// <summary>A done lane shows its latest cards on the board; the rest, and any lane's cards, page from the lane.</summary>
public sealed class LaneCardsTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>A board whose Done lane holds 25 cards, completed in order; the last two are assigned to the owner.</summary>
    private async Task<(BoardResponse Board, List<Guid> Done)> BoardWithDoneCardsAsync()
    {
        var board = await _client.CreateBoardAsync();
        var owner = await factory.UserIdOfAsync(KanbanApiFactory.Owner);
        var done = await _client.FillAsync(board, "Done", 25);
        foreach (var id in done.TakeLast(2))
        {
            (await _client.AssignAsync(id, owner)).EnsureSuccessStatusCode();
        }

        return (board, done);
    }

    private async Task<LaneCardsPage> PageAsync(BoardResponse board, string lane, string query = "", HttpClient? client = null) =>
        await (await (client ?? _client).GetAsync($"/api/boards/{board.Id}/lanes/{board.LaneId(lane)}/cards{query}")).ReadAsync<LaneCardsPage>();

    [Fact]
    public async Task The_board_lists_the_20_most_recently_completed_cards_of_a_done_lane_and_counts_them_all()
    {
        var (board, done) = await BoardWithDoneCardsAsync();

        var read = await _client.GetBoardAsync(board.Id);

        GetBoardHandler.DoneCardsShown.ShouldBe(20);
        read.Cards.Select(c => c.Id).ShouldBe(done.Skip(5));
        read.Lane("Done").Count.ShouldBe(25);
    }

    [Fact]
    public async Task A_done_lane_pages_from_the_most_recently_completed_card_with_the_total_and_the_pages_people()
    {
        var (board, done) = await BoardWithDoneCardsAsync();
        var owner = await factory.UserIdOfAsync(KanbanApiFactory.Owner);
        var latestFirst = Enumerable.Reverse(done).ToList();

        var first = await PageAsync(board, "Done");
        var rest = await PageAsync(board, "Done", "?skip=20&take=20");

        first.Cards.Select(c => c.Id).ShouldBe(latestFirst.Take(20));
        first.Total.ShouldBe(25);
        first.People.ShouldBe([new PersonResponse(owner, "owner")]);
        rest.Cards.Select(c => c.Id).ShouldBe(latestFirst.Skip(20));
        rest.Total.ShouldBe(25);
        rest.People.ShouldBeEmpty();
    }

    [Fact]
    public async Task Other_lanes_page_in_rank_order()
    {
        var board = await _client.CreateBoardAsync();
        var backlog = await _client.FillAsync(board, "Backlog", 4);
        await _client.MoveOkAsync(backlog[3], board.LaneId("Backlog"), index: 0);

        var page = await PageAsync(board, "Backlog", "?skip=1&take=2");

        page.Cards.Select(c => c.Id).ShouldBe([backlog[0], backlog[1]]);
        page.Cards.Select(c => c.Rank).ShouldBeInOrder();
        page.Total.ShouldBe(4);
        var empty = await PageAsync(board, "Ready");
        (empty.Cards.Count, empty.Total, empty.People.Count).ShouldBe((0, 0, 0));
    }

    [Theory]
    [InlineData("?skip=-1", "skip")]
    [InlineData("?take=0", "take")]
    [InlineData("?take=101", "take")]
    public async Task A_bad_skip_or_take_gets_400_naming_it(string query, string field)
    {
        var board = await _client.CreateBoardAsync();

        var response = await _client.GetAsync($"/api/boards/{board.Id}/lanes/{board.LaneId("Done")}/cards{query}");

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.Type.ShouldEndWith("validation-failed");
        problem.Errors!.Keys.ShouldBe([field]);
    }

    [Fact]
    public async Task Take_may_be_100()
    {
        var board = await _client.CreateBoardAsync();

        (await PageAsync(board, "Done", "?take=100")).Total.ShouldBe(0);
    }

    [Fact]
    public async Task A_lane_of_another_board_is_404()
    {
        var board = await _client.CreateBoardAsync();
        var other = await _client.CreateBoardAsync();

        var response = await _client.GetAsync($"/api/boards/{board.Id}/lanes/{other.LaneId("Done")}/cards");

        (await response.ReadProblemAsync(HttpStatusCode.NotFound)).Type.ShouldEndWith("not-found");
    }

    [Fact]
    public async Task A_viewer_and_a_wall_link_read_a_lanes_cards()
    {
        var board = await _client.CreateBoardAsync();
        await _client.FillAsync(board, "Done", 1);
        using var viewer = await factory.ClientOnBoardAsync(_client, board.Id, "lane-cards-viewer@test.example", "Viewer");
        var link = await (await _client.PostJsonAsync($"/api/boards/{board.Id}/share-links", new { view = "wall" })).ReadAsync<CreatedShareLinkResponse>(HttpStatusCode.Created);
        using var anonymous = factory.CreateAnonymousClient();

        (await PageAsync(board, "Done", client: viewer)).Total.ShouldBe(1);
        (await PageAsync(board, "Done", $"?share={link.Url.Split("share=")[1]}", anonymous)).Total.ShouldBe(1);
    }
}
