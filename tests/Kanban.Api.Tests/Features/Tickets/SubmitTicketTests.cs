using System.Net;
using System.Text;
using Kanban.Api.Features.Tickets;
using Kanban.Api.Tests.Infrastructure;
using TestApi = Kanban.Api.Tests.Infrastructure.Api;
using Kanban.Domain.Cards;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Tests.Features.Tickets;

/// <summary>Rule 6: a submitted ticket lands in the board's triage inbox, never on the board.</summary>
public sealed class SubmitTicketTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_submitted_ticket_gets_the_next_key_and_waits_in_triage_off_the_board()
    {
        var board = await _client.CreateBoardAsync();

        var first = await _client.SubmitTicketAsync(board.Id, "Show the refund status on the order page");
        var second = await _client.SubmitTicketAsync(board.Id, "Email the customer when a refund fails");

        first.Key.ShouldBe($"{board.Key}-1");
        second.Key.ShouldBe($"{board.Key}-2");
        second.State.ShouldBe(TicketState.Triage);
        second.LaneId.ShouldBeNull();
        second.BoardId.ShouldBe(board.Id);
        second.DefinitionOfDone.Count.ShouldBe(2);
        var after = await _client.GetBoardAsync(board.Id);
        after.Cards.ShouldBeEmpty();
        after.Lane("Backlog").Count.ShouldBe(0);
        after.Version.ShouldBe(board.Version + 2);
        (await _client.GetTriageAsync(board.Id)).Select(t => t.Key).ShouldBe([first.Key, second.Key]);
    }

    [Fact]
    public async Task A_submitted_ticket_answers_201_with_its_location_its_submitter_and_its_gates_all_passed()
    {
        var board = await _client.CreateBoardAsync();
        var ownerId = await factory.UserIdOfAsync(KanbanApiFactory.Owner);

        var response = await _client.PostJsonAsync($"/api/boards/{board.Id}/tickets", TestApi.GoodTicket());

        var ticket = await response.ReadAsync<TicketResponse>(HttpStatusCode.Created);
        response.Headers.Location!.OriginalString.ShouldBe($"/api/tickets/{ticket.Id}");
        ticket.SubmittedBy.ShouldBe(ownerId);
        ticket.SubmittedByName.ShouldBe("owner");
        ticket.Gates.Select(g => g.Gate).ShouldBe(["title", "description", "definition-of-done", "estimate", "duplicate"]);
        ticket.Gates.ShouldAllBe(g => g.Passed && g.Message.Length > 0);
        ticket.Duplicates.ShouldBeEmpty();
        ticket.DuplicateOf.ShouldBeNull();
        ticket.LikelyDuplicateOf.ShouldBeNull();
        (await _client.GetAsync(response.Headers.Location)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_ticket_that_fails_gates_is_still_submitted_with_its_failing_gates()
    {
        var board = await _client.CreateBoardAsync();

        var response = await _client.PostJsonAsync($"/api/boards/{board.Id}/tickets", new
        {
            title = "Fix it",
            description = "It is broken.",
            definitionOfDone = new[] { "It works" },
            estimateDays = 1,
        });

        var ticket = await response.ReadAsync<TicketResponse>(HttpStatusCode.Created);
        ticket.State.ShouldBe(TicketState.Triage);
        ticket.Gates.Where(g => !g.Passed).Select(g => g.Gate).ShouldBe(["title", "description", "definition-of-done"]);
        (await _client.GetTriageAsync(board.Id)).ShouldHaveSingleItem().Id.ShouldBe(ticket.Id);
    }

    [Fact]
    public async Task A_submitted_ticket_is_stored_with_its_text_as_given_and_no_transition_until_it_is_accepted()
    {
        var board = await _client.CreateBoardAsync();
        const string title = "<script>alert('x')</script> shown as text";

        var ticket = await _client.SubmitTicketAsync(board.Id, title);

        var (stored, transitions) = await ReadStoredAsync(ticket.Id);
        stored.Title.ShouldBe(title);
        stored.State.ShouldBe(TicketState.Triage);
        stored.LaneId.ShouldBeNull();
        transitions.ShouldBeEmpty();

        (await _client.AcceptAsync(ticket.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (_, transitions) = await ReadStoredAsync(ticket.Id);
        transitions.ShouldHaveSingleItem().FromLaneId.ShouldBeNull();
        transitions.Single().ToLaneId.ShouldBe(board.LaneId("Backlog"));
    }

    [Fact]
    public async Task A_ticket_without_title_definition_of_done_or_estimate_gets_400_naming_each_field()
    {
        var board = await _client.CreateBoardAsync();

        var response = await _client.PostJsonAsync($"/api/boards/{board.Id}/tickets", new { description = "Something" });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.Type.ShouldBe("urn:kanban:problem:validation-failed");
        problem.Errors!.Keys.ShouldBe(["title", "definitionOfDone", "estimateDays"], ignoreOrder: true);
        await ShouldHoldNoTicketAsync(board.Id);
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { "no title", """{ "description": "Text", "definitionOfDone": ["One criterion of four words"], "estimateDays": 1 }""" },
        { "an estimate of 400 days", """{ "title": "A perfectly fine title", "description": "Text", "definitionOfDone": ["One criterion of four words"], "estimateDays": 400 }""" },
        { "51 criteria", $$"""{ "title": "A perfectly fine title", "description": "Text", "definitionOfDone": [{{string.Join(", ", Enumerable.Range(1, 51).Select(i => $"\"Criterion number {i} is checked\""))}}], "estimateDays": 1 }""" },
        { "an estimate that is not a number", """{ "title": "A perfectly fine title", "description": "Text", "definitionOfDone": ["One criterion of four words"], "estimateDays": "two" }""" },
        { "criteria that are not a list", """{ "title": "A perfectly fine title", "description": "Text", "definitionOfDone": "One criterion of four words", "estimateDays": 1 }""" },
        { "a class that does not exist", """{ "title": "A perfectly fine title", "description": "Text", "definitionOfDone": ["One criterion of four words"], "estimateDays": 1, "class": "Urgent" }""" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Malformed_input_gets_400_naming_the_field_and_stores_nothing(string what, string json)
    {
        var board = await _client.CreateBoardAsync();
        var field = what switch
        {
            "no title" => "title",
            "51 criteria" or "criteria that are not a list" => "definitionOfDone",
            "a class that does not exist" => "class",
            _ => "estimateDays",
        };

        var response = await _client.PostAsync($"/api/boards/{board.Id}/tickets", new StringContent(json, Encoding.UTF8, "application/json"));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.Type.ShouldBe("urn:kanban:problem:validation-failed");
        problem.Errors!.Keys.ShouldHaveSingleItem(what).ShouldBe(field);
        problem.Errors[field].ShouldNotBeEmpty();
        await ShouldHoldNoTicketAsync(board.Id);
    }

    [Fact]
    public async Task A_ticket_for_an_unknown_board_gets_404()
    {
        var response = await _client.PostJsonAsync($"/api/boards/{Guid.NewGuid()}/tickets", TestApi.GoodTicket());

        (await response.ReadProblemAsync(HttpStatusCode.NotFound)).Type.ShouldBe("urn:kanban:problem:not-found");
    }

    [Fact]
    public async Task A_member_may_submit_and_a_viewer_outsider_or_anonymous_caller_may_not()
    {
        var board = await _client.CreateBoardAsync();
        using var member = await factory.ClientOnBoardAsync(_client, board.Id, "submit-member@test.example", "Member");
        using var viewer = await factory.ClientOnBoardAsync(_client, board.Id, "submit-viewer@test.example", "Viewer");
        using var outsider = await factory.CreateClientForAsync("submit-outsider@test.example");
        using var anonymous = factory.CreateAnonymousClient();
        var url = $"/api/boards/{board.Id}/tickets";

        var submitted = await (await member.PostJsonAsync(url, TestApi.GoodTicket())).ReadAsync<TicketResponse>(HttpStatusCode.Created);
        (await (await viewer.PostJsonAsync(url, TestApi.GoodTicket())).ReadProblemAsync(HttpStatusCode.Forbidden)).Type.ShouldBe("urn:kanban:problem:forbidden");
        (await (await outsider.PostJsonAsync(url, TestApi.GoodTicket())).ReadProblemAsync(HttpStatusCode.NotFound)).Type.ShouldBe("urn:kanban:problem:not-found");
        (await anonymous.PostJsonAsync(url, TestApi.GoodTicket())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        submitted.SubmittedByName.ShouldBe("submit-member");
        (await _client.GetTriageAsync(board.Id)).ShouldHaveSingleItem().Id.ShouldBe(submitted.Id);
    }

    [Fact]
    public async Task Simultaneous_submissions_all_land_and_each_gets_its_own_key()
    {
        var board = await _client.CreateBoardAsync();
        var clients = Enumerable.Range(0, 10).Select(_ => factory.CreateClient()).ToList();

        var responses = await Task.WhenAll(clients.Select((c, i) =>
            c.PostJsonAsync($"/api/boards/{board.Id}/tickets", TestApi.GoodTicket($"Simultaneous ticket number {i}"))));

        var created = new List<TicketResponse>();
        foreach (var response in responses)
        {
            created.Add(await response.ReadAsync<TicketResponse>(HttpStatusCode.Created));
        }

        created.Select(t => t.Key).ShouldBeUnique();
        var inbox = await _client.GetTriageAsync(board.Id);
        inbox.Select(t => t.Id).ShouldBe(created.Select(t => t.Id), ignoreOrder: true);
        inbox.Select(t => t.Key).ShouldBe(Enumerable.Range(1, clients.Count).Select(n => $"{board.Key}-{n}"), ignoreOrder: true);
        clients.ForEach(c => c.Dispose());
    }

    private async Task ShouldHoldNoTicketAsync(Guid boardId)
    {
        (await _client.GetTriageAsync(boardId)).ShouldBeEmpty();
        (await _client.GetBoardAsync(boardId)).Cards.ShouldBeEmpty();
        (await factory.WithDbAsync(db => db.Cards.CountAsync(c => c.BoardId == boardId))).ShouldBe(0);
    }

    private Task<(Card Card, List<CardTransition> Transitions)> ReadStoredAsync(Guid ticketId) =>
        factory.WithDbAsync(async db => (
            await db.Cards.AsNoTracking().SingleAsync(c => c.Id == ticketId),
            await db.CardTransitions.AsNoTracking().Where(t => t.CardId == ticketId).ToListAsync()));
}
