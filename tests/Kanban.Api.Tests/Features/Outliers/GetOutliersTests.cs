using System.Net;
using Kanban.Api.Features.Boards;
using Kanban.Api.Features.Outliers;
using Kanban.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kanban.Api.Tests.Features.Outliers;

/// <summary>
/// <c>GET /api/boards/{id}/outliers</c> on boards whose history the tests make with the clock: each
/// test, with its figure and threshold in working days (boards are in UTC, and every test starts on a
/// Monday at 10:00).
/// </summary>
public sealed class GetOutliersTests(ClockedApiFactory factory) : IClassFixture<ClockedApiFactory>
{
    private readonly HttpClient _owner = factory.CreateClient();

    [Fact]
    public async Task A_card_in_progress_a_week_without_a_move_is_an_outlier_by_its_estimate_and_by_standing_still_blocked_or_not()
    {
        StartOnAMonday();
        var board = await _owner.CreateBoardAsync();
        var still = await _owner.AddCardAsync(board.Id, "Show the refund status on the order page");
        await _owner.MoveOkAsync(still.Id, board.LaneId("In progress"));
        factory.Clock.Advance(TimeSpan.FromDays(7));
        var fresh = await _owner.AddCardAsync(board.Id, "Export the payout statement for hosts");
        await _owner.MoveOkAsync(fresh.Id, board.LaneId("Ready"));

        var outliers = await OutliersAsync(board.Id);

        var card = outliers.ShouldHaveSingleItem();
        (card.CardId, card.Key, card.LaneId, card.Blocked).ShouldBe((still.Id, still.Key, board.LaneId("In progress"), false));
        card.Reasons.ShouldBe(["estimate", "stale"]);
        (card.AgeDays, card.ThresholdDays).ShouldBe((5m, 4m), "five working days old; estimated 2, so twice is 4");
        card.Details.Select(d => (d.Reason, d.FigureDays, d.ThresholdDays)).ShouldBe([("estimate", 5m, 4m), ("stale", 5m, 3m)]);
        card.Details.Select(d => d.Words).ShouldBe(["5 working days in progress; estimated 2, so twice is 4", "5 working days without a move"]);
        var read = await _owner.GetBoardAsync(board.Id);
        read.Outliers.ShouldBeEquivalentTo(outliers.ToList());

        await (await _owner.PostJsonAsync($"/api/cards/{still.Id}/block", new { reason = "Waiting for the bank's answer" })).ReadAsync<object>();
        var blocked = (await OutliersAsync(board.Id)).ShouldHaveSingleItem();
        (blocked.CardId, blocked.Blocked).ShouldBe((still.Id, true));
        blocked.Reasons.ShouldBe(["estimate"], "blocking it was a change, so it no longer stands still");
    }

    [Fact]
    public async Task Every_answer_and_push_that_carries_an_outlier_card_flags_it_as_the_board_does()
    {
        StartOnAMonday();
        var board = await _owner.CreateBoardAsync();
        var still = await _owner.AddCardAsync(board.Id, "Show the refund status on the order page");
        var fresh = await _owner.AddCardAsync(board.Id, "Export the payout statement for hosts");
        await _owner.MoveOkAsync(still.Id, board.LaneId("In progress"));
        factory.Clock.Advance(TimeSpan.FromDays(7));
        await _owner.MoveOkAsync(fresh.Id, board.LaneId("Ready"));
        await using var screen = await factory.ConnectAsync();
        var pushed = new TaskCompletionSource<Kanban.Api.Realtime.CardMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        screen.On<Kanban.Api.Realtime.CardMessage>("CardChanged", m => pushed.TrySetResult(m));
        await screen.InvokeAsync("JoinBoard", board.Id);

        var owner = await factory.UserIdOfAsync(KanbanApiFactory.Owner);
        var assigned = await (await _owner.AssignAsync(still.Id, owner)).ReadAsync<Kanban.Api.Features.Cards.CardResponse>();
        var push = await pushed.Task.WaitAsync(HubClients.Patience);
        var read = await _owner.GetBoardAsync(board.Id);
        var page = await (await _owner.GetAsync($"/api/boards/{board.Id}/lanes/{board.LaneId("In progress")}/cards")).ReadAsync<Kanban.Api.Features.Lanes.LaneCardsPage>();
        var movedFresh = await _owner.MoveOkAsync(fresh.Id, board.LaneId("In progress"));

        (assigned.Outlier, push.Card.Outlier).ShouldBe((true, true), "five working days old, estimated 2");
        read.Cards.Single(c => c.Id == still.Id).ShouldBe(assigned);
        page.Cards.Single(c => c.Id == still.Id).Outlier.ShouldBeTrue();
        (read.Cards.Single(c => c.Id == fresh.Id).Outlier, movedFresh.Outlier).ShouldBe((false, false));
    }

    [Theory]
    [InlineData(9, false)]
    [InlineData(10, true)]
    public async Task A_card_is_tested_against_the_85th_percentile_of_cycle_times_only_once_ten_cards_are_done(int done, bool tested)
    {
        StartOnAMonday();
        var board = await _owner.CreateBoardAsync();
        // Each of them one working day from Ready to Done: the 85th percentile is 1.
        var lanes = new[] { "Ready", "Ready", "Ready", "Ready", "Ready", "In progress", "In progress", "In progress", "Ready for test", "Ready for test" };
        var cards = new List<Guid>();
        for (var i = 0; i < done; i++)
        {
            var card = await _owner.AddCardAsync(board.Id, $"Finished piece of work number {i}");
            await _owner.MoveOkAsync(card.Id, board.LaneId(lanes[i]));
            cards.Add(card.Id);
        }

        factory.Clock.Advance(TimeSpan.FromDays(1));
        foreach (var id in cards)
        {
            await _owner.MoveOkAsync(id, board.LaneId("Done"));
        }

        var slow = await _owner.AddCardAsync(board.Id, "Piece of work that takes longer");
        await _owner.MoveOkAsync(slow.Id, board.LaneId("Ready"));
        factory.Clock.Advance(TimeSpan.FromDays(2));

        var outliers = await OutliersAsync(board.Id);

        if (tested)
        {
            var card = outliers.ShouldHaveSingleItem();
            (card.CardId, card.AgeDays, card.ThresholdDays).ShouldBe((slow.Id, 2m, 1m));
            card.Reasons.ShouldBe(["percentile"], "two days is under twice its estimate and under the stale period");
        }
        else
        {
            outliers.ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task An_unknown_board_is_404_and_a_board_of_no_outliers_an_empty_list()
    {
        var board = await _owner.CreateBoardAsync();
        await _owner.AddCardAsync(board.Id);

        (await OutliersAsync(board.Id)).ShouldBeEmpty();
        (await (await _owner.GetAsync($"/api/boards/{Guid.NewGuid()}/outliers")).ReadProblemAsync(HttpStatusCode.NotFound)).Type.ShouldEndWith("not-found");
    }

    [Theory]
    [InlineData("wall")]
    [InlineData("status")]
    public async Task A_wall_or_status_share_link_reads_the_outliers_of_its_board(string view)
    {
        var board = await _owner.CreateBoardAsync();
        var link = await (await _owner.PostJsonAsync($"/api/boards/{board.Id}/share-links", new { view }))
            .ReadAsync<Kanban.Api.Features.ShareLinks.CreatedShareLinkResponse>(HttpStatusCode.Created);
        var token = link.Url[(link.Url.IndexOf("share=", StringComparison.Ordinal) + "share=".Length)..];
        // Not signed in: the link is all it has.
        using var anonymous = factory.Server.CreateClient();

        var response = await anonymous.GetAsync($"/api/boards/{board.Id}/outliers?share={token}");

        (await response.ReadAsync<List<OutlierResponse>>()).ShouldBeEmpty();
        (await anonymous.GetAsync($"/api/boards/{board.Id}/outliers")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private async Task<IReadOnlyList<OutlierResponse>> OutliersAsync(Guid boardId) =>
        await (await _owner.GetAsync($"/api/boards/{boardId}/outliers")).ReadAsync<List<OutlierResponse>>();

    // The clock only moves forward, so sign-ins made earlier stay valid.
    private void StartOnAMonday()
    {
        var now = factory.Clock.GetUtcNow();
        var monday = now.Date.AddDays(((int)DayOfWeek.Monday - (int)now.DayOfWeek + 7) % 7 + 7).AddHours(10);
        factory.Clock.Set(new DateTimeOffset(monday, TimeSpan.Zero));
    }
}
