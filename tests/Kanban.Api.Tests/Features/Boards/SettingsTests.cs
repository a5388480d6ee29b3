using System.Net;
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
}
