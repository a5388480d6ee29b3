using System.Net;
using Kanban.Api.Features.Boards;
using Kanban.Api.Features.Tickets;
using Kanban.Api.Tests.Infrastructure;
using Kanban.Domain.Tickets;

namespace Kanban.Api.Tests.Features.Tickets;

/// <summary>Rule 5 as the submitter types: <c>POST /api/tickets/check</c> says what each gate thinks of a draft and saves nothing.</summary>
public sealed class CheckTicketTests(KanbanApiFactory factory) : IClassFixture<KanbanApiFactory>
{
    private const string Check = "/api/tickets/check";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_good_draft_passes_every_gate_in_order()
    {
        var board = await _client.CreateBoardAsync();

        var check = await CheckAsync(_client, Draft(board.Id));

        check.Gates.Select(g => g.Gate).ShouldBe(["title", "description", "definition-of-done", "estimate", "duplicate"]);
        check.Gates.ShouldAllBe(g => g.Passed && g.Message.Length > 0);
        check.Duplicates.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_bad_draft_fails_exactly_the_gates_it_breaks_each_saying_what_to_fix()
    {
        var board = await _client.CreateBoardAsync();

        var check = await CheckAsync(_client, new
        {
            boardId = board.Id,
            title = "FIX THE REFUND PAGE NOW",
            description = "Refunds are broken.",
            definitionOfDone = new[] { "It works" },
            estimateDays = 20,
        });

        check.Gates.Where(g => !g.Passed).Select(g => g.Gate).ShouldBe(["title", "description", "definition-of-done", "estimate"]);
        Gate(check, "title").Message.ShouldBe("The title is all capitals; write it in normal case.");
        Gate(check, "description").Message.ShouldBe("The description has 3 words; say what needs doing and why in at least 15.");
        Gate(check, "definition-of-done").Message.ShouldContain("Criterion 1 has 2 words");
        Gate(check, "definition-of-done").Message.ShouldContain("\"works\"");
        Gate(check, "estimate").Message.ShouldBe("20 days is more than this board's maximum of 5; split the work into tickets of 5 days or less.");
        Gate(check, "duplicate").Passed.ShouldBeTrue();
    }

    [Fact]
    public async Task A_partial_draft_answers_200_with_failing_gates_not_400()
    {
        var board = await _client.CreateBoardAsync();

        var response = await _client.PostJsonAsync(Check, new { boardId = board.Id, title = "Show the refund status" });

        var check = await response.ReadAsync<TicketCheckResponse>();
        Gate(check, "title").Passed.ShouldBeTrue();
        check.Gates.Where(g => !g.Passed).Select(g => g.Gate).ShouldBe(["description", "definition-of-done", "estimate"]);
        Gate(check, "description").Message.ShouldBe("Describe what needs doing and why, in at least 15 words.");
        Gate(check, "definition-of-done").Message.ShouldStartWith("Add at least one acceptance criterion");
        Gate(check, "estimate").Message.ShouldBe("Estimate the work in days, from 0.5 to 5.");
    }

    [Theory]
    [InlineData("Short", "The title has 5 characters; make it at least 8, so it names the work.")]
    [InlineData("x", "The title has 1 character; make it at least 8, so it names the work.")]
    [InlineData("   ", "Give the ticket a title of 8 to 120 characters that names the work.")]
    public async Task A_short_title_says_how_long_it_is(string title, string message)
    {
        var board = await _client.CreateBoardAsync();

        var check = await CheckAsync(_client, new { boardId = board.Id, title });

        Gate(check, "title").Message.ShouldBe(message);
    }

    [Fact]
    public async Task A_title_over_120_characters_fails_the_gate_however_long_and_only_an_absurd_one_is_malformed()
    {
        var board = await _client.CreateBoardAsync();

        var longTitle = await CheckAsync(_client, new { boardId = board.Id, title = new string('a', 121) });
        var longerThanSubmitAllows = await CheckAsync(_client, new { boardId = board.Id, title = new string('a', 401) });
        var absurd = await _client.PostJsonAsync(Check, new { boardId = board.Id, title = new string('a', 20_001) });

        Gate(longTitle, "title").Message.ShouldBe("The title has 121 characters; shorten it to 120 and move the rest into the description.");
        Gate(longerThanSubmitAllows, "title").Message.ShouldBe("The title has 401 characters; shorten it to 120 and move the rest into the description.");
        (await absurd.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["title"]);
    }

    [Fact]
    public async Task An_estimate_out_of_any_range_or_finer_than_two_decimals_is_a_gate_message_not_an_error()
    {
        var board = await _client.CreateBoardAsync();

        var huge = await CheckAsync(_client, new { boardId = board.Id, estimateDays = 400 });
        var fine = await CheckAsync(_client, new { boardId = board.Id, estimateDays = 2.125 });

        Gate(huge, "estimate").Message.ShouldContain("split the work");
        Gate(fine, "estimate").Passed.ShouldBeFalse();
        Gate(fine, "estimate").Message.ShouldContain("at most two decimals");
    }

    [Fact]
    public async Task Criteria_are_numbered_as_the_form_shows_them_blank_rows_included()
    {
        var board = await _client.CreateBoardAsync();

        var check = await CheckAsync(_client, new
        {
            boardId = board.Id,
            definitionOfDone = new[] { "The order page shows the refund state", "", "It works" },
        });

        var message = Gate(check, "definition-of-done").Message;
        message.ShouldContain("Criterion 3 has 2 words");
        message.ShouldNotContain("Criterion 2");
    }

    [Fact]
    public async Task A_draft_without_a_board_gets_400_naming_boardId()
    {
        var response = await _client.PostJsonAsync(Check, new { title = "Show the refund status on the order page" });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.Type.ShouldBe("urn:kanban:problem:validation-failed");
        problem.Errors!.Keys.ShouldBe(["boardId"]);
    }

    [Fact]
    public async Task A_draft_for_an_unknown_board_gets_404()
    {
        var response = await _client.PostJsonAsync(Check, Draft(Guid.NewGuid()));

        (await response.ReadProblemAsync(HttpStatusCode.NotFound)).Type.ShouldBe("urn:kanban:problem:not-found");
    }

    [Fact]
    public async Task Checking_saves_nothing()
    {
        var board = await _client.CreateBoardAsync();

        await CheckAsync(_client, Draft(board.Id));
        await CheckAsync(_client, new { boardId = board.Id, title = "FIX IT" });

        (await _client.GetTriageAsync(board.Id)).ShouldBeEmpty();
        var after = await _client.GetBoardAsync(board.Id);
        after.Version.ShouldBe(board.Version);
        after.Cards.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_check_uses_the_boards_own_filler_words_and_maximum_estimate()
    {
        var board = await _client.CreateBoardAsync();
        var settings = await (await _client.GetAsync($"/api/boards/{board.Id}/settings")).ReadAsync<BoardSettingsResponse>();
        await (await _client.PutJsonAsync($"/api/boards/{board.Id}/settings", settings with { FillerWords = ["flawless"], MaxEstimateDays = 10 }))
            .ReadAsync<BoardSettingsResponse>();

        var custom = await CheckAsync(_client, Draft(board.Id, "The export is flawless for every customer", estimateDays: 8));
        var noLongerFiller = await CheckAsync(_client, Draft(board.Id, "The export works for every customer", estimateDays: 10));
        var tooBig = await CheckAsync(_client, Draft(board.Id, estimateDays: 12));

        Gate(custom, "definition-of-done").Passed.ShouldBeFalse();
        Gate(custom, "definition-of-done").Message.ShouldContain("\"flawless\"");
        Gate(custom, "estimate").Passed.ShouldBeTrue();
        Gate(noLongerFiller, "definition-of-done").Passed.ShouldBeTrue();
        Gate(noLongerFiller, "estimate").Passed.ShouldBeTrue();
        Gate(tooBig, "estimate").Passed.ShouldBeFalse();
        Gate(tooBig, "estimate").Message.ShouldContain("maximum of 10");
        var otherBoard = await _client.CreateBoardAsync();
        Gate(await CheckAsync(_client, Draft(otherBoard.Id, "The export works for every customer")), "definition-of-done").Passed.ShouldBeFalse();
    }

    [Fact]
    public async Task A_member_may_check_a_viewer_gets_403_an_outsider_404_and_nobody_401()
    {
        var board = await _client.CreateBoardAsync();
        using var member = await factory.ClientOnBoardAsync(_client, board.Id, "check-member@test.example", "Member");
        using var viewer = await factory.ClientOnBoardAsync(_client, board.Id, "check-viewer@test.example", "Viewer");
        using var outsider = await factory.CreateClientForAsync("check-outsider@test.example");
        using var anonymous = factory.CreateAnonymousClient();

        (await CheckAsync(member, Draft(board.Id))).Gates.ShouldAllBe(g => g.Passed);
        (await (await viewer.PostJsonAsync(Check, Draft(board.Id))).ReadProblemAsync(HttpStatusCode.Forbidden)).Type.ShouldBe("urn:kanban:problem:forbidden");
        (await (await outsider.PostJsonAsync(Check, Draft(board.Id))).ReadProblemAsync(HttpStatusCode.NotFound)).Type.ShouldBe("urn:kanban:problem:not-found");
        (await (await anonymous.PostJsonAsync(Check, Draft(board.Id))).ReadProblemAsync(HttpStatusCode.Unauthorized)).Type.ShouldBe("urn:kanban:problem:unauthorized");
    }

    private static object Draft(Guid boardId, string criterion = "The order page shows the refund state and its date", decimal estimateDays = 2) => new
    {
        boardId,
        title = "Show the refund status on the order page",
        description = "Customers ask support whether their refund went through; the order page should show the refund state and date so they can see it themselves.",
        definitionOfDone = new[] { criterion },
        estimateDays,
    };

    private static async Task<TicketCheckResponse> CheckAsync(HttpClient client, object draft) =>
        await (await client.PostJsonAsync(Check, draft)).ReadAsync<TicketCheckResponse>();

    private static GateResult Gate(TicketCheckResponse check, string gate) => check.Gates.Single(g => g.Gate == gate);
}
