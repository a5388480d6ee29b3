using System.Net;
using System.Text.Json.Nodes;
using Kanban.Api.Features.Activity;
using Kanban.Api.Features.Boards;
using Kanban.Api.Features.Cards;
using Kanban.Api.Features.Lanes;
using Kanban.Api.Tests.Features.BoardFiles;
using Kanban.Api.Tests.Infrastructure;

namespace Kanban.Api.Tests.Features.Boards;

/// <summary>A save that changes nothing answers as usual, records nothing in the trail and keeps the board's version.</summary>
public sealed class NoChangeSaveTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<(long Version, int Entries)> StateAsync(Guid boardId)
    {
        var board = await _client.GetBoardAsync(boardId);
        var activity = await (await _client.GetAsync($"/api/boards/{boardId}/activity?take=200")).ReadAsync<ActivityPage>();
        return (board.Version, activity.Items.Count);
    }

    private async Task NothingIsRecordedByAsync(Guid boardId, Func<Task> save)
    {
        var before = await StateAsync(boardId);

        await save();

        (await StateAsync(boardId)).ShouldBe(before);
    }

    [Fact]
    public async Task Assigning_the_current_assignee_records_nothing()
    {
        var board = await _client.CreateBoardAsync();
        var ticket = await _client.AddCardAsync(board.Id);
        var ana = Guid.CreateVersion7();
        await (await _client.AssignAsync(ticket.Id, ana)).ReadAsync<CardResponse>();

        await NothingIsRecordedByAsync(board.Id, async () =>
            (await (await _client.AssignAsync(ticket.Id, ana)).ReadAsync<CardResponse>()).AssigneeId.ShouldBe(ana));
    }

    [Fact]
    public async Task Blocking_again_for_the_same_reason_records_nothing_and_keeps_since_when()
    {
        var board = await _client.CreateBoardAsync();
        var ticket = await _client.AddCardAsync(board.Id);
        var blocked = await (await _client.PostJsonAsync($"/api/cards/{ticket.Id}/block", new { reason = "Waiting for the bank" })).ReadAsync<CardResponse>();

        await NothingIsRecordedByAsync(board.Id, async () =>
            (await (await _client.PostJsonAsync($"/api/cards/{ticket.Id}/block", new { reason = " Waiting for the bank " })).ReadAsync<CardResponse>())
                .ShouldBe(blocked));
    }

    [Fact]
    public async Task Unblocking_a_card_that_is_not_blocked_records_nothing()
    {
        var board = await _client.CreateBoardAsync();
        var ticket = await _client.AddCardAsync(board.Id);

        await NothingIsRecordedByAsync(board.Id, async () =>
            (await (await _client.PostJsonAsync($"/api/cards/{ticket.Id}/unblock", new { })).ReadAsync<CardResponse>()).Blocked.ShouldBeFalse());
    }

    [Fact]
    public async Task Saving_the_settings_as_they_are_records_nothing()
    {
        var board = await _client.CreateBoardAsync();
        var settings = await (await _client.GetAsync($"/api/boards/{board.Id}/settings")).ReadAsync<BoardSettingsResponse>();

        await NothingIsRecordedByAsync(board.Id, async () =>
            (await (await _client.PutJsonAsync($"/api/boards/{board.Id}/settings", settings)).ReadAsync<BoardSettingsResponse>()).ShouldBeEquivalentTo(settings));
    }

    [Fact]
    public async Task Saving_a_lane_as_it_is_records_nothing()
    {
        var board = await _client.CreateBoardAsync();
        var lane = board.Lane("In progress");

        await NothingIsRecordedByAsync(board.Id, async () =>
            (await (await _client.PutJsonAsync($"/api/boards/{board.Id}/lanes/{lane.Id}",
                new { name = lane.Name, kind = lane.Kind.ToString(), wipLimit = lane.WipLimit, untested = lane.Untested, order = lane.Order }))
                .ReadAsync<LaneResponse>()).ShouldBe(lane));
    }

    [Fact]
    public async Task Moving_a_card_to_its_own_place_records_nothing()
    {
        var board = await _client.CreateBoardAsync();
        await _client.AddCardAsync(board.Id, "The first card of the backlog");
        var second = await _client.AddCardAsync(board.Id, "The second card of the backlog");
        await _client.AddCardAsync(board.Id, "The third card of the backlog");
        var before = (await _client.GetBoardAsync(board.Id)).Cards;

        await NothingIsRecordedByAsync(board.Id, async () =>
        {
            (await _client.MoveOkAsync(second.Id, board.LaneId("Backlog"), index: 1)).Rank.ShouldBe(before[1].Rank);
            await _client.MoveOkAsync(before[2].Id, board.LaneId("Backlog"));
        });

        (await _client.GetBoardAsync(board.Id)).Cards.ShouldBe(before);
    }

    [Fact]
    public async Task Moving_a_card_before_one_of_the_same_rank_is_a_change()
    {
        // A board file may give two cards the same rank: neither stands before the other until one is moved.
        using var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);
        var file = BoardFileSamples.Minimal("TIE", KanbanApiFactory.Owner);
        file["tickets"] = JsonNode.Parse("""
            [
              { "key": "TIE-1", "title": "Settle refunds daily", "estimateDays": 1, "state": "OnBoard", "lane": "Backlog", "rank": 1024,
                "createdAt": "2026-10-01T08:00:00Z", "history": [ { "at": "2026-10-01T08:00:00Z", "from": null, "to": "Backlog" } ] },
              { "key": "TIE-2", "title": "Settle refunds hourly", "estimateDays": 1, "state": "OnBoard", "lane": "Backlog", "rank": 1024,
                "createdAt": "2026-10-01T08:00:00Z", "history": [ { "at": "2026-10-01T08:00:00Z", "from": null, "to": "Backlog" } ] }
            ]
            """);
        var imported = await admin.ImportOkAsync(file);
        var board = await _client.GetBoardAsync(imported.Id);
        var (first, second) = (board.Cards[0], board.Cards[1]);
        var (version, entries) = await StateAsync(board.Id);

        var moved = await _client.MoveOkAsync(second.Id, board.LaneId("Backlog"), index: 0);

        moved.Rank.ShouldBeLessThan(first.Rank, "the card moved to the top stands before the other");
        (await _client.GetBoardAsync(board.Id)).Cards.Select(c => c.Id).ShouldBe([second.Id, first.Id]);
        (await StateAsync(board.Id)).ShouldBe((version + 1, entries + 1));
    }

    [Fact]
    public async Task A_real_change_after_a_save_that_changed_nothing_is_the_next_version()
    {
        var board = await _client.CreateBoardAsync();
        var ticket = await _client.AddCardAsync(board.Id);
        await (await _client.PostJsonAsync($"/api/cards/{ticket.Id}/unblock", new { })).ReadAsync<CardResponse>();
        var (version, entries) = await StateAsync(board.Id);

        var response = await _client.PostJsonAsync($"/api/cards/{ticket.Id}/block", new { reason = "Waiting for the bank" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await StateAsync(board.Id)).ShouldBe((version + 1, entries + 1));
    }
}
