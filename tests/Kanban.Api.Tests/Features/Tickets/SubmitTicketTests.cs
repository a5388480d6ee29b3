using System.Net;
using Kanban.Api.Tests.Infrastructure;
using Kanban.Domain.Cards;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Tests.Features.Tickets;

public sealed class SubmitTicketTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_submitted_ticket_gets_the_next_key_and_lands_at_the_end_of_the_backlog()
    {
        var board = await _client.CreateBoardAsync();

        var first = await _client.SubmitTicketAsync(board.Id, "Show the refund status on the order page");
        var second = await _client.SubmitTicketAsync(board.Id, "Email the customer when a refund fails");

        first.Key.ShouldBe($"{board.Key}-1");
        second.Key.ShouldBe($"{board.Key}-2");
        second.State.ShouldBe(TicketState.OnBoard);
        second.LaneId.ShouldBe(board.LaneId("Backlog"));
        second.Rank.ShouldBeGreaterThan(first.Rank);
        second.DefinitionOfDone.Count.ShouldBe(2);
        var after = await _client.GetBoardAsync(board.Id);
        after.Cards.Select(c => c.Key).ShouldBe([first.Key, second.Key]);
        after.Lanes.Single(l => l.Name == "Backlog").Count.ShouldBe(2);
        after.Version.ShouldBe(board.Version + 2);
    }

    [Fact]
    public async Task A_submitted_ticket_is_stored_with_its_text_as_given_and_an_arrival_in_its_history()
    {
        var board = await _client.CreateBoardAsync();
        const string title = "<script>alert('x')</script> shown as text";

        var ticket = await _client.SubmitTicketAsync(board.Id, title);

        var (stored, transitions) = await factory.WithDbAsync(async db => (
            await db.Cards.SingleAsync(c => c.Id == ticket.Id),
            await db.CardTransitions.Where(t => t.CardId == ticket.Id).ToListAsync()));
        stored.Title.ShouldBe(title);
        transitions.ShouldHaveSingleItem().FromLaneId.ShouldBeNull();
        transitions.Single().ToLaneId.ShouldBe(board.LaneId("Backlog"));
    }

    [Fact]
    public async Task A_ticket_without_title_definition_of_done_or_estimate_gets_400_naming_each_field()
    {
        var board = await _client.CreateBoardAsync();

        var response = await _client.PostJsonAsync($"/api/boards/{board.Id}/tickets", new { description = "Something" });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.Errors!.Keys.ShouldBe(["title", "definitionOfDone", "estimateDays"], ignoreOrder: true);
        (await _client.GetBoardAsync(board.Id)).Cards.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_ticket_for_an_unknown_board_gets_404()
    {
        var response = await _client.PostJsonAsync($"/api/boards/{Guid.NewGuid()}/tickets", new
        {
            title = "A perfectly fine title",
            description = "Text",
            definitionOfDone = new[] { "One criterion of four words" },
            estimateDays = 1,
        });

        (await response.ReadProblemAsync(HttpStatusCode.NotFound)).Type.ShouldEndWith("not-found");
    }
}
