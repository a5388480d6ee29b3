using System.Text.Json.Nodes;
using Kanban.Api.Features.Activity;
using Kanban.Api.Features.Boards;
using Kanban.Api.Tests.Infrastructure;

namespace Kanban.Api.Tests.Features.BoardFiles;

/// <summary>A board file's settings become the same settings the settings route would store.</summary>
public sealed class ImportedSettingsTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private static readonly string[] MessyFillerWords = ["  works ", "Works", "", "   ", "as expected", "AS EXPECTED", "somehow  ", "WORKS"];

    private readonly HttpClient _owner = factory.CreateClient();

    [Fact]
    public async Task Messy_filler_words_of_an_imported_board_are_stored_cleaned_as_the_settings_route_stores_them_and_saved_back_unchanged()
    {
        using var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);
        var file = BoardFileSamples.Minimal("MESSY", KanbanApiFactory.Owner);
        file["board"]!["settings"] = new JsonObject
        {
            ["personalWipLimit"] = 3,
            ["staleDays"] = 4,
            ["maxEstimateDays"] = 6,
            ["duplicateThreshold"] = 0.75,
            ["fillerWords"] = new JsonArray([.. MessyFillerWords.Select(w => JsonValue.Create(w))]),
        };
        var imported = await admin.ImportOkAsync(file);
        var viaRoute = await _owner.CreateBoardAsync();
        var sent = await SettingsOfAsync(viaRoute.Id) with { FillerWords = MessyFillerWords };
        await (await _owner.PutJsonAsync($"/api/boards/{viaRoute.Id}/settings", sent)).ReadAsync<BoardSettingsResponse>();

        var importedSettings = await SettingsOfAsync(imported.Id);

        importedSettings.FillerWords.ShouldBe(["works", "as expected", "somehow"]);
        importedSettings.FillerWords.ShouldBe((await SettingsOfAsync(viaRoute.Id)).FillerWords);

        var version = (await _owner.GetBoardAsync(imported.Id)).Version;
        var saved = await (await _owner.PutJsonAsync($"/api/boards/{imported.Id}/settings", importedSettings)).ReadAsync<BoardSettingsResponse>();

        saved.ShouldBeEquivalentTo(importedSettings);
        (await SettingsOfAsync(imported.Id)).ShouldBeEquivalentTo(importedSettings);
        (await _owner.GetBoardAsync(imported.Id)).Version.ShouldBe(version, "saved unchanged, so nothing changed");
        (await (await _owner.GetAsync($"/api/boards/{imported.Id}/activity")).ReadAsync<ActivityPage>()).Items.ShouldNotContain(i => i.Kind == "SettingsChanged");
    }

    [Fact]
    public async Task The_duplicate_and_cycle_time_windows_are_exported_and_an_import_of_the_file_keeps_them()
    {
        using var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);
        var board = await _owner.CreateBoardAsync();
        await (await _owner.PutJsonAsync($"/api/boards/{board.Id}/settings", new
        {
            personalWipLimit = 2, stopLineThreshold = (int?)null, staleDays = 3, maxEstimateDays = 5, duplicateThreshold = 0.8, duplicateWindowDays = 45,
            fillerWords = new[] { "works" }, cycleTimeWindowDays = 120,
        })).ReadAsync<BoardSettingsResponse>();

        var file = await _owner.ExportAsync(board.Id);

        file["board"]!["settings"]!["duplicateWindowDays"]!.GetValue<int>().ShouldBe(45);
        file["board"]!["settings"]!["cycleTimeWindowDays"]!.GetValue<int>().ShouldBe(120);
        file["board"]!["key"] = "WINDOW";
        var imported = await admin.ImportOkAsync(file);
        var settings = await (await _owner.GetAsync($"/api/boards/{imported.Id}/settings")).ReadAsync<JsonObject>();
        (settings["duplicateWindowDays"]!.GetValue<int>(), settings["cycleTimeWindowDays"]!.GetValue<int>()).ShouldBe((45, 120));
    }

    [Fact]
    public async Task The_status_settings_are_exported_and_an_import_of_the_file_keeps_them()
    {
        using var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);
        var board = await _owner.CreateBoardAsync();
        var sent = await (await _owner.GetAsync($"/api/boards/{board.Id}/settings")).ReadAsync<JsonObject>();
        sent.Remove("effectiveStopLineThreshold");
        sent["forecastWeeks"] = 10;
        sent["targetDate"] = "2027-06-30";
        sent["stoppedRedPercent"] = 30;
        sent["lineStopSound"] = true;
        await (await _owner.PutJsonAsync($"/api/boards/{board.Id}/settings", sent)).ReadAsync<BoardSettingsResponse>();

        var file = await _owner.ExportAsync(board.Id);
        file["board"]!["key"] = "STATUSSET";
        var imported = await admin.ImportOkAsync(file);

        var settings = await SettingsOfAsync(imported.Id);
        (settings.ForecastWeeks, settings.TargetDate, settings.StoppedRedPercent, settings.LineStopSound)
            .ShouldBe((10, new DateOnly(2027, 6, 30), 30, true));
    }

    private async Task<BoardSettingsResponse> SettingsOfAsync(Guid boardId) =>
        await (await _owner.GetAsync($"/api/boards/{boardId}/settings")).ReadAsync<BoardSettingsResponse>();
}
