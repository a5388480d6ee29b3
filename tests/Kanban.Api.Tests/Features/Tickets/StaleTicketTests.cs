using System.Net;
using Kanban.Api.Features.Tickets;
using Kanban.Api.Tests.Infrastructure;
using Kanban.Domain.Cards;

namespace Kanban.Api.Tests.Features.Tickets;

/// <summary>An edit or an accept that says which version of the ticket it was made on is refused when the ticket changed since.</summary>
public sealed class StaleTicketTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private readonly HttpClient _owner = factory.CreateClient();

    [Fact]
    public async Task An_edit_made_on_an_older_reading_of_a_card_is_refused_and_the_newer_text_is_kept()
    {
        var board = await _owner.CreateBoardAsync();
        var card = await _owner.AddCardAsync(board.Id, "Two people edit this card at once");
        using var member = await factory.ClientOnBoardAsync(_owner, board.Id, "stale-editor@test.example", "Member");
        var read = await member.GetTicketAsync(card.Id);
        await (await _owner.PutJsonAsync($"/api/tickets/{card.Id}", Edit("The owner's clearer title for this card", null))).ReadAsync<TicketResponse>();

        var response = await member.PutJsonAsync($"/api/tickets/{card.Id}", Edit("The member's title written on the old text", read.UpdatedAt));

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
        problem.Type.ShouldBe("urn:kanban:problem:concurrency-conflict");
        problem.Detail.ShouldContain(card.Key);
        (await member.GetTicketAsync(card.Id)).Title.ShouldBe("The owner's clearer title for this card");
    }

    [Fact]
    public async Task An_edit_made_on_the_current_reading_is_saved()
    {
        var board = await _owner.CreateBoardAsync();
        var card = await _owner.AddCardAsync(board.Id, "A card edited after a fresh read");
        var read = await _owner.GetTicketAsync(card.Id);

        var saved = await (await _owner.PutJsonAsync($"/api/tickets/{card.Id}", Edit("A card edited with its current time", read.UpdatedAt))).ReadAsync<TicketResponse>();

        saved.Title.ShouldBe("A card edited with its current time");
        var again = await (await _owner.PutJsonAsync($"/api/tickets/{card.Id}", Edit("Edited once more on the answer's own time", saved.UpdatedAt))).ReadAsync<TicketResponse>();
        again.Title.ShouldBe("Edited once more on the answer's own time");
    }

    [Fact]
    public async Task An_accept_of_a_ticket_edited_since_the_owner_read_it_is_refused_and_it_stays_in_triage()
    {
        var board = await _owner.CreateBoardAsync();
        using var submitter = await factory.ClientOnBoardAsync(_owner, board.Id, "stale-submitter@test.example", "Member");
        var ticket = await submitter.SubmitTicketAsync(board.Id, "A ticket its submitter keeps changing");
        var read = (await _owner.GetTriageAsync(board.Id)).Single();
        await (await submitter.PutJsonAsync($"/api/tickets/{ticket.Id}", Edit("A ticket its submitter changed after all", null))).ReadAsync<TicketResponse>();

        var stale = await _owner.PostJsonAsync($"/api/tickets/{ticket.Id}/accept", new { expectedUpdatedAt = read.UpdatedAt });

        (await stale.ReadProblemAsync(HttpStatusCode.Conflict)).Type.ShouldBe("urn:kanban:problem:concurrency-conflict");
        var current = await _owner.GetTicketAsync(ticket.Id);
        current.State.ShouldBe(TicketState.Triage);

        var accepted = await (await _owner.PostJsonAsync($"/api/tickets/{ticket.Id}/accept", new { expectedUpdatedAt = current.UpdatedAt })).ReadAsync<TicketResponse>();
        accepted.State.ShouldBe(TicketState.OnBoard);
    }

    private static object Edit(string title, DateTimeOffset? expectedUpdatedAt) => new
    {
        title,
        description = "Customers ask support whether their refund went through; the order page should show the refund state and date so they can see it themselves.",
        definitionOfDone = new[] { "The order page shows the refund state and its date" },
        estimateDays = 2,
        expectedUpdatedAt,
    };
}
