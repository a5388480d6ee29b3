using System.Net;
using Kanban.Api.Features.Activity;
using Kanban.Api.Features.Tickets;
using Kanban.Api.Realtime;
using Kanban.Api.Tests.Infrastructure;
using Kanban.Domain.Cards;
using Kanban.Domain.Tickets;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kanban.Api.Tests.Features.Tickets;

/// <summary>Members write on a ticket in any state; the trail and the hub say only that they did.</summary>
public sealed class TicketCommentTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private readonly HttpClient _owner = factory.CreateClient();

    [Fact]
    public async Task A_comment_is_created_trimmed_with_its_author_and_read_back_on_the_ticket_oldest_first()
    {
        var board = await _owner.CreateBoardAsync();
        using var member = await factory.ClientOnBoardAsync(_owner, board.Id, "comment-member@test.example", "Member");
        var ticket = await _owner.AddCardAsync(board.Id);
        var before = await _owner.GetBoardAsync(board.Id);

        var response = await member.CommentAsync(ticket.Id, "  The bank's sandbox is down until Monday.\n  ");
        var second = await (await _owner.CommentAsync(ticket.Id, "Noted, thanks")).ReadAsync<TicketCommentResponse>(HttpStatusCode.Created);

        var comment = await response.ReadAsync<TicketCommentResponse>(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe($"/api/tickets/{ticket.Id}");
        (comment.Kind, comment.Text, comment.ByName).ShouldBe((TicketCommentKind.Comment, "The bank's sandbox is down until Monday.", "comment-member"));
        comment.By.ShouldBe(await factory.UserIdOfAsync("comment-member@test.example"));
        var body = await (await member.CommentAsync(ticket.Id, "Raw shape")).Content.ReadAsStringAsync();
        body.ShouldContain("\"kind\":\"Comment\"");
        var detail = await _owner.GetTicketAsync(ticket.Id);
        detail.Comments.Select(c => c.Text).ShouldBe(["The bank's sandbox is down until Monday.", "Noted, thanks", "Raw shape"]);
        detail.Comments[0].ShouldBe(comment with { At = detail.Comments[0].At });
        detail.Comments[0].At.ShouldBe(comment.At, TimeSpan.FromMilliseconds(1), "stores may keep less than the clock's ticks");
        (await _owner.GetBoardAsync(board.Id)).Version.ShouldBe(before.Version + 3);
        second.ByName.ShouldBe("owner");
    }

    [Fact]
    public async Task A_comment_is_in_the_trail_by_name_with_the_key_and_never_the_text()
    {
        var board = await _owner.CreateBoardAsync();
        using var viewer = await factory.ClientOnBoardAsync(_owner, board.Id, "comment-viewer@test.example", "Viewer");
        var ticket = await _owner.SubmitTicketAsync(board.Id);

        await (await _owner.CommentAsync(ticket.Id, "Confidential: the price goes up")).ReadAsync<TicketCommentResponse>(HttpStatusCode.Created);

        var page = await (await viewer.GetAsync($"/api/boards/{board.Id}/activity?take=1")).ReadAsync<ActivityPage>();
        var entry = page.Items.Single();
        (entry.Kind, entry.CardId, entry.Summary, entry.ByName).ShouldBe(("TicketCommented", (Guid?)ticket.Id, $"Comment added to {ticket.Key}", "owner"));
        (await (await viewer.GetAsync($"/api/boards/{board.Id}/activity")).Content.ReadAsStringAsync()).ShouldNotContain("onfidential");
        (await _owner.GetTicketAsync(ticket.Id)).History.Select(h => h.Kind).ShouldBe(["TicketSubmitted", "TicketCommented"]);
    }

    [Fact]
    public async Task A_second_screen_on_the_board_hears_TicketCommented_without_the_text()
    {
        var board = await _owner.CreateBoardAsync();
        var ticket = await _owner.SubmitTicketAsync(board.Id);
        await using var watcher = await factory.ConnectAsync();
        var heard = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var message = new TaskCompletionSource<TicketMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.On<System.Text.Json.JsonElement>("TicketCommented", m => heard.TrySetResult(m.GetRawText()));
        await watcher.InvokeAsync("JoinBoard", board.Id);
        await using var typed = await factory.ConnectAsync();
        typed.On<TicketMessage>("TicketCommented", m => message.TrySetResult(m));
        await typed.InvokeAsync("JoinBoard", board.Id);

        await (await _owner.CommentAsync(ticket.Id, "Secret words of the comment")).ReadAsync<TicketCommentResponse>(HttpStatusCode.Created);

        var pushed = await message.Task.WaitAsync(HubClients.Patience);
        var version = (await _owner.GetBoardAsync(board.Id)).Version;
        pushed.ShouldBe(new TicketMessage(board.Id, version, ticket.Id, ticket.Key, TicketState.Triage));
        (await heard.Task.WaitAsync(HubClients.Patience)).ShouldNotContain("Secret");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public async Task An_empty_comment_gets_400_saying_what_to_write(string text)
    {
        var board = await _owner.CreateBoardAsync();
        var ticket = await _owner.SubmitTicketAsync(board.Id);

        var problem = await (await _owner.CommentAsync(ticket.Id, text)).ReadProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors!["text"].ShouldBe(["Write the comment (text): 1 to 5,000 characters."]);
    }

    [Fact]
    public async Task A_missing_text_gets_400()
    {
        var board = await _owner.CreateBoardAsync();
        var ticket = await _owner.SubmitTicketAsync(board.Id);

        var problem = await (await _owner.PostJsonAsync($"/api/tickets/{ticket.Id}/comments", new { })).ReadProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors!.Keys.ShouldBe(["text"]);
    }

    [Fact]
    public async Task A_comment_of_5000_characters_is_taken_and_one_longer_gets_400_with_its_length()
    {
        var board = await _owner.CreateBoardAsync();
        var ticket = await _owner.SubmitTicketAsync(board.Id);

        (await _owner.CommentAsync(ticket.Id, "  " + new string('a', 5_000) + "  ")).StatusCode.ShouldBe(HttpStatusCode.Created);
        var problem = await (await _owner.CommentAsync(ticket.Id, new string('a', 5_001))).ReadProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors!["text"].ShouldBe(["The comment has 5,001 characters; shorten it to 5,000."]);
    }

    [Fact]
    public async Task A_comment_with_a_control_character_gets_400_and_nothing_is_saved()
    {
        var board = await _owner.CreateBoardAsync();
        var ticket = await _owner.SubmitTicketAsync(board.Id);

        var problem = await (await _owner.CommentAsync(ticket.Id, "Bell \u0007 rings")).ReadProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors!["text"].ShouldBe([Kanban.Api.Infrastructure.PlainText.Message]);
        (await _owner.GetTicketAsync(ticket.Id)).Comments.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_viewer_may_not_comment()
    {
        var board = await _owner.CreateBoardAsync();
        using var viewer = await factory.ClientOnBoardAsync(_owner, board.Id, "comment-viewer2@test.example", "Viewer");
        var card = await _owner.AddCardAsync(board.Id);

        var problem = await (await viewer.CommentAsync(card.Id, "Can I say something?")).ReadProblemAsync(HttpStatusCode.Forbidden);

        problem.Type.ShouldBe("urn:kanban:problem:forbidden");
    }

    [Fact]
    public async Task A_closed_ticket_can_still_be_commented_on()
    {
        var board = await _owner.CreateBoardAsync();
        var ticket = await _owner.SubmitTicketAsync(board.Id);
        (await _owner.PostJsonAsync($"/api/tickets/{ticket.Id}/reject", new { reason = "Out of scope for this board" })).EnsureSuccessStatusCode();

        var comment = await (await _owner.CommentAsync(ticket.Id, "For the record: we may revisit this next year")).ReadAsync<TicketCommentResponse>(HttpStatusCode.Created);

        comment.Kind.ShouldBe(TicketCommentKind.Comment);
    }
}
