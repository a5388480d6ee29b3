using System.Net;
using System.Text.Json.Nodes;
using Kanban.Api.Tests.Infrastructure;

namespace Kanban.Api.Tests.Features.BoardFiles;

/// <summary>A file that is malformed or disagrees with itself is refused as a whole, at the JSON path at fault, and writes nothing.</summary>
public sealed class BrokenFileTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private static readonly Dictionary<string, Action<JsonObject>> Breakages = new()
    {
        ["wrong format"] = f => f["format"] = "kanban-board/2",
        ["no board"] = f => f.Remove("board"),
        ["no board name"] = f => f["board"]!.AsObject().Remove("name"),
        ["bad board key"] = f => f["board"]!["key"] = "imp-1",
        ["a duplicate window of no days"] = f => f["board"]!["settings"]!["duplicateWindowDays"] = 0,
        ["a duplicate window longer than ten years"] = f => f["board"]!["settings"]!["duplicateWindowDays"] = 3651,
        ["a cycle time window of under a week"] = f => f["board"]!["settings"]!["cycleTimeWindowDays"] = 6,
        ["no lanes"] = f => f["lanes"] = new JsonArray(),
        ["two lanes of one name"] = f => f["lanes"]![2]!["name"] = "ready",
        ["negative WIP limit"] = f => f["lanes"]![1]!["wipLimit"] = -1,
        ["unknown lane kind"] = f => f["lanes"]![1]!["kind"] = "Waiting",
        ["untested done lane"] = f => f["lanes"]![4]!["untested"] = true,
        ["second backlog"] = f => f["lanes"]![1]!["kind"] = "Backlog",
        ["member without a valid email"] = f => f["members"]![1]!["email"] = "not-an-email",
        ["member with an unknown role"] = f => f["members"]![1]!["role"] = "Boss",
        ["no product owner"] = f => f["members"]![0]!["role"] = "Member",
        ["duplicate ticket key"] = f => f["tickets"]![2]!["key"] = "BRK-1",
        ["ticket key of another board"] = f => f["tickets"]![2]!["key"] = "PAY-3",
        ["ticket in a lane that does not exist"] = f => f["tickets"]![1]!["lane"] = "Nowhere",
        ["ticket on the board without a lane"] = f => f["tickets"]![2]!.AsObject().Remove("lane"),
        ["rejected ticket in a lane"] = f => f["tickets"]![4]!["lane"] = "Backlog",
        ["rejected ticket with a history of lanes"] = f => f["tickets"]![4]!["history"] = new JsonArray(new JsonObject
        {
            ["at"] = "2026-10-21T09:00:00Z", ["from"] = null, ["to"] = "Backlog", ["by"] = null,
        }),
        ["unknown state"] = f => f["tickets"]![0]!["state"] = "Lost",
        ["estimate not a number"] = f => f["tickets"]![0]!["estimateDays"] = "two",
        ["negative estimate"] = f => f["tickets"]![0]!["estimateDays"] = -1,
        ["no title"] = f => f["tickets"]![0]!["title"] = " ",
        ["description longer than the routes allow"] = f => f["tickets"]![0]!["description"] = new string('d', 20_001),
        ["more criteria than the routes allow"] = f => f["tickets"]![0]!["definitionOfDone"] = new JsonArray([.. Enumerable.Range(1, 51).Select(n => (JsonNode?)JsonValue.Create($"Criterion number {n} can be checked"))]),
        ["criterion longer than the routes allow"] = f => f["tickets"]![0]!["definitionOfDone"] = new JsonArray(JsonValue.Create(new string('c', 1_001))),
        ["history out of order"] = f => f["tickets"]![0]!["history"]![2]!["at"] = "2026-10-01T09:00:00Z",
        ["history before the ticket was created"] = f => f["tickets"]![0]!["history"]![0]!["at"] = "2026-09-01T08:00:00Z",
        ["history naming an unknown lane"] = f => f["tickets"]![0]!["history"]![1]!["to"] = "Nowhere",
        ["history that jumps lanes"] = f => f["tickets"]![0]!["history"]![3]!["from"] = "Ready",
        ["history ending elsewhere than the lane"] = f => f["tickets"]![1]!["lane"] = "Ready",
        ["blocked without a reason"] = f => f["tickets"]![1]!["blocked"]!["reason"] = "",
        ["a line resume before its stop"] = f => f["line"]![0]!["resumedAt"] = "2026-10-05T09:00:00Z",
        ["two open stops of one kind"] = f => f["line"]![0]!["resumedAt"] = null,
        ["unknown stop kind"] = f => f["line"]![1]!["kind"] = "Sometimes",
        ["a date that is not a date"] = f => f["tickets"]![3]!["createdAt"] = "yesterday",
        ["a duplicate of a ticket not in the file"] = f => f["tickets"]![5]!["duplicateOf"] = "BRK-99",
        ["a duplicate of itself"] = f => f["tickets"]![5]!["duplicateOf"] = "BRK-6",
        ["a merged ticket without its original"] = f => f["tickets"]![5]!.AsObject().Remove("duplicateOf"),
        ["a duplicate link on a ticket not merged"] = f => f["tickets"]![6]!["duplicateOf"] = "BRK-8",
        ["a likely duplicate of a ticket not in the file"] = f => f["tickets"]![7]!["likelyDuplicateOf"] = "BRK-99",
        ["a likely duplicate of itself"] = f => f["tickets"]![7]!["likelyDuplicateOf"] = "BRK-8",
        ["a likely duplicate on a ticket on the board"] = f => f["tickets"]![2]!["likelyDuplicateOf"] = "BRK-1",
        ["a submitter without an e-mail"] = f => f["tickets"]![6]!["submittedBy"] = "reporter",
        ["a comment that is not an object"] = f => f["tickets"]![6]!["comments"]![0] = null,
        ["a comment without a time"] = f => f["tickets"]![6]!["comments"]![0]!.AsObject().Remove("at"),
        ["a comment before the ticket was created"] = f => f["tickets"]![6]!["comments"]![0]!["at"] = "2026-10-09T08:59:59Z",
        ["a comment without text"] = f => f["tickets"]![4]!["comments"]![1]!["text"] = "  ",
        ["a comment that is too long"] = f => f["tickets"]![4]!["comments"]![1]!["text"] = new string('x', 20_001),
        ["a merged duplicate's text that is too long"] = f => f["tickets"]![7]!["comments"]![0]!["text"] = new string('x', 80_001),
        ["a comment by someone without an e-mail"] = f => f["tickets"]![4]!["comments"]![0]!["by"] = "Pat",
        ["a comment of an unknown kind"] = f => f["tickets"]![4]!["comments"]![0]!["kind"] = "Praise",
    };

    [Theory]
    [InlineData("wrong format", "$.format")]
    [InlineData("no board", "$.board")]
    [InlineData("no board name", "$.board.name")]
    [InlineData("bad board key", "$.board.key")]
    [InlineData("a duplicate window of no days", "$.board.settings.duplicateWindowDays")]
    [InlineData("a duplicate window longer than ten years", "$.board.settings.duplicateWindowDays")]
    [InlineData("a cycle time window of under a week", "$.board.settings.cycleTimeWindowDays")]
    [InlineData("no lanes", "$.lanes")]
    [InlineData("two lanes of one name", "$.lanes[2].name")]
    [InlineData("negative WIP limit", "$.lanes[1].wipLimit")]
    [InlineData("unknown lane kind", "$.lanes[1].kind")]
    [InlineData("untested done lane", "$.lanes[4].untested")]
    [InlineData("second backlog", "$.lanes")]
    [InlineData("member without a valid email", "$.members[1].email")]
    [InlineData("member with an unknown role", "$.members[1].role")]
    [InlineData("no product owner", "$.members")]
    [InlineData("duplicate ticket key", "$.tickets[2].key")]
    [InlineData("ticket key of another board", "$.tickets[2].key")]
    [InlineData("ticket in a lane that does not exist", "$.tickets[1].lane")]
    [InlineData("ticket on the board without a lane", "$.tickets[2].lane")]
    [InlineData("rejected ticket in a lane", "$.tickets[4].lane")]
    [InlineData("rejected ticket with a history of lanes", "$.tickets[4].history")]
    [InlineData("unknown state", "$.tickets[0].state")]
    [InlineData("estimate not a number", "$.tickets[0].estimateDays")]
    [InlineData("negative estimate", "$.tickets[0].estimateDays")]
    [InlineData("no title", "$.tickets[0].title")]
    [InlineData("description longer than the routes allow", "$.tickets[0].description")]
    [InlineData("more criteria than the routes allow", "$.tickets[0].definitionOfDone")]
    [InlineData("criterion longer than the routes allow", "$.tickets[0].definitionOfDone[0]")]
    [InlineData("history out of order", "$.tickets[0].history[2].at")]
    [InlineData("history before the ticket was created", "$.tickets[0].history[0].at")]
    [InlineData("history naming an unknown lane", "$.tickets[0].history[1].to")]
    [InlineData("history that jumps lanes", "$.tickets[0].history[3].from")]
    [InlineData("history ending elsewhere than the lane", "$.tickets[1].lane")]
    [InlineData("blocked without a reason", "$.tickets[1].blocked.reason")]
    [InlineData("a line resume before its stop", "$.line[0].resumedAt")]
    [InlineData("two open stops of one kind", "$.line[1].resumedAt")]
    [InlineData("unknown stop kind", "$.line[1].kind")]
    [InlineData("a date that is not a date", "$.tickets[3].createdAt")]
    [InlineData("a duplicate of a ticket not in the file", "$.tickets[5].duplicateOf")]
    [InlineData("a duplicate of itself", "$.tickets[5].duplicateOf")]
    [InlineData("a merged ticket without its original", "$.tickets[5].duplicateOf")]
    [InlineData("a duplicate link on a ticket not merged", "$.tickets[6].duplicateOf")]
    [InlineData("a likely duplicate of a ticket not in the file", "$.tickets[7].likelyDuplicateOf")]
    [InlineData("a likely duplicate of itself", "$.tickets[7].likelyDuplicateOf")]
    [InlineData("a likely duplicate on a ticket on the board", "$.tickets[2].likelyDuplicateOf")]
    [InlineData("a submitter without an e-mail", "$.tickets[6].submittedBy")]
    [InlineData("a comment that is not an object", "$.tickets[6].comments[0]")]
    [InlineData("a comment without a time", "$.tickets[6].comments[0].at")]
    [InlineData("a comment before the ticket was created", "$.tickets[6].comments[0].at")]
    [InlineData("a comment without text", "$.tickets[4].comments[1].text")]
    [InlineData("a comment that is too long", "$.tickets[4].comments[1].text")]
    [InlineData("a merged duplicate's text that is too long", "$.tickets[7].comments[0].text")]
    [InlineData("a comment by someone without an e-mail", "$.tickets[4].comments[0].by")]
    [InlineData("a comment of an unknown kind", "$.tickets[4].comments[0].kind")]
    public async Task A_broken_file_is_refused_at_the_path_of_the_problem_and_nothing_is_written(string breakage, string path)
    {
        var file = BoardFileSamples.Known("BRK");
        Breakages[breakage](file);

        await RefusedAsync(file.ToJsonString(), path);
    }

    [Fact]
    public async Task A_file_that_is_not_json_is_refused()
    {
        await RefusedAsync("{ \"format\": \"kanban-board/1\", this is not JSON", "$");
    }

    [Fact]
    public async Task Every_problem_of_a_file_is_reported_at_once()
    {
        var file = BoardFileSamples.Known("BRK");
        Breakages["wrong format"](file);
        Breakages["unknown state"](file);
        Breakages["a line resume before its stop"](file);
        using var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);

        var problem = await (await admin.ImportAsync(file)).ReadProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors!.Keys.ShouldBe(["$.format", "$.tickets[0].state", "$.line[0].resumedAt"], ignoreOrder: true);
    }

    [Fact]
    public async Task An_unknown_comment_kind_is_refused_with_the_kinds_there_are()
    {
        var file = BoardFileSamples.Known("BRK");
        Breakages["a comment of an unknown kind"](file);
        using var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);

        var problem = await (await admin.ImportAsync(file)).ReadProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors!["$.tickets[4].comments[0].kind"].ShouldBe(["'Praise' is not one of SentBack, Rejected, MergedDuplicate, Comment."]);
    }

    [Fact]
    public async Task A_merged_duplicate_may_be_longer_than_other_comments()
    {
        var file = BoardFileSamples.Known("LNG");
        file["tickets"]![7]!["comments"]![0]!["text"] = new string('x', 80_000);
        using var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);

        await admin.ImportOkAsync(file);
    }

    private async Task RefusedAsync(string file, string path)
    {
        using var admin = await factory.CreateClientForAsync(KanbanApiFactory.AdminEmail);
        var before = await factory.CountsAsync();

        var problem = await (await admin.ImportAsync(file)).ReadProblemAsync(HttpStatusCode.BadRequest);

        problem.Type.ShouldBe("urn:kanban:problem:validation-failed");
        problem.Errors.ShouldNotBeNull();
        problem.Errors.Keys.ShouldContain(path, string.Join("; ", problem.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        problem.Errors[path].ShouldAllBe(message => message.Length > 10);
        (await factory.CountsAsync()).ShouldBe(before);
    }
}
