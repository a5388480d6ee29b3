using System.Net;
using Kanban.Api.Tests.Infrastructure;

namespace Kanban.Api.Tests.Features.Cards;

public sealed class WipLimitTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Moving_a_card_into_a_full_lane_is_refused_with_409_naming_the_lane_its_count_and_limit()
    {
        var board = await _client.CreateBoardAsync();
        await _client.FillAsync(board, "In progress", 3);
        var extra = await _client.AddCardAsync(board.Id, "One card too many for the lane");

        var response = await _client.MoveAsync(extra.Id, board.LaneId("In progress"));

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
        problem.Type.ShouldBe("urn:kanban:problem:wip-limit-reached");
        problem.Extensions["laneId"].GetGuid().ShouldBe(board.LaneId("In progress"));
        problem.Extensions["laneName"].GetString().ShouldBe("In progress");
        problem.Extensions["count"].GetInt32().ShouldBe(3);
        problem.Extensions["limit"].GetInt32().ShouldBe(3);
        problem.Detail.ShouldContain("move a card out of In progress");
        var after = await _client.GetBoardAsync(board.Id);
        after.Lane("In progress").Count.ShouldBe(3);
        after.Cards.Single(c => c.Id == extra.Id).LaneId.ShouldBe(board.LaneId("Backlog"));
    }

    [Fact]
    public async Task Blocked_cards_count_against_the_limit()
    {
        var board = await _client.CreateBoardAsync();
        var cards = await _client.FillAsync(board, "Testing", 2);
        foreach (var id in cards)
        {
            await (await _client.PostJsonAsync($"/api/cards/{id}/block", new { reason = "Waiting for the acquirer's sandbox" })).ReadAsync<Kanban.Api.Features.Cards.CardResponse>();
        }

        var extra = await _client.AddCardAsync(board.Id, "Needs testing while the others wait");

        var response = await _client.MoveAsync(extra.Id, board.LaneId("Testing"));

        (await response.ReadProblemAsync(HttpStatusCode.Conflict)).Type.ShouldEndWith("wip-limit-reached");
        (await _client.GetBoardAsync(board.Id)).Cards.Where(c => c.LaneId == board.LaneId("Testing")).ShouldAllBe(c => c.Blocked);
    }

    [Fact]
    public async Task Reordering_within_a_full_lane_and_moving_out_of_it_always_work()
    {
        var board = await _client.CreateBoardAsync();
        var cards = await _client.FillAsync(board, "In progress", 3);

        await _client.MoveOkAsync(cards[2], board.LaneId("In progress"), index: 0);
        await _client.MoveOkAsync(cards[0], board.LaneId("Ready"));

        var after = await _client.GetBoardAsync(board.Id);
        after.Cards.Where(c => c.LaneId == board.LaneId("In progress")).Select(c => c.Id).ShouldBe([cards[2], cards[1]]);
        after.Lane("Ready").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Lowering_a_limit_below_the_count_ejects_nothing_and_nothing_enters_until_the_count_is_under_it()
    {
        var board = await _client.CreateBoardAsync();
        var cards = await _client.FillAsync(board, "Ready", 4);
        var waiting = await _client.AddCardAsync(board.Id, "Waits for room in the ready lane");

        await _client.SetLimitAsync(board, "Ready", 2);

        (await _client.GetBoardAsync(board.Id)).Lane("Ready").Count.ShouldBe(4);
        var refused = await (await _client.MoveAsync(waiting.Id, board.LaneId("Ready"))).ReadProblemAsync(HttpStatusCode.Conflict);
        refused.Extensions["count"].GetInt32().ShouldBe(4);
        refused.Extensions["limit"].GetInt32().ShouldBe(2);
        refused.Detail.ShouldContain("over its limit");

        await _client.MoveOkAsync(cards[0], board.LaneId("Backlog"));
        await _client.MoveOkAsync(cards[1], board.LaneId("Backlog"));
        (await (await _client.MoveAsync(waiting.Id, board.LaneId("Ready"))).ReadProblemAsync(HttpStatusCode.Conflict))
            .Extensions["count"].GetInt32().ShouldBe(2);

        await _client.MoveOkAsync(cards[2], board.LaneId("Backlog"));
        await _client.MoveOkAsync(waiting.Id, board.LaneId("Ready"));
        (await _client.GetBoardAsync(board.Id)).Lane("Ready").Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_ticket_is_submitted_but_its_accept_is_refused_while_the_backlog_has_a_limit_and_is_full()
    {
        var board = await _client.CreateBoardAsync();
        await _client.FillAsync(board, "Backlog", 2);
        await _client.SetLimitAsync(board, "Backlog", 2);

        var ticket = await _client.SubmitTicketAsync(board.Id, "A ticket with nowhere to go");
        var response = await _client.AcceptAsync(ticket.Id);

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
        problem.Type.ShouldBe("urn:kanban:problem:wip-limit-reached");
        problem.Extensions["laneName"].GetString().ShouldBe("Backlog");
        problem.Extensions["count"].GetInt32().ShouldBe(2);
        problem.Extensions["limit"].GetInt32().ShouldBe(2);
        (await _client.GetBoardAsync(board.Id)).Cards.Count.ShouldBe(2);
        (await _client.GetTriageAsync(board.Id)).ShouldHaveSingleItem().Id.ShouldBe(ticket.Id);
    }
}
