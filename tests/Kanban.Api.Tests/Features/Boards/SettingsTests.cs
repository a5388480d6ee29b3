using System.Net;
using System.Text.Json.Nodes;
using Kanban.Api.Features.Activity;
using Kanban.Api.Features.Boards;
using Kanban.Api.Tests.Infrastructure;

namespace Kanban.Api.Tests.Features.Boards;

public sealed class SettingsTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_new_board_has_the_default_settings()
    {
        var board = await _client.CreateBoardAsync();

        var settings = await (await _client.GetAsync($"/api/boards/{board.Id}/settings")).ReadAsync<BoardSettingsResponse>();

        (settings.PersonalWipLimit, settings.StopLineThreshold, settings.EffectiveStopLineThreshold, settings.StaleDays, settings.MaxEstimateDays)
            .ShouldBe((2, (int?)null, 5, 3, 5m));
        settings.FillerWords.ShouldContain("as expected");
        settings.FillerWords.Count.ShouldBeGreaterThanOrEqualTo(20);
    }

    [Fact]
    public async Task Settings_out_of_range_get_400_naming_each_field_and_nothing_changes()
    {
        var board = await _client.CreateBoardAsync();

        var response = await _client.PutJsonAsync($"/api/boards/{board.Id}/settings", new
        {
            personalWipLimit = 0,
            stopLineThreshold = -1,
            staleDays = 3,
            maxEstimateDays = 100,
            duplicateThreshold = 0.8,
            fillerWords = new[] { "works", new string('x', 61) },
        });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.Errors!.Keys.ShouldBe(["personalWipLimit", "stopLineThreshold", "maxEstimateDays", "fillerWords[1]"], ignoreOrder: true);
        (await (await _client.GetAsync($"/api/boards/{board.Id}/settings")).ReadAsync<BoardSettingsResponse>()).PersonalWipLimit.ShouldBe(2);
    }

    [Fact]
    public async Task The_duplicate_window_is_180_days_on_a_new_board_and_is_saved_and_read_back()
    {
        var board = await _client.CreateBoardAsync();
        (await SettingsJsonAsync(board.Id))["duplicateWindowDays"]!.GetValue<int>().ShouldBe(180);

        var saved = await (await _client.PutJsonAsync(SettingsUrl(board.Id), await SentSettingsAsync(board.Id, duplicateWindowDays: 30))).ReadAsync<JsonObject>();

        saved["duplicateWindowDays"]!.GetValue<int>().ShouldBe(30);
        (await SettingsJsonAsync(board.Id))["duplicateWindowDays"]!.GetValue<int>().ShouldBe(30);
    }

    [Fact]
    public async Task A_save_without_the_duplicate_window_as_an_older_client_sends_keeps_the_boards_window()
    {
        var board = await _client.CreateBoardAsync();
        await (await _client.PutJsonAsync(SettingsUrl(board.Id), await SentSettingsAsync(board.Id, duplicateWindowDays: 45))).ReadAsync<JsonObject>();
        var withoutWindow = await SentSettingsAsync(board.Id);
        withoutWindow.Remove("duplicateWindowDays");
        withoutWindow["staleDays"] = 7;

        var saved = await (await _client.PutJsonAsync(SettingsUrl(board.Id), withoutWindow)).ReadAsync<JsonObject>();

        (saved["staleDays"]!.GetValue<int>(), saved["duplicateWindowDays"]!.GetValue<int>()).ShouldBe((7, 45));
        (await SettingsJsonAsync(board.Id))["duplicateWindowDays"]!.GetValue<int>().ShouldBe(45);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3651)]
    public async Task A_duplicate_window_out_of_range_gets_400_naming_it_and_nothing_changes(int duplicateWindowDays)
    {
        var board = await _client.CreateBoardAsync();

        var response = await _client.PutJsonAsync(SettingsUrl(board.Id), await SentSettingsAsync(board.Id, duplicateWindowDays));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.Errors!.Keys.ShouldBe(["duplicateWindowDays"]);
        problem.Errors["duplicateWindowDays"].ShouldHaveSingleItem().ShouldContain("3650");
        (await SettingsJsonAsync(board.Id))["duplicateWindowDays"]!.GetValue<int>().ShouldBe(180);
    }

    [Fact]
    public async Task A_changed_duplicate_window_is_recorded_in_the_activity_trail_with_its_old_and_new_value()
    {
        var board = await _client.CreateBoardAsync();

        await (await _client.PutJsonAsync(SettingsUrl(board.Id), await SentSettingsAsync(board.Id, duplicateWindowDays: 365))).ReadAsync<JsonObject>();

        var page = await (await _client.GetAsync($"/api/boards/{board.Id}/activity")).ReadAsync<ActivityPage>();
        page.Items.Where(i => i.Kind == "SettingsChanged").Select(i => i.Summary)
            .ShouldBe(["Settings changed: duplicate window days 180 → 365"]);
    }

    [Fact]
    public async Task The_cycle_time_window_is_90_days_on_a_new_board_is_saved_read_back_and_kept_when_left_out()
    {
        var board = await _client.CreateBoardAsync();
        (await SettingsJsonAsync(board.Id))["cycleTimeWindowDays"]!.GetValue<int>().ShouldBe(90);
        var sent = await SentSettingsAsync(board.Id);
        sent["cycleTimeWindowDays"] = 30;

        var saved = await (await _client.PutJsonAsync(SettingsUrl(board.Id), sent)).ReadAsync<JsonObject>();
        var withoutWindow = await SentSettingsAsync(board.Id);
        withoutWindow.Remove("cycleTimeWindowDays");
        withoutWindow["staleDays"] = 6;
        var savedWithout = await (await _client.PutJsonAsync(SettingsUrl(board.Id), withoutWindow)).ReadAsync<JsonObject>();

        saved["cycleTimeWindowDays"]!.GetValue<int>().ShouldBe(30);
        (savedWithout["staleDays"]!.GetValue<int>(), savedWithout["cycleTimeWindowDays"]!.GetValue<int>()).ShouldBe((6, 30));
        var page = await (await _client.GetAsync($"/api/boards/{board.Id}/activity")).ReadAsync<ActivityPage>();
        page.Items.Where(i => i.Kind == "SettingsChanged").Select(i => i.Summary).ShouldContain("Settings changed: cycle time window days 90 → 30");
    }

    [Theory]
    [InlineData(6)]
    [InlineData(731)]
    public async Task A_cycle_time_window_out_of_range_gets_400_naming_it_and_nothing_changes(int days)
    {
        var board = await _client.CreateBoardAsync();
        var sent = await SentSettingsAsync(board.Id);
        sent["cycleTimeWindowDays"] = days;

        var response = await _client.PutJsonAsync(SettingsUrl(board.Id), sent);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.Errors!.Keys.ShouldBe(["cycleTimeWindowDays"]);
        problem.Errors["cycleTimeWindowDays"].ShouldHaveSingleItem().ShouldContain("730");
        (await SettingsJsonAsync(board.Id))["cycleTimeWindowDays"]!.GetValue<int>().ShouldBe(90);
    }

    [Fact]
    public async Task The_status_settings_have_their_defaults_are_saved_read_back_recorded_and_kept_when_left_out()
    {
        var board = await _client.CreateBoardAsync();
        var defaults = await SettingsJsonAsync(board.Id);
        (defaults["forecastWeeks"]!.GetValue<int>(), defaults["stoppedRedPercent"]!.GetValue<int>(), defaults["lineStopSound"]!.GetValue<bool>())
            .ShouldBe((6, 10, false));
        defaults["targetDate"].ShouldBeNull();
        var sent = await SentSettingsAsync(board.Id);
        sent["forecastWeeks"] = 8;
        sent["targetDate"] = "2027-03-31";
        sent["stoppedRedPercent"] = 25;
        sent["lineStopSound"] = true;

        var saved = await (await _client.PutJsonAsync(SettingsUrl(board.Id), sent)).ReadAsync<JsonObject>();
        var older = await SentSettingsAsync(board.Id);
        older.Remove("forecastWeeks");
        older.Remove("stoppedRedPercent");
        older.Remove("lineStopSound");
        var savedByOlder = await (await _client.PutJsonAsync(SettingsUrl(board.Id), older)).ReadAsync<JsonObject>();

        (saved["forecastWeeks"]!.GetValue<int>(), saved["targetDate"]!.GetValue<string>(), saved["stoppedRedPercent"]!.GetValue<int>(), saved["lineStopSound"]!.GetValue<bool>())
            .ShouldBe((8, "2027-03-31", 25, true));
        (savedByOlder["forecastWeeks"]!.GetValue<int>(), savedByOlder["stoppedRedPercent"]!.GetValue<int>(), savedByOlder["lineStopSound"]!.GetValue<bool>())
            .ShouldBe((8, 25, true));
        var page = await (await _client.GetAsync($"/api/boards/{board.Id}/activity")).ReadAsync<ActivityPage>();
        page.Items.Where(i => i.Kind == "SettingsChanged").Select(i => i.Summary).ShouldContain(
            "Settings changed: forecast weeks 6 → 8; target date none → 2027-03-31; stopped red percent 10 → 25; line stop sound off → on");
    }

    [Theory]
    [InlineData("forecastWeeks", 0)]
    [InlineData("forecastWeeks", 53)]
    [InlineData("stoppedRedPercent", 0)]
    [InlineData("stoppedRedPercent", 101)]
    public async Task A_status_setting_out_of_range_gets_400_naming_it_and_nothing_changes(string field, int value)
    {
        var board = await _client.CreateBoardAsync();
        var before = (await SettingsJsonAsync(board.Id)).ToJsonString();
        var sent = await SentSettingsAsync(board.Id);
        sent[field] = value;

        var response = await _client.PutJsonAsync(SettingsUrl(board.Id), sent);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.Errors!.Keys.ShouldBe([field]);
        (await SettingsJsonAsync(board.Id)).ToJsonString().ShouldBe(before);
    }

    [Theory]
    [InlineData("1999-12-31")]
    [InlineData("2027-02-30")]
    [InlineData("next friday")]
    public async Task A_target_date_that_is_not_a_day_in_range_gets_400_naming_it(string date)
    {
        var board = await _client.CreateBoardAsync();
        var sent = await SentSettingsAsync(board.Id);
        sent["targetDate"] = date;

        var response = await _client.PutJsonAsync(SettingsUrl(board.Id), sent);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.Errors!.Keys.ShouldContain("targetDate");
        (await SettingsJsonAsync(board.Id))["targetDate"].ShouldBeNull();
    }

    private static string SettingsUrl(Guid boardId) => $"/api/boards/{boardId}/settings";

    private async Task<JsonObject> SettingsJsonAsync(Guid boardId) =>
        await (await _client.GetAsync(SettingsUrl(boardId))).ReadAsync<JsonObject>();

    /// <summary>The board's settings as a client sends them back, with <paramref name="duplicateWindowDays"/> when given.</summary>
    private async Task<JsonObject> SentSettingsAsync(Guid boardId, int? duplicateWindowDays = null)
    {
        var settings = await SettingsJsonAsync(boardId);
        settings.Remove("effectiveStopLineThreshold");
        if (duplicateWindowDays is { } days)
        {
            settings["duplicateWindowDays"] = days;
        }

        return settings;
    }
}
