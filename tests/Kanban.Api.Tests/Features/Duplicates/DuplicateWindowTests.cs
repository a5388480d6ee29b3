using Kanban.Api.Features.Tickets;
using Kanban.Api.Tests.Infrastructure;
using Kanban.Domain.Cards;
using static Kanban.Api.Tests.Features.Duplicates.DuplicateTickets;

namespace Kanban.Api.Tests.Features.Duplicates;

/// <summary>
/// Closed tickets (rejected, or done in a Done lane) stay candidates for the board's
/// <c>duplicateWindowDays</c> after they closed, and then stop being compared; open ones always are.
/// </summary>
/// <remarks>Each test moves the app's clock forward; together they stay well within the tokens' year.</remarks>
public sealed class DuplicateWindowTests(ClockedApiFactory factory) : IClassFixture<ClockedApiFactory>
{
    private readonly HttpClient _owner = factory.CreateClient();

    [Fact]
    public async Task A_rejected_ticket_is_a_candidate_for_180_days_by_default_and_not_after()
    {
        var board = await _owner.CreateBoardAsync();
        var rejected = await _owner.SubmitAsync(board.Id, Refund);
        await (await _owner.PostJsonAsync($"/api/tickets/{rejected.Id}/reject", new { reason = "Payments own refunds" })).ReadAsync<TicketResponse>();

        factory.Clock.Advance(TimeSpan.FromDays(179));
        var within = await _owner.CheckAsync(board.Id, Refund);
        factory.Clock.Advance(TimeSpan.FromDays(2));
        var after = await _owner.CheckAsync(board.Id, Refund);
        var submittedAfter = await _owner.SubmitAsync(board.Id, Refund);

        var candidate = within.Duplicates.ShouldHaveSingleItem();
        (candidate.TicketId, candidate.State, candidate.Done, candidate.Match).ShouldBe((rejected.Id, TicketState.Rejected, false, "likely"));
        after.Duplicates.ShouldBeEmpty();
        submittedAfter.LikelyDuplicateOf.ShouldBeNull();
    }

    [Fact]
    public async Task A_ticket_waiting_in_triage_keeps_its_candidates_scores_however_long_it_waits()
    {
        var board = await _owner.CreateBoardAsync();
        await _owner.SubmitAsync(board.Id, Distinct[0]);
        var original = await _owner.SubmitAsync(board.Id, Refund);
        factory.Clock.Advance(TimeSpan.FromDays(2));
        var duplicate = await _owner.SubmitAsync(board.Id, RefundReworded);
        var fresh = (await _owner.GetTriageAsync(board.Id)).Single(t => t.Id == duplicate.Id);

        factory.Clock.Advance(TimeSpan.FromDays(60));
        var waited = (await _owner.GetTriageAsync(board.Id)).Single(t => t.Id == duplicate.Id);
        var opened = await _owner.GetTicketAsync(duplicate.Id);

        fresh.Duplicates[0].TicketId.ShouldBe(original.Id);
        waited.Duplicates.Select(d => (d.TicketId, d.Score, d.Match)).ShouldBe(fresh.Duplicates.Select(d => (d.TicketId, d.Score, d.Match)));
        opened.Duplicates.Select(d => (d.TicketId, d.Score)).ShouldBe(fresh.Duplicates.Select(d => (d.TicketId, d.Score)));
    }

    [Fact]
    public async Task A_submission_that_copies_a_recently_rejected_ticket_is_marked_its_likely_duplicate()
    {
        var board = await _owner.CreateBoardAsync();
        var rejected = await _owner.SubmitAsync(board.Id, Refund);
        await (await _owner.PostJsonAsync($"/api/tickets/{rejected.Id}/reject", new { reason = "Payments own refunds" })).ReadAsync<TicketResponse>();
        factory.Clock.Advance(TimeSpan.FromDays(3));

        var copy = await _owner.SubmitAsync(board.Id, Refund);

        copy.LikelyDuplicateOf.ShouldBe(rejected.Id);
    }

    [Fact]
    public async Task A_done_card_is_a_candidate_within_the_boards_window_and_not_after()
    {
        var board = await _owner.CreateBoardAsync();
        await _owner.SetDuplicateWindowAsync(board.Id, 30);
        var done = await _owner.AddCardAsync(board.Id, Refund);
        await _owner.MoveOkAsync(done.Id, board.LaneId("Done"));

        factory.Clock.Advance(TimeSpan.FromDays(29));
        var within = await _owner.CheckAsync(board.Id, RefundReworded);
        factory.Clock.Advance(TimeSpan.FromDays(2));
        var after = await _owner.CheckAsync(board.Id, RefundReworded);

        var candidate = within.Duplicates.ShouldHaveSingleItem();
        (candidate.TicketId, candidate.State, candidate.Done).ShouldBe((done.Id, TicketState.OnBoard, true));
        after.Duplicates.ShouldBeEmpty();
    }

    [Fact]
    public async Task Widening_the_window_brings_a_ticket_closed_before_it_back_and_narrowing_it_drops_it()
    {
        var board = await _owner.CreateBoardAsync();
        var rejected = await _owner.SubmitAsync(board.Id, Refund);
        await (await _owner.PostJsonAsync($"/api/tickets/{rejected.Id}/reject", new { reason = "Payments own refunds" })).ReadAsync<TicketResponse>();
        factory.Clock.Advance(TimeSpan.FromDays(20));

        var byDefault = await _owner.CheckAsync(board.Id, Refund);
        await _owner.SetDuplicateWindowAsync(board.Id, 10);
        var narrowed = await _owner.CheckAsync(board.Id, Refund);
        await _owner.SetDuplicateWindowAsync(board.Id, 21);
        var widened = await _owner.CheckAsync(board.Id, Refund);

        byDefault.Duplicates.Select(d => d.TicketId).ShouldBe([rejected.Id]);
        narrowed.Duplicates.ShouldBeEmpty();
        widened.Duplicates.Select(d => d.TicketId).ShouldBe([rejected.Id]);
    }

    [Fact]
    public async Task An_open_ticket_is_compared_however_old_it_is()
    {
        var board = await _owner.CreateBoardAsync();
        await _owner.SetDuplicateWindowAsync(board.Id, 1);
        var open = await _owner.AddCardAsync(board.Id, Refund);
        var waiting = await _owner.SubmitAsync(board.Id, Distinct[0]);

        factory.Clock.Advance(TimeSpan.FromDays(40));
        var card = await _owner.CheckAsync(board.Id, Refund);
        var triage = await _owner.CheckAsync(board.Id, Distinct[0]);

        (card.Duplicates[0].TicketId, card.Duplicates[0].Score).ShouldBe((open.Id, 1.0));
        triage.Duplicates[0].TicketId.ShouldBe(waiting.Id);
    }

    [Fact]
    public async Task A_card_moved_out_of_done_is_open_again_and_compared_after_the_window()
    {
        var board = await _owner.CreateBoardAsync();
        await _owner.SetDuplicateWindowAsync(board.Id, 5);
        var card = await _owner.AddCardAsync(board.Id, Refund);
        await _owner.MoveOkAsync(card.Id, board.LaneId("Done"));
        factory.Clock.Advance(TimeSpan.FromDays(6));
        (await _owner.CheckAsync(board.Id, Refund)).Duplicates.ShouldBeEmpty();

        await _owner.MoveOkAsync(card.Id, board.LaneId("In progress"));

        var reopened = (await _owner.CheckAsync(board.Id, Refund)).Duplicates.ShouldHaveSingleItem();
        (reopened.TicketId, reopened.Done).ShouldBe((card.Id, false));
    }
}
