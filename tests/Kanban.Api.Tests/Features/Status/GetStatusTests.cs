using System.Net;
using System.Text.Json.Nodes;
using Kanban.Api.Features.Status;
using Kanban.Api.Tests.Features.BoardFiles;
using Kanban.Api.Tests.Infrastructure;
using Kanban.Domain.Status;
using static Kanban.Api.Tests.Features.Status.StatusHistory;

namespace Kanban.Api.Tests.Features.Status;

/// <summary><c>GET /api/boards/{id}/status</c> on imported histories with known answers (<see cref="StatusHistory"/>).</summary>
public sealed class GetStatusTests(ClockedApiFactory factory) : IClassFixture<ClockedApiFactory>
{
    private static int _boards;

    private static string Key() => $"ST{Interlocked.Increment(ref _boards)}";

    private async Task<(HttpClient Admin, Guid BoardId, StatusResponse Status)> StatusOfAsync(JsonObject file)
    {
        factory.Clock.Set(Now);
        var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);
        var imported = await admin.ImportOkAsync(file);
        var status = await (await admin.GetAsync($"/api/boards/{imported.Id}/status")).ReadAsync<StatusResponse>();
        return (admin, imported.Id, status);
    }

    [Fact]
    public async Task A_clean_board_is_green_with_no_reasons_and_its_figures_from_the_history()
    {
        var key = Key();
        var (admin, boardId, status) = await StatusOfAsync(Board(key));
        using var _ = admin;

        (status.Rag, status.Reasons.Count).ShouldBe((Rag.Green, 0));
        (status.BoardId, status.BoardKey, status.TimeZone, status.GeneratedAt).ShouldBe((boardId, key, "UTC", Now));
        status.CycleTimeDays.ShouldBe(new CycleTimeSummaryResponse(6m, 10m, 11m, 10));
        status.FlowEfficiency.ShouldBe(0.846m, "55 working days in Doing of 65");
        status.ThroughputPerWeek.ShouldBe(1.7m, "10 cards in 6 weeks");
        status.Forecast.Remaining.ShouldBe(2, "the card in Doing and the one in the backlog");
        (status.Forecast.Weeks, status.Forecast.Trials, status.Forecast.Reason).ShouldBe((6, 10_000, (string?)null));
        status.Forecast.P50.ShouldNotBeNull();
        status.Forecast.P85!.Value.ShouldBeGreaterThanOrEqualTo(status.Forecast.P50!.Value);
        status.Forecast.P95!.Value.ShouldBeGreaterThanOrEqualTo(status.Forecast.P85.Value);
        status.Line.Stopped.ShouldBeFalse();
        status.Line.Weeks.Count.ShouldBe(8);
        status.Line.Weeks[^1].WeekStart.ShouldBe(new DateOnly(2026, 10, 12));
        status.Outliers.ShouldBeEmpty();
        status.Blocked.ShouldBeEmpty();
        status.LanesAtLimit.ShouldBeEmpty();
        status.Aging.Lanes.Select(l => l.Name).ShouldBe(["Ready", "Doing"]);
        status.Aging.Cards.Select(c => (c.Key, c.LaneName, c.AgeDays)).ShouldBe([($"{key}-21", "Doing", 1m)]);
        status.Notes.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_line_stopped_now_is_red_with_the_stop_as_its_reason()
    {
        var (admin, _, status) = await StatusOfAsync(Board(Key(), line: [Stop(At("2026-10-12T09:30:00Z"), null)]));
        using var _ = admin;

        status.Rag.ShouldBe(Rag.Red);
        status.Reasons.Select(r => r.Rule).ShouldBe([StatusRules.LineStoppedNow], "half an hour of ten is 5%, under the 10% limit");
        status.Line.Stopped.ShouldBeTrue();
        status.Line.Current!.Reason.ShouldBe("Payments are down");
        status.Line.Current.Hours.ShouldBe(0.5m);
        status.Line.StoppedShareThisWeek.ShouldBe(0.05m);
        status.Line.History.ShouldHaveSingleItem().ResumedAt.ShouldBeNull();
    }

    [Fact]
    public async Task A_line_stopped_more_than_the_set_share_of_this_week_is_red_though_it_runs_now()
    {
        var (admin, _, status) = await StatusOfAsync(Board(Key(), line: [Stop(At("2026-10-12T07:00:00Z"), At("2026-10-12T09:00:00Z")), Stop(At("2026-10-09T12:00:00Z"), At("2026-10-09T18:00:00Z"))]));
        using var _ = admin;

        status.Rag.ShouldBe(Rag.Red);
        var reason = status.Reasons.ShouldHaveSingleItem();
        reason.Rule.ShouldBe(StatusRules.LineStoppedThisWeek);
        reason.Text.ShouldBe("The line was stopped 20% of this week's working time (limit 10%).");
        status.Line.Stopped.ShouldBeFalse();
        status.Line.Weeks.TakeLast(2).Select(w => (w.WeekStart, w.StoppedHours, w.Share)).ShouldBe(
        [
            (new DateOnly(2026, 10, 5), 6m, 0.05m),
            (new DateOnly(2026, 10, 12), 2m, 0.2m),
        ]);
        status.Line.History.Select(h => h.StoppedAt).ShouldBe([At("2026-10-12T07:00:00Z"), At("2026-10-09T12:00:00Z")], "newest first");
    }

    [Fact]
    public async Task An_outlier_makes_the_status_amber_and_is_listed_with_its_badge_words()
    {
        var key = Key();
        var stale = Ticket($"{key}-30", "Doing", [("Backlog", At("2026-10-05T10:00:00Z")), ("Doing", At("2026-10-06T10:00:00Z"))]);
        var (admin, _, status) = await StatusOfAsync(Board(key, [stale]));
        using var _ = admin;

        status.Rag.ShouldBe(Rag.Amber);
        status.Reasons.Select(r => (r.Rule, r.Rag)).ShouldBe([(StatusRules.Outliers, Rag.Amber)]);
        var outlier = status.Outliers.ShouldHaveSingleItem();
        (outlier.Key, outlier.LaneName, outlier.AgeDays, outlier.ThresholdDays).ShouldBe(($"{key}-30", "Doing", 4m, 3m));
        outlier.Reasons.ShouldBe(["stale"]);
        outlier.Words.ShouldBe(["4 working days without a move"]);
    }

    [Fact]
    public async Task A_card_blocked_more_than_a_working_day_makes_the_status_amber()
    {
        var key = Key();
        var blocked = Ticket($"{key}-31", "Doing", [("Backlog", At("2026-10-06T10:00:00Z")), ("Doing", At("2026-10-07T10:00:00Z"))],
            updatedAt: At("2026-10-12T09:00:00Z"), blocked: new JsonObject { ["reason"] = "Waiting for the bank", ["since"] = "2026-10-08T10:00:00Z" });
        var (admin, _, status) = await StatusOfAsync(Board(key, [blocked]));
        using var _ = admin;

        status.Rag.ShouldBe(Rag.Amber);
        var reason = status.Reasons.ShouldHaveSingleItem();
        reason.Rule.ShouldBe(StatusRules.BlockedOverADay);
        reason.Text.ShouldBe($"1 card blocked for more than a working day: {key}-31 (2 days).");
        var card = status.Blocked.ShouldHaveSingleItem();
        (card.Key, card.LaneName, card.Reason, card.Since, card.BlockedDays).ShouldBe(($"{key}-31", "Doing", "Waiting for the bank", At("2026-10-08T10:00:00Z"), 2m));
    }

    [Fact]
    public async Task A_lane_over_its_limit_is_amber_and_one_at_its_limit_only_listed()
    {
        var (overKey, atKey) = (Key(), Key());
        static JsonObject Fresh(string key, int n) => Ticket($"{key}-{n}", "Doing", [("Backlog", At("2026-10-08T10:00:00Z")), ("Doing", At("2026-10-09T10:00:00Z"))], updatedAt: At("2026-10-12T09:00:00Z"));

        var (overAdmin, _, over) = await StatusOfAsync(Board(overKey, [Fresh(overKey, 40), Fresh(overKey, 41), Fresh(overKey, 42)]));
        var (atAdmin, _, at) = await StatusOfAsync(Board(atKey, [Fresh(atKey, 40), Fresh(atKey, 41)]));
        using var _ = overAdmin;
        using var __ = atAdmin;

        over.Rag.ShouldBe(Rag.Amber);
        over.Reasons.ShouldHaveSingleItem().Text.ShouldBe("Doing holds 4 cards, over its limit of 3.");
        over.LanesAtLimit.Select(l => (l.Name, l.Count, l.Limit, l.Over)).ShouldBe([("Doing", 4, 3, true)]);
        at.Rag.ShouldBe(Rag.Green);
        at.LanesAtLimit.Select(l => (l.Name, l.Count, l.Limit, l.Over)).ShouldBe([("Doing", 3, 3, false)]);
    }

    [Fact]
    public async Task A_target_date_before_the_85_percent_forecast_is_red_and_one_after_it_changes_nothing()
    {
        var (lateAdmin, _, late) = await StatusOfAsync(Board(Key(), settings: new JsonObject { ["targetDate"] = "2026-10-13" }));
        var (easyAdmin, _, easy) = await StatusOfAsync(Board(Key(), settings: new JsonObject { ["targetDate"] = "2027-06-30" }));
        using var _ = lateAdmin;
        using var __ = easyAdmin;

        late.Rag.ShouldBe(Rag.Red);
        var reason = late.Reasons.ShouldHaveSingleItem();
        reason.Rule.ShouldBe(StatusRules.ForecastAfterTarget);
        reason.Text.ShouldBe($"The 2 remaining cards are done by {late.Forecast.P85:yyyy-MM-dd} with 85% confidence, after the target date 2026-10-13.");
        late.TargetDate.ShouldBe(new DateOnly(2026, 10, 13));
        late.Forecast.P85!.Value.ShouldBeGreaterThan(new DateOnly(2026, 10, 13), "a card every third working day cannot do two by tomorrow");
        (easy.Rag, easy.Reasons.Count).ShouldBe((Rag.Green, 0));
    }

    [Fact]
    public async Task A_share_of_stopped_time_is_red_from_the_board_s_own_setting()
    {
        JsonObject[] Stops() => [Stop(At("2026-10-12T07:00:00Z"), At("2026-10-12T09:00:00Z"))];
        var (strictAdmin, _, strict) = await StatusOfAsync(Board(Key(), line: Stops()));
        var (laxAdmin, _, lax) = await StatusOfAsync(Board(Key(), line: Stops(), settings: new JsonObject { ["stoppedRedPercent"] = 25 }));
        using var _ = strictAdmin;
        using var __ = laxAdmin;

        strict.Rag.ShouldBe(Rag.Red);
        (lax.Rag, lax.Line.StoppedShareThisWeek).ShouldBe((Rag.Green, 0.2m), "20% is under a limit of 25%");
    }

    [Fact]
    public async Task The_status_is_served_again_at_the_same_version_for_a_short_while_and_computed_anew_after_a_change_or_that_while()
    {
        var (admin, boardId, first) = await StatusOfAsync(Board(Key()));
        using var _ = admin;

        factory.Clock.Advance(TimeSpan.FromSeconds(5));
        var again = await (await admin.GetAsync($"/api/boards/{boardId}/status")).ReadAsync<StatusResponse>();
        again.GeneratedAt.ShouldBe(first.GeneratedAt, "the same version within the cache's time to live");

        factory.Clock.Advance(TimeSpan.FromSeconds(11));
        var later = await (await admin.GetAsync($"/api/boards/{boardId}/status")).ReadAsync<StatusResponse>();
        later.GeneratedAt.ShouldBe(Now.AddSeconds(16), "the time to live of 15 seconds is over");

        await (await admin.StopLineAsync(boardId, "The build is red")).ReadAsync<object>();
        var changed = await (await admin.GetAsync($"/api/boards/{boardId}/status")).ReadAsync<StatusResponse>();
        changed.Version.ShouldBe(first.Version + 1);
        changed.Rag.ShouldBe(Rag.Red, "a change is seen at once");
    }

    [Fact]
    public async Task The_cycle_times_follow_a_card_into_the_done_lane_and_back_out_and_cards_leaving_the_window()
    {
        var key = Key();
        var (admin, boardId, first) = await StatusOfAsync(Board(key));
        using var _ = admin;
        var board = await admin.GetBoardAsync(boardId);
        var doing = board.Cards.Single(c => c.Key == $"{key}-21");

        await admin.MoveOkAsync(doing.Id, board.LaneId("Done"));
        var done = await (await admin.GetAsync($"/api/boards/{boardId}/status")).ReadAsync<StatusResponse>();
        await admin.MoveOkAsync(doing.Id, board.LaneId("Doing"));
        var back = await (await admin.GetAsync($"/api/boards/{boardId}/status")).ReadAsync<StatusResponse>();

        first.CycleTimeDays.Count.ShouldBe(10);
        done.CycleTimeDays.ShouldBe(new CycleTimeSummaryResponse(6m, 10m, 11m, 11), "one more, done in one working day");
        done.FlowEfficiency.ShouldBe(0.848m, "56 working days active of 66");
        done.Forecast.Remaining.ShouldBe(1);
        back.CycleTimeDays.ShouldBe(first.CycleTimeDays);
        back.FlowEfficiency.ShouldBe(first.FlowEfficiency);

        // Monday 21 December, 10:00: the five cards done 16 to 22 September at 09:00 are over 90 days ago.
        factory.Clock.Set(new DateTimeOffset(2026, 12, 21, 10, 0, 0, TimeSpan.Zero));
        var later = await (await admin.GetAsync($"/api/boards/{boardId}/status")).ReadAsync<StatusResponse>();
        later.CycleTimeDays.ShouldBe(new CycleTimeSummaryResponse(9m, 11m, 11m, 5), "cycle times 7 to 11 are left");
    }

    [Fact]
    public async Task The_forecast_is_the_same_on_every_refresh_of_the_same_version()
    {
        var (admin, boardId, first) = await StatusOfAsync(Board(Key()));
        using var _ = admin;

        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var refreshed = await (await admin.GetAsync($"/api/boards/{boardId}/status")).ReadAsync<StatusResponse>();

        refreshed.GeneratedAt.ShouldNotBe(first.GeneratedAt);
        refreshed.Forecast.ShouldBe(first.Forecast);
    }

    [Fact]
    public async Task An_unknown_board_is_404()
    {
        factory.Clock.Set(Now);
        using var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);

        (await (await admin.GetAsync($"/api/boards/{Guid.NewGuid()}/status")).ReadProblemAsync(HttpStatusCode.NotFound)).Type.ShouldEndWith("not-found");
    }
}
