using System.Net;
using System.Text.Json.Nodes;
using Kanban.Api.Features.BoardFiles;
using Kanban.Api.Features.Status;
using Kanban.Api.Tests.Features.BoardFiles;
using Kanban.Api.Tests.Infrastructure;
using static Kanban.Api.Tests.Features.Status.StatusHistory;

namespace Kanban.Api.Tests.Features.Status;

/// <summary>The metrics and forecast routes on the history of <see cref="StatusHistory"/>, and their refusals of bad ranges and sets.</summary>
public sealed class StatusMetricsTests(ClockedApiFactory factory) : IClassFixture<ClockedApiFactory>
{
    private static int _boards;

    private async Task<(HttpClient Admin, ImportedBoardResponse Board)> ImportAsync(JsonObject? file = null)
    {
        factory.Clock.Set(Now);
        var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);
        var board = await admin.ImportOkAsync(file ?? Board($"SM{Interlocked.Increment(ref _boards)}"));
        return (admin, board);
    }

    [Fact]
    public async Task The_cumulative_flow_counts_each_lane_at_the_end_of_each_day()
    {
        var (admin, board) = await ImportAsync();
        using var _ = admin;

        var cfd = await (await admin.GetAsync($"/api/boards/{board.Id}/metrics/cfd?from=2026-09-13&to=2026-09-17")).ReadAsync<CumulativeFlowResponse>();

        cfd.Lanes.Select(l => (l.Name, l.Kind.ToString())).ShouldBe([("Backlog", "Backlog"), ("Ready", "Queue"), ("Doing", "Active"), ("Done", "Done")]);
        cfd.Days.Select(d => (d.Date, string.Join(",", d.Counts))).ShouldBe(
        [
            (new DateOnly(2026, 9, 13), "10,0,0,0"),
            (new DateOnly(2026, 9, 14), "0,10,0,0"),
            (new DateOnly(2026, 9, 15), "0,0,10,0"),
            (new DateOnly(2026, 9, 16), "0,0,9,1"),
            (new DateOnly(2026, 9, 17), "0,0,8,2"),
        ]);
    }

    [Fact]
    public async Task A_board_west_of_utc_counts_a_card_done_late_in_its_evening_on_its_own_day()
    {
        // 02:30 UTC on 30 September is 22:30 on 29 September in New York.
        var late = Ticket("NYC-11", "Done", [("Backlog", At("2026-09-20T14:00:00Z")), ("Doing", At("2026-09-22T14:00:00Z")), ("Done", At("2026-09-30T02:30:00Z"))]);
        var file = Board("NYC", extraTickets: [late]);
        file["board"]!["timeZone"] = "America/New_York";
        var (admin, board) = await ImportAsync(file);
        using var _ = admin;

        var evening = await (await admin.GetAsync($"/api/boards/{board.Id}/metrics/cycle-times?from=2026-09-29&to=2026-09-29")).ReadAsync<CycleTimesResponse>();
        var nextDay = await (await admin.GetAsync($"/api/boards/{board.Id}/metrics/cycle-times?from=2026-09-30&to=2026-09-30")).ReadAsync<CycleTimesResponse>();
        var throughput = await (await admin.GetAsync($"/api/boards/{board.Id}/metrics/throughput?from=2026-09-29&to=2026-09-30")).ReadAsync<ThroughputResponse>();

        evening.Cards.Select(c => c.Key).ShouldContain("NYC-11");
        nextDay.Cards.Select(c => c.Key).ShouldNotContain("NYC-11");
        evening.Cards.Single(c => c.Key == "NYC-11").CompletedOn.ShouldBe(new DateOnly(2026, 9, 29));
        throughput.PerDay.Sum(d => d.Count).ShouldBe(evening.Cards.Count + nextDay.Cards.Count);
    }

    [Fact]
    public async Task The_cumulative_flow_defaults_to_the_90_days_up_to_today()
    {
        var (admin, board) = await ImportAsync();
        using var _ = admin;

        var cfd = await (await admin.GetAsync($"/api/boards/{board.Id}/metrics/cfd")).ReadAsync<CumulativeFlowResponse>();

        (cfd.From, cfd.To, cfd.Days.Count).ShouldBe((new DateOnly(2026, 7, 14), new DateOnly(2026, 10, 12), 91));
        cfd.Days[^1].Counts.ShouldBe([1, 0, 1, 10], "today: one in the backlog, one in Doing, ten done");
    }

    [Fact]
    public async Task Throughput_lists_every_day_and_iso_week_of_the_range_and_the_work_in_progress()
    {
        var (admin, board) = await ImportAsync();
        using var _ = admin;

        var throughput = await (await admin.GetAsync($"/api/boards/{board.Id}/metrics/throughput?from=2026-09-14&to=2026-09-30")).ReadAsync<ThroughputResponse>();

        throughput.PerDay.Count.ShouldBe(17);
        throughput.PerDay.Where(d => d.Count > 0).Select(d => d.Date.Day).ShouldBe([16, 17, 18, 21, 22, 23, 24, 25, 28, 29]);
        throughput.PerDay.ShouldAllBe(d => d.Count <= 1);
        throughput.PerWeek.Select(w => (w.WeekStart, w.Count)).ShouldBe(
            [(new DateOnly(2026, 9, 14), 3), (new DateOnly(2026, 9, 21), 5), (new DateOnly(2026, 9, 28), 2)]);
        throughput.Wip.Select(d => d.Count).Take(5).ShouldBe([10, 10, 9, 8, 7]);
        throughput.Wip[^1].Count.ShouldBe(0);
    }

    [Fact]
    public async Task Cycle_times_give_each_card_done_in_the_range_its_cycle_active_and_blocked_time_and_the_percentiles()
    {
        // Card 5 was in Doing from Tuesday 15 to Tuesday 22 September, blocked Wednesday 16 to Friday 18 at 09:00.
        var blocks = new Dictionary<int, JsonArray>
        {
            [5] = [new JsonObject { ["reason"] = "Waiting for the bank", ["since"] = "2026-09-16T09:00:00Z", ["until"] = "2026-09-18T09:00:00Z" }],
        };
        var (admin, board) = await ImportAsync(Board($"SM{Interlocked.Increment(ref _boards)}", blocks: blocks));
        using var _ = admin;

        var times = await (await admin.GetAsync($"/api/boards/{board.Id}/metrics/cycle-times?from=2026-09-01&to=2026-10-12")).ReadAsync<CycleTimesResponse>();

        times.Cards.Select(c => (c.CycleTimeDays, c.ActiveDays)).ShouldBe([.. Enumerable.Range(1, 10).Select(i => ((decimal)i + 1, (decimal)i))]);
        times.Cards.Select(c => c.BlockedDays).ShouldBe([0m, 0m, 0m, 0m, 2m, 0m, 0m, 0m, 0m, 0m]);
        (times.P50, times.P85, times.P95, times.FlowEfficiency).ShouldBe((6m, 10m, 11m, 0.846m));
        var first = times.Cards[0];
        (first.StartedAt, first.CompletedOn, first.FlowEfficiency, first.Class.ToString()).ShouldBe((FirstStart, new DateOnly(2026, 9, 16), 0.5m, "Standard"));

        var narrow = await (await admin.GetAsync($"/api/boards/{board.Id}/metrics/cycle-times?from=2026-09-16&to=2026-09-17")).ReadAsync<CycleTimesResponse>();
        narrow.Cards.Select(c => c.CycleTimeDays).ShouldBe([2m, 3m], "the range's days both included");
    }

    [Fact]
    public async Task The_forecast_narrows_to_a_class_or_listed_cards_and_says_how_many_by_a_date()
    {
        var (admin, board) = await ImportAsync();
        using var _ = admin;
        var read = await admin.GetBoardAsync(board.Id);
        var doing = read.Cards.Single(c => c.LaneId == read.LaneId("Doing"));

        var all = await (await admin.GetAsync($"/api/boards/{board.Id}/forecast?by=2026-10-13")).ReadAsync<ForecastResponse>();
        var risk = await (await admin.GetAsync($"/api/boards/{board.Id}/forecast?class=Risk")).ReadAsync<ForecastResponse>();
        var listed = await (await admin.GetAsync($"/api/boards/{board.Id}/forecast?cards={doing.Id},{Guid.NewGuid()}")).ReadAsync<ForecastResponse>();
        var both = await (await admin.GetAsync($"/api/boards/{board.Id}/forecast?class=standard&cards={doing.Id}")).ReadAsync<ForecastResponse>();

        all.Remaining.ShouldBe(2);
        all.HowManyBy.ShouldBe(new HowManyByResponse(new DateOnly(2026, 10, 13), 0, 0, 0), "one working day, in which two of three days of the window did nothing");
        (risk.Remaining, risk.P50, risk.Reason).ShouldBe((0, (DateOnly?)null, "Nothing remains to be done."));
        listed.Remaining.ShouldBe(1, "a card not on the board is not remaining work");
        both.Remaining.ShouldBe(1);
        listed.P50.ShouldNotBeNull();
        (listed.Weeks, listed.Trials).ShouldBe((6, 10_000));
    }

    [Fact]
    public async Task A_board_with_no_card_done_in_the_window_has_no_forecast_and_says_why()
    {
        factory.Clock.Set(Now.AddDays(60));
        using var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);
        var board = await admin.ImportOkAsync(Board($"SM{Interlocked.Increment(ref _boards)}"));

        var forecast = await (await admin.GetAsync($"/api/boards/{board.Id}/forecast")).ReadAsync<ForecastResponse>();

        (forecast.Remaining, forecast.P50, forecast.P85, forecast.P95).ShouldBe((2, (DateOnly?)null, (DateOnly?)null, (DateOnly?)null));
        forecast.Reason.ShouldBe("No card was completed in the last 6 weeks, so there is no throughput to forecast from.");
    }

    [Theory]
    [InlineData("metrics/cfd?from=2026-13-01", "from")]
    [InlineData("metrics/cfd?from=12-10-2026", "from")]
    [InlineData("metrics/cfd?to=yesterday", "to")]
    [InlineData("metrics/cfd?from=2026-10-10&to=2026-10-01", "from")]
    [InlineData("metrics/cfd?from=2023-12-31&to=2026-01-01", "from")]
    [InlineData("metrics/throughput?from=2020-01-01", "from")]
    [InlineData("metrics/throughput?from=2026-12-01", "from")]
    [InlineData("metrics/cycle-times?to=2026-02-30", "to")]
    [InlineData("forecast?class=Expedite", "class")]
    [InlineData("forecast?class=1", "class")]
    [InlineData("forecast?cards=not-an-id", "cards")]
    [InlineData("forecast?by=2026-10-32", "by")]
    [InlineData("forecast?by=2029-01-01", "by")]
    public async Task A_bad_query_value_is_a_400_naming_the_field(string query, string field)
    {
        var (admin, board) = await ImportAsync();
        using var _ = admin;

        var problem = await (await admin.GetAsync($"/api/boards/{board.Id}/{query}")).ReadProblemAsync(HttpStatusCode.BadRequest);

        problem.Type.ShouldEndWith("validation-failed");
        problem.Errors.ShouldNotBeNull().Keys.ShouldBe([field]);
    }

    [Fact]
    public async Task More_than_500_listed_cards_is_a_400_and_500_are_fine()
    {
        var (admin, board) = await ImportAsync();
        using var _ = admin;
        string Ids(int count) => string.Join(",", Enumerable.Range(0, count).Select(_ => Guid.NewGuid()));

        (await (await admin.GetAsync($"/api/boards/{board.Id}/forecast?cards={Ids(501)}")).ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["cards"]);
        (await (await admin.GetAsync($"/api/boards/{board.Id}/forecast?cards={Ids(500)}")).ReadAsync<ForecastResponse>()).Remaining.ShouldBe(0);
    }

    [Fact]
    public async Task A_range_of_731_days_is_allowed()
    {
        var (admin, board) = await ImportAsync();
        using var _ = admin;

        var cfd = await (await admin.GetAsync($"/api/boards/{board.Id}/metrics/cfd?from=2024-01-01&to=2026-01-01")).ReadAsync<CumulativeFlowResponse>();

        cfd.Days.Count.ShouldBe(732);
    }
}
