using System.Net;
using Kanban.Api.Features.Boards;
using Kanban.Api.Tests.Infrastructure;
using Kanban.Domain.Boards;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Tests.Features.Line;

public sealed class StopTheLineTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>A board whose untested lanes hold 4 cards, one under the default threshold of 3 + 2.</summary>
    private async Task<(BoardResponse Board, List<Guid> ReadyForTest, List<Guid> Testing)> AlmostStoppedAsync()
    {
        var board = await _client.CreateBoardAsync();
        var readyForTest = await _client.FillAsync(board, "Ready for test", 2);
        var testing = await _client.FillAsync(board, "Testing", 2);
        return (board, readyForTest, testing);
    }

    [Fact]
    public async Task The_line_stops_by_itself_when_untested_work_reaches_the_threshold()
    {
        var (board, _, _) = await AlmostStoppedAsync();
        (await _client.GetBoardAsync(board.Id)).Line.Stopped.ShouldBeFalse();

        var fifth = await _client.AddCardAsync(board.Id, "The card that stops the line");
        await _client.MoveOkAsync(fifth.Id, board.LaneId("Ready for test"));

        var line = (await _client.GetBoardAsync(board.Id)).Line;
        line.Stopped.ShouldBeTrue();
        line.Kind.ShouldBe("auto");
        line.Reason.ShouldBe("5 untested cards, threshold 5");
        line.Since.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_stopped_line_refuses_pulls_upstream_with_the_untested_count_and_threshold()
    {
        var (board, readyForTest, _) = await AlmostStoppedAsync();
        var ready = await _client.FillAsync(board, "Ready", 1);
        var backlog = await _client.FillAsync(board, "Backlog", 1);
        await _client.MoveOkAsync((await _client.AddCardAsync(board.Id, "The card that stops the line")).Id, board.LaneId("Ready for test"));

        foreach (var (card, lane) in new[] { (backlog[0], "Ready"), (ready[0], "In progress") })
        {
            var problem = await (await _client.MoveAsync(card, board.LaneId(lane))).ReadProblemAsync(HttpStatusCode.Conflict);
            problem.Type.ShouldBe("urn:kanban:problem:line-stopped");
            problem.Extensions["untestedCount"].GetInt32().ShouldBe(5);
            problem.Extensions["threshold"].GetInt32().ShouldBe(5);
            problem.Extensions["laneName"].GetString().ShouldBe(lane);
            problem.Detail.ShouldContain("Help test");
        }

        (await _client.GetBoardAsync(board.Id)).Lane("In progress").Count.ShouldBe(0);
        readyForTest.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_stopped_line_still_allows_moves_downstream_back_to_the_backlog_and_new_tickets()
    {
        var (board, readyForTest, testing) = await AlmostStoppedAsync();
        var inProgress = await _client.FillAsync(board, "In progress", 2);
        await _client.MoveOkAsync((await _client.AddCardAsync(board.Id, "The card that stops the line")).Id, board.LaneId("Ready for test"));

        await _client.MoveOkAsync(testing[0], board.LaneId("Done"));
        await _client.MoveOkAsync(inProgress[0], board.LaneId("Backlog"));
        await _client.AddCardAsync(board.Id, "New work still lands in the backlog");

        var after = await _client.GetBoardAsync(board.Id);
        after.Lane("Done").Count.ShouldBe(1);
        after.Lane("Backlog").Count.ShouldBe(2);
        readyForTest.Count.ShouldBe(2);
    }

    [Fact]
    public async Task The_line_resumes_by_itself_when_testing_brings_the_count_under_the_threshold_and_the_stop_is_recorded()
    {
        var (board, _, testing) = await AlmostStoppedAsync();
        var backlog = await _client.FillAsync(board, "Backlog", 1);
        await _client.MoveOkAsync((await _client.AddCardAsync(board.Id, "The card that stops the line")).Id, board.LaneId("Ready for test"));

        await _client.MoveOkAsync(testing[0], board.LaneId("Done"));

        (await _client.GetBoardAsync(board.Id)).Line.Stopped.ShouldBeFalse();
        await _client.MoveOkAsync(backlog[0], board.LaneId("Ready"));
        var stop = (await factory.WithDbAsync(db => db.LineStops.Where(s => s.BoardId == board.Id).ToListAsync())).ShouldHaveSingleItem();
        stop.Kind.ShouldBe(LineStopKind.Auto);
        stop.ResumedAt.ShouldNotBeNull();
        stop.Lasted.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(TimeSpan.Zero);
        stop.ResumeNote.ShouldBe("untested cards down to 4, under the threshold of 5");
    }

    [Fact]
    public async Task The_threshold_setting_replaces_the_sum_of_the_untested_limits()
    {
        var board = await _client.CreateBoardAsync();
        var settings = await (await _client.GetAsync($"/api/boards/{board.Id}/settings")).ReadAsync<BoardSettingsResponse>();
        settings.EffectiveStopLineThreshold.ShouldBe(5);

        var changed = await (await _client.PutJsonAsync($"/api/boards/{board.Id}/settings", settings with { StopLineThreshold = 2 }))
            .ReadAsync<BoardSettingsResponse>();
        await _client.FillAsync(board, "Testing", 2);

        changed.EffectiveStopLineThreshold.ShouldBe(2);
        (await _client.GetBoardAsync(board.Id)).Line.Reason.ShouldBe("2 untested cards, threshold 2");
    }

    [Fact]
    public async Task The_andon_cord_stops_the_line_with_a_reason_and_refuses_pulls_until_resumed_with_a_note()
    {
        var board = await _client.CreateBoardAsync();
        var backlog = await _client.FillAsync(board, "Backlog", 1);

        var stopped = await (await _client.StopLineAsync(board.Id, "Production payments are failing")).ReadAsync<LineResponse>();
        var refused = await (await _client.MoveAsync(backlog[0], board.LaneId("Ready"))).ReadProblemAsync(HttpStatusCode.Conflict);
        var resumed = await (await _client.ResumeLineAsync(board.Id, "Rolled back the release")).ReadAsync<LineResponse>();
        await _client.MoveOkAsync(backlog[0], board.LaneId("Ready"));

        (stopped.Stopped, stopped.Kind, stopped.Reason).ShouldBe((true, "manual", "Production payments are failing"));
        refused.Type.ShouldEndWith("line-stopped");
        refused.Detail.ShouldContain("Production payments are failing");
        resumed.Stopped.ShouldBeFalse();
        var stop = (await factory.WithDbAsync(db => db.LineStops.Where(s => s.BoardId == board.Id).ToListAsync())).ShouldHaveSingleItem();
        (stop.Kind, stop.Reason, stop.ResumeNote).ShouldBe((LineStopKind.Manual, "Production payments are failing", "Rolled back the release"));
        stop.ResumedAt.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(stop.StoppedAt);
    }

    [Fact]
    public async Task Stopping_a_stopped_line_or_resuming_a_running_one_is_refused_and_changes_nothing()
    {
        var board = await _client.CreateBoardAsync();

        var notStopped = await (await _client.ResumeLineAsync(board.Id, "Nothing to resume")).ReadProblemAsync(HttpStatusCode.Conflict);
        await (await _client.StopLineAsync(board.Id, "First stop")).ReadAsync<LineResponse>();
        var again = await (await _client.StopLineAsync(board.Id, "Second stop")).ReadProblemAsync(HttpStatusCode.Conflict);

        notStopped.Type.ShouldEndWith("line-not-stopped");
        again.Type.ShouldEndWith("line-stopped");
        (await _client.GetBoardAsync(board.Id)).Line.Reason.ShouldBe("First stop");
    }

    [Fact]
    public async Task A_line_stopped_by_untested_work_cannot_be_resumed_by_hand()
    {
        var board = await _client.CreateBoardAsync();
        await _client.FillAsync(board, "Ready for test", 3);
        await _client.FillAsync(board, "Testing", 2);

        var problem = await (await _client.ResumeLineAsync(board.Id, "Let us just carry on")).ReadProblemAsync(HttpStatusCode.Conflict);

        problem.Detail.ShouldContain("resumes by itself");
        (await _client.GetBoardAsync(board.Id)).Line.Stopped.ShouldBeTrue();
    }

    [Fact]
    public async Task Stopping_without_a_reason_gets_400()
    {
        var board = await _client.CreateBoardAsync();

        var problem = await (await _client.StopLineAsync(board.Id, " ")).ReadProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors!.Keys.ShouldBe(["reason"]);
        (await _client.GetBoardAsync(board.Id)).Line.Stopped.ShouldBeFalse();
    }
}
