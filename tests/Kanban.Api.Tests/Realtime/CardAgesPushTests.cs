using System.Globalization;
using Kanban.Api.Features.Boards;
using Kanban.Api.Features.Cards;
using Kanban.Api.Realtime;
using Kanban.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kanban.Api.Tests.Realtime;

/// <summary>A card pushed to the board's screens is the card a board read at that instant shows: block, times, ages.</summary>
public sealed class CardAgesPushTests(ClockedApiFactory factory) : IClassFixture<ClockedApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_pushed_CardChanged_carries_the_block_and_the_ages_a_board_read_shows()
    {
        factory.Clock.Set(At("2026-10-05T09:00:00Z"));
        var board = await _client.CreateBoardAsync();
        var ticket = await _client.AddCardAsync(board.Id);
        await _client.MoveOkAsync(ticket.Id, board.LaneId("Ready"));
        await using var watcher = await factory.ConnectAsync();
        var changed = new List<CardMessage>();
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.On<CardMessage>("CardChanged", m =>
        {
            lock (changed)
            {
                changed.Add(m);
                if (changed.Count == 2)
                {
                    received.TrySetResult();
                }
            }
        });
        await watcher.InvokeAsync("JoinBoard", board.Id);
        var owner = await factory.UserIdOfAsync(KanbanApiFactory.Owner);

        factory.Clock.Set(At("2026-10-08T15:00:00Z"));
        await (await _client.AssignAsync(ticket.Id, owner)).ReadAsync<CardResponse>();
        var blocked = await (await _client.PostJsonAsync($"/api/cards/{ticket.Id}/block", new { reason = "Waiting for the bank" })).ReadAsync<CardResponse>();
        await received.Task.WaitAsync(HubClients.Patience);

        var read = await _client.GetBoardAsync(board.Id);
        var card = read.Cards.ShouldHaveSingleItem();
        (card.AssigneeId, card.BlockedReason, card.BlockedSince, card.StartedAt, card.AgeDays, card.DaysSinceMove)
            .ShouldBe((owner, "Waiting for the bank", At("2026-10-08T15:00:00Z"), At("2026-10-05T09:00:00Z"), 3, 3));
        changed[1].Card.ShouldBe(card);
        changed[1].Version.ShouldBe(read.Version);
        blocked.ShouldBe(card);
        changed[0].Card.ShouldBe(card with { Blocked = false, BlockedReason = null, BlockedSince = null });
        read.People.ShouldBe([new PersonResponse(owner, "owner")]);
    }

    [Fact]
    public async Task A_pushed_CardMoved_carries_the_last_move_and_the_ages_a_board_read_shows()
    {
        factory.Clock.Set(At("2026-10-09T16:00:00Z"));
        var board = await _client.CreateBoardAsync();
        var ticket = await _client.AddCardAsync(board.Id);
        await _client.MoveOkAsync(ticket.Id, board.LaneId("Ready"));
        // The first move's own push may still be on its way when the watcher joins: it waits for a later one.
        var joinedAt = (await _client.GetBoardAsync(board.Id)).Version;
        await using var watcher = await factory.ConnectAsync();
        var received = new TaskCompletionSource<CardMovedMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.On<CardMovedMessage>("CardMoved", m =>
        {
            if (m.Version > joinedAt)
            {
                received.TrySetResult(m);
            }
        });
        await watcher.InvokeAsync("JoinBoard", board.Id);

        factory.Clock.Set(At("2026-10-13T08:00:00Z"));
        var answered = await _client.MoveOkAsync(ticket.Id, board.LaneId("In progress"));
        var moved = await received.Task.WaitAsync(HubClients.Patience);

        var card = (await _client.GetBoardAsync(board.Id)).Cards.ShouldHaveSingleItem();
        // Started on Friday, moved again on Tuesday: Monday and Tuesday old, moved today.
        (card.StartedAt, card.LastMovedAt, card.AgeDays, card.DaysSinceMove).ShouldBe((At("2026-10-09T16:00:00Z"), At("2026-10-13T08:00:00Z"), 2, 0));
        moved.Card.ShouldBe(card);
        answered.ShouldBe(card);
    }
}
