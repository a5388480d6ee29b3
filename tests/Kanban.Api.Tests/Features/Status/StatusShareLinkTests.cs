using System.Net;
using Kanban.Api.Features.BoardFiles;
using Kanban.Api.Features.ShareLinks;
using Kanban.Api.Features.Status;
using Kanban.Api.Tests.Features.BoardFiles;
using Kanban.Api.Tests.Infrastructure;
using static Kanban.Api.Tests.Features.Status.StatusHistory;

namespace Kanban.Api.Tests.Features.Status;

/// <summary>What a status share link reads (the status, its metrics, forecast and notes of its own board) and what it may not.</summary>
public sealed class StatusShareLinkTests(ClockedApiFactory factory) : IClassFixture<ClockedApiFactory>
{
    private static int _boards;

    private readonly HttpClient _anonymous = factory.Server.CreateClient();

    private async Task<(HttpClient Admin, ImportedBoardResponse Board, string Token)> SharedAsync(string view)
    {
        factory.Clock.Set(Now);
        var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);
        var board = await admin.ImportOkAsync(Board($"SL{Interlocked.Increment(ref _boards)}"));
        var link = await (await admin.PostJsonAsync($"/api/boards/{board.Id}/share-links", new { view }))
            .ReadAsync<CreatedShareLinkResponse>(HttpStatusCode.Created);
        return (admin, board, link.Url[(link.Url.IndexOf("share=", StringComparison.Ordinal) + "share=".Length)..]);
    }

    [Fact]
    public async Task A_status_link_reads_the_status_metrics_forecast_and_notes_of_its_board_with_no_sign_in()
    {
        var (admin, board, token) = await SharedAsync("status");
        using var _ = admin;

        var status = await (await _anonymous.GetAsync($"/api/boards/{board.Id}/status?share={token}")).ReadAsync<StatusResponse>();
        status.CycleTimeDays.Count.ShouldBe(10);
        foreach (var read in new[] { "metrics/cfd", "metrics/cycle-times", "metrics/throughput", "forecast", "status/notes" })
        {
            (await _anonymous.GetAsync($"/api/boards/{board.Id}/{read}?share={token}")).StatusCode.ShouldBe(HttpStatusCode.OK, read);
        }

        (await _anonymous.GetAsync($"/api/boards/{board.Id}/status")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "without the link");
    }

    [Fact]
    public async Task A_status_link_cannot_write_a_note_nor_anything_else()
    {
        var (admin, board, token) = await SharedAsync("status");
        using var _ = admin;

        var note = await _anonymous.PostJsonAsync($"/api/boards/{board.Id}/status/notes?share={token}", new { text = "All green, honest" });
        var stop = await _anonymous.PostJsonAsync($"/api/boards/{board.Id}/line/stop?share={token}", new { reason = "Let me in" });

        note.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        stop.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await admin.GetAsync($"/api/boards/{board.Id}/status/notes")).ReadAsync<List<StatusNoteResponse>>()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_status_link_cannot_read_another_board_s_status()
    {
        var (admin, _, token) = await SharedAsync("status");
        using var _ = admin;
        var other = await admin.ImportOkAsync(Board($"SL{Interlocked.Increment(ref _boards)}"));

        foreach (var read in new[] { "status", "metrics/cfd", "forecast", "status/notes" })
        {
            (await (await _anonymous.GetAsync($"/api/boards/{other.Id}/{read}?share={token}")).ReadProblemAsync(HttpStatusCode.NotFound)).Type.ShouldEndWith("not-found");
        }
    }

    [Fact]
    public async Task A_status_link_cannot_read_the_board_s_wall_views()
    {
        var (admin, board, token) = await SharedAsync("status");
        using var _ = admin;
        var lane = (await admin.GetBoardAsync(board.Id)).LaneId("Doing");

        (await _anonymous.GetAsync($"/api/boards/{board.Id}?share={token}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _anonymous.GetAsync($"/api/boards/{board.Id}/lanes/{lane}/cards?share={token}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _anonymous.GetAsync($"/api/boards/{board.Id}/activity?share={token}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_wall_link_cannot_read_the_status_nor_its_metrics()
    {
        var (admin, board, token) = await SharedAsync("wall");
        using var _ = admin;

        foreach (var read in new[] { "status", "metrics/cfd", "metrics/cycle-times", "metrics/throughput", "forecast", "status/notes" })
        {
            (await _anonymous.GetAsync($"/api/boards/{board.Id}/{read}?share={token}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, read);
        }

        (await _anonymous.GetAsync($"/api/boards/{board.Id}?share={token}")).StatusCode.ShouldBe(HttpStatusCode.OK, "its own view");
    }
}
