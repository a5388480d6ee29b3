using System.Net;
using Kanban.Api.Features.Activity;
using Kanban.Api.Features.Boards;
using Kanban.Api.Tests.Infrastructure;

namespace Kanban.Api.Tests.Features.Activity;

public sealed class ActivityTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_viewer_reads_who_did_what_in_triage_but_not_the_tickets_text_or_the_product_owners_words()
    {
        var board = await _client.CreateBoardAsync();
        using var viewer = await factory.ClientOnBoardAsync(_client, board.Id, "activity-viewer@test.example", "Viewer");
        var sentBack = await _client.SubmitTicketAsync(board.Id, "Confidential pricing change for the triage inbox");
        var rejected = await _client.SubmitTicketAsync(board.Id, "Another confidential idea for the inbox");
        (await _client.PostJsonAsync($"/api/tickets/{sentBack.Id}/send-back", new { comment = "Confidential: ask finance first" })).EnsureSuccessStatusCode();
        (await _client.PostJsonAsync($"/api/tickets/{rejected.Id}/reject", new { reason = "Confidential: not this year" })).EnsureSuccessStatusCode();

        var response = await viewer.GetAsync($"/api/boards/{board.Id}/activity");

        var page = await response.ReadAsync<ActivityPage>();
        page.Items.Select(i => i.Summary).ShouldBe(
        [
            $"{rejected.Key} rejected",
            $"{sentBack.Key} sent back to its submitter with a comment",
            $"{rejected.Key} submitted for triage",
            $"{sentBack.Key} submitted for triage",
            "A person joined the board as Viewer",
        ]);
        (await (await viewer.GetAsync($"/api/boards/{board.Id}/activity")).Content.ReadAsStringAsync()).ShouldNotContain("onfidential");
    }

    [Fact]
    public async Task Every_submit_accept_move_limit_change_settings_change_stop_and_resume_is_recorded_newest_first()
    {
        var board = await _client.CreateBoardAsync();
        var ticket = await _client.AddCardAsync(board.Id, "Record everything that happens");
        await _client.MoveOkAsync(ticket.Id, board.LaneId("Ready"));
        await _client.SetLimitAsync(board, "Ready", 4);
        var settings = await (await _client.GetAsync($"/api/boards/{board.Id}/settings")).ReadAsync<BoardSettingsResponse>();
        await (await _client.PutJsonAsync($"/api/boards/{board.Id}/settings", settings with { PersonalWipLimit = 3 })).ReadAsync<BoardSettingsResponse>();
        await (await _client.StopLineAsync(board.Id, "Build server is down")).ReadAsync<LineResponse>();
        await (await _client.ResumeLineAsync(board.Id, "Build server is back")).ReadAsync<LineResponse>();

        var page = await (await _client.GetAsync($"/api/boards/{board.Id}/activity")).ReadAsync<ActivityPage>();

        page.Items.Select(i => i.Kind).ShouldBe(["LineResumed", "LineStopped", "SettingsChanged", "LaneChanged", "CardMoved", "TicketAccepted", "TicketSubmitted"]);
        page.Items.Select(i => i.Summary).ShouldBe(
        [
            "Line resumed after less than a minute: Build server is back",
            "Line stopped with the andon cord: Build server is down",
            "Settings changed: personal WIP limit 2 → 3",
            "Lane Ready: WIP limit 5 → 4",
            $"{ticket.Key} moved from Backlog to Ready",
            $"{ticket.Key} accepted into Backlog",
            $"{ticket.Key} submitted for triage",
        ]);
        var limitChange = page.Items.Single(i => i.Kind == "LaneChanged").Data;
        limitChange.GetProperty("before").GetProperty("wipLimit").GetInt32().ShouldBe(5);
        limitChange.GetProperty("after").GetProperty("wipLimit").GetInt32().ShouldBe(4);
        page.Items.Where(i => i.CardId is not null).ShouldAllBe(i => i.CardId == ticket.Id);
        page.Items.Select(i => i.Version).ShouldBe(Enumerable.Range(1, 7).Reverse().Select(n => board.Version + n));
        page.Next.ShouldBeNull();
    }

    [Fact]
    public async Task Each_entry_names_who_made_the_change()
    {
        var board = await _client.CreateBoardAsync();
        using var member = await factory.ClientOnBoardAsync(_client, board.Id, "activity-namer@test.example", "Member");
        var ticket = await member.SubmitTicketAsync(board.Id);
        (await _client.AcceptAsync(ticket.Id)).EnsureSuccessStatusCode();

        var page = await (await _client.GetAsync($"/api/boards/{board.Id}/activity?take=3")).ReadAsync<ActivityPage>();

        page.Items.Select(i => (i.Kind, i.ByName)).ShouldBe([("TicketAccepted", "owner"), ("TicketSubmitted", "activity-namer"), ("MemberChanged", "owner")]);
        page.Items[1].By.ShouldBe(await factory.UserIdOfAsync("activity-namer@test.example"));
    }

    [Fact]
    public async Task The_trail_pages_with_before_and_take()
    {
        var board = await _client.CreateBoardAsync();
        for (var i = 1; i <= 5; i++)
        {
            await _client.SubmitTicketAsync(board.Id, $"Paged ticket number {i}");
        }

        var first = await (await _client.GetAsync($"/api/boards/{board.Id}/activity?take=2")).ReadAsync<ActivityPage>();
        var second = await (await _client.GetAsync($"/api/boards/{board.Id}/activity?take=2&before={Uri.EscapeDataString(first.Next!)}")).ReadAsync<ActivityPage>();
        var last = await (await _client.GetAsync($"/api/boards/{board.Id}/activity?take=2&before={Uri.EscapeDataString(second.Next!)}")).ReadAsync<ActivityPage>();

        first.Items.Concat(second.Items).Concat(last.Items).Select(i => i.Summary).ShouldBe(
            Enumerable.Range(1, 5).Reverse().Select(n => $"{board.Key}-{n} submitted for triage"));
        last.Next.ShouldBeNull();
    }

    [Fact]
    public async Task Paging_one_entry_at_a_time_keeps_a_move_and_the_stop_it_caused_at_the_same_instant()
    {
        var board = await _client.CreateBoardAsync();
        await _client.FillAsync(board, "Testing", 2);
        await _client.FillAsync(board, "Ready for test", 2);
        var last = await _client.AddCardAsync(board.Id, "The card that stops the line");
        await _client.MoveOkAsync(last.Id, board.LaneId("Ready for test"));

        var kinds = new List<string>();
        string? before = null;
        do
        {
            var url = $"/api/boards/{board.Id}/activity?take=1" + (before is null ? "" : $"&before={Uri.EscapeDataString(before)}");
            var page = await (await _client.GetAsync(url)).ReadAsync<ActivityPage>();
            kinds.AddRange(page.Items.Select(i => i.Kind));
            before = page.Next;
        }
        while (before is not null);

        kinds.Take(2).ShouldBe(["LineStopped", "CardMoved"]);
        // Five cards, each submitted, accepted and moved once, and the stop.
        kinds.Count.ShouldBe((5 * 3) + 1);
    }

    [Fact]
    public async Task Asking_for_too_many_entries_at_once_gets_400()
    {
        var board = await _client.CreateBoardAsync();

        var problem = await (await _client.GetAsync($"/api/boards/{board.Id}/activity?take=5000")).ReadProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors!.Keys.ShouldBe(["take"]);
    }
}
