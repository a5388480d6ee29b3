using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Kanban.Domain.Duplicates;
using static Kanban.Domain.Tests.TestBoards;

namespace Kanban.Domain.Tests.Duplicates;

/// <summary>
/// Rule 7's decisions: which candidate makes a ticket a likely duplicate, how a score reads in words,
/// which tickets are compared and since when, and how the board marks a submission or an edit.
/// </summary>
public sealed class DuplicateRulesTests
{
    private static readonly Guid A = Guid.Parse("0191d3a0-0000-7000-8000-0000000000a1");
    private static readonly Guid B = Guid.Parse("0191d3a0-0000-7000-8000-0000000000b2");
    private static readonly Guid C = Guid.Parse("0191d3a0-0000-7000-8000-0000000000c3");

    // LikelyOriginal

    [Fact]
    public void The_likely_original_is_the_best_candidate_at_or_above_the_threshold()
    {
        var matches = new[] { Match(A, 0.93), Match(B, 0.85) };

        DuplicateRules.LikelyOriginal(matches, 0.8, [])!.Ticket.Id.ShouldBe(A);
        DuplicateRules.LikelyOriginal([Match(A, 0.8)], 0.8, [])!.Ticket.Id.ShouldBe(A, "the threshold itself counts");
    }

    [Fact]
    public void Candidates_the_ticket_was_marked_distinct_from_are_passed_over()
    {
        var matches = new[] { Match(A, 0.97), Match(B, 0.9), Match(C, 0.85) };

        DuplicateRules.LikelyOriginal(matches, 0.8, [A])!.Ticket.Id.ShouldBe(B);
        DuplicateRules.LikelyOriginal(matches, 0.8, [A, B])!.Ticket.Id.ShouldBe(C);
        DuplicateRules.LikelyOriginal(matches, 0.8, [A, B, C]).ShouldBeNull();
    }

    [Fact]
    public void There_is_no_likely_original_under_the_threshold()
    {
        DuplicateRules.LikelyOriginal([Match(A, 0.799), Match(B, 0.5)], 0.8, []).ShouldBeNull();
        DuplicateRules.LikelyOriginal([], 0.8, []).ShouldBeNull();
        DuplicateRules.LikelyOriginal([Match(A, 0.9), Match(B, 0.7)], 0.8, [A]).ShouldBeNull("the next best is under the threshold");
    }

    // LikenessOf

    [Theory]
    [InlineData(1.0, 0.8, DuplicateLikeness.Likely)]
    [InlineData(0.8, 0.8, DuplicateLikeness.Likely)]
    [InlineData(0.799, 0.8, DuplicateLikeness.Similar)]
    [InlineData(0.6, 0.8, DuplicateLikeness.Similar)]
    [InlineData(0.599, 0.8, DuplicateLikeness.Related)]
    [InlineData(0.1, 0.8, DuplicateLikeness.Related)]
    [InlineData(0.5, 0.5, DuplicateLikeness.Likely)]
    [InlineData(0.375, 0.5, DuplicateLikeness.Similar)]
    [InlineData(0.374, 0.5, DuplicateLikeness.Related)]
    public void A_score_reads_as_likely_at_the_threshold_similar_from_three_quarters_of_it_and_related_below(double score, double threshold, DuplicateLikeness likeness)
    {
        DuplicateRules.LikenessOf(score, threshold).ShouldBe(likeness);
    }

    // DuplicateScore

    [Fact]
    public void The_same_text_scores_1_at_any_age_with_or_without_embeddings()
    {
        DuplicateScore.Of(1, null, 0).ShouldBe(1);
        DuplicateScore.Of(1, null, 5_000).ShouldBe(1);
        DuplicateScore.Of(1, 1, 1_000).ShouldBe(1, 1e-12);
    }

    [Fact]
    public void A_recent_candidate_scores_higher_than_an_old_one_and_the_boost_fades_with_age()
    {
        var today = DuplicateScore.Of(0.6, null, 0);
        var halfYear = DuplicateScore.Of(0.6, null, 180);
        var years = DuplicateScore.Of(0.6, null, 3_650);

        today.ShouldBe(Math.Pow(0.6, 1 / 1.5), 1e-12);
        halfYear.ShouldBeLessThan(today);
        years.ShouldBeLessThan(halfYear);
        years.ShouldBe(0.6, 0.001);
    }

    [Fact]
    public void The_embedding_counts_for_0_3_beside_the_words_and_a_negative_cosine_counts_as_0()
    {
        DuplicateScore.Of(0.5, 0.9, 100_000).ShouldBe((0.5 + 0.3 * 0.9) / 1.3, 1e-9);
        DuplicateScore.Of(0.5, -0.9, 100_000).ShouldBe(0.5 / 1.3, 1e-9);
    }

    // Which tickets are compared

    [Fact]
    public void Every_ticket_but_a_merged_one_is_a_candidate()
    {
        var board = NewBoard();
        var triage = board.SubmitTicket(Ticket(), Now, Alice);
        var onBoard = board.Submit();
        var rejected = board.SubmitTicket(Ticket(), Now, Alice);
        board.RejectTicket(rejected, "Not ours", Now, Alice);
        var merged = board.SubmitTicket(Ticket(), Now, Alice);
        board.MergeTicket(merged, onBoard, Now, Alice);

        DuplicateRules.IsCandidate(triage).ShouldBeTrue();
        DuplicateRules.IsCandidate(onBoard).ShouldBeTrue();
        DuplicateRules.IsCandidate(rejected).ShouldBeTrue();
        DuplicateRules.IsCandidate(merged).ShouldBeFalse();
    }

    [Fact]
    public void A_ticket_is_closed_when_it_was_rejected_or_reached_a_done_lane_and_open_otherwise()
    {
        var board = NewBoard();
        var rejected = board.SubmitTicket(Ticket(), Now, Alice);
        board.RejectTicket(rejected, "Not ours", Now.AddDays(2), Alice);
        var done = board.Submit();
        board.MoveCard(done, board.LaneNamed("Done"), [], index: null, EmptyLanes, assigneeActiveCards: 0, Now.AddDays(3), Alice);
        var open = board.Submit();

        DuplicateRules.ClosedAt(rejected).ShouldBe(Now.AddDays(2));
        DuplicateRules.ClosedAt(done).ShouldBe(Now.AddDays(3));
        DuplicateRules.ClosedAt(open).ShouldBeNull();
        DuplicateRules.ClosedAt(board.SubmitTicket(Ticket(), Now, Alice)).ShouldBeNull();
        DuplicateRules.ToIndexed(done, null).Done.ShouldBeTrue();
    }

    [Fact]
    public void Closed_tickets_are_compared_for_the_boards_window_of_days()
    {
        DuplicateRules.ClosedSince(Now, 180).ShouldBe(Now.AddDays(-180));
        DuplicateRules.ClosedSince(Now, 1).ShouldBe(Now.AddDays(-1));
        new BoardSettings().DuplicateWindowDays.ShouldBe(180);
    }

    [Fact]
    public void An_excerpt_is_the_description_trimmed_and_cut_to_280_characters()
    {
        DuplicateRules.Excerpt("  Short text.  ").ShouldBe("Short text.");
        DuplicateRules.Excerpt(new string('a', 280)).ShouldBe(new string('a', 280));
        var cut = DuplicateRules.Excerpt(new string('a', 281));
        cut.Length.ShouldBe(280);
        cut.ShouldEndWith("…");
    }

    // The board marks submissions and edits

    [Fact]
    public void A_submission_whose_best_candidate_reaches_the_threshold_is_marked_its_likely_duplicate()
    {
        var board = NewBoard();
        var original = board.Submit();

        var copy = board.SubmitTicket(Ticket(), Now, Bob, [Match(original, 0.95), Match(A, 0.9)]);
        var other = board.SubmitTicket(Ticket(), Now, Bob, [Match(original, BoardSettings.DefaultDuplicateThreshold - 0.01)]);

        copy.LikelyDuplicateOfId.ShouldBe(original.Id);
        other.LikelyDuplicateOfId.ShouldBeNull();
        board.Events.OfType<Kanban.Domain.Tickets.TicketSubmitted>().Select(e => e.LikelyDuplicateOfId).ShouldBe([null, original.Id, null]);
    }

    [Fact]
    public void A_submission_is_marked_by_the_boards_own_threshold()
    {
        var board = NewBoard();
        var settings = board.Settings.Copy();
        settings.DuplicateThreshold = 0.9;
        board.ChangeSettings(settings, EmptyLanes, Now, Alice);
        var original = board.Submit();

        board.SubmitTicket(Ticket(), Now, Bob, [Match(original, 0.85)]).LikelyDuplicateOfId.ShouldBeNull();
        board.SubmitTicket(Ticket(), Now, Bob, [Match(original, 0.9)]).LikelyDuplicateOfId.ShouldBe(original.Id);
    }

    [Fact]
    public void An_edit_in_triage_marks_or_moves_the_mark_but_never_for_an_original_it_was_marked_distinct_from_and_never_clears_it()
    {
        var board = NewBoard();
        var original = board.Submit();
        var second = board.Submit();
        var ticket = board.SubmitTicket(Ticket(), Now, Bob, [Match(original, 0.95)]);
        board.MarkTicketDistinct(ticket, Now, Alice);
        ticket.LikelyDuplicateOfId.ShouldBeNull();

        board.EditTicket(ticket, Ticket("Export the weekly flow report as a CSV file"), Now, Bob, BoardRole.Member, null, [Match(original, 0.97)], [original.Id]);
        ticket.LikelyDuplicateOfId.ShouldBeNull();

        board.EditTicket(ticket, Ticket("Export the weekly flow report as a CSV download"), Now, Bob, BoardRole.Member, null, [Match(original, 0.97), Match(second, 0.9)], [original.Id]);
        ticket.LikelyDuplicateOfId.ShouldBe(second.Id);

        board.EditTicket(ticket, Ticket("Print the weekly flow report"), Now, Bob, BoardRole.Member, null, [Match(second, 0.5)], [original.Id]);
        ticket.LikelyDuplicateOfId.ShouldBe(second.Id, "only the product owner clears the mark, by merging or marking distinct");

        board.EditTicket(ticket, Ticket("Print the weekly flow report for the board"), Now, Bob, BoardRole.Member, null, [Match(original, 0.99), Match(second, 0.5)], [original.Id]);
        ticket.LikelyDuplicateOfId.ShouldBe(second.Id, "an original it was marked distinct from never takes the mark");
    }

    [Fact]
    public void Merging_a_tickets_original_into_it_clears_the_tickets_mark()
    {
        var board = NewBoard();
        var first = board.SubmitTicket(Ticket(), Now, Bob, []);
        var second = board.SubmitTicket(Ticket(), Now, Bob, [Match(first, 0.95)]);
        second.LikelyDuplicateOfId.ShouldBe(first.Id);

        board.MergeTicket(first, second, Now, Alice);

        second.LikelyDuplicateOfId.ShouldBeNull("it has taken in the ticket it was flagged against");
    }

    [Fact]
    public void An_edit_of_a_card_on_the_board_leaves_the_mark_alone()
    {
        var board = NewBoard();
        var original = board.Submit();
        var card = board.Submit(original);

        board.EditTicket(card, Ticket("Export the weekly flow report as a CSV file"), Now, Bob, BoardRole.Member, null, [Match(original, 0.99)], []);

        card.LikelyDuplicateOfId.ShouldBeNull();
    }

    private static DuplicateMatch Match(Guid id, double score) =>
        new(new IndexedTicket(id, "K-" + id.ToString()[^2..], "Title", "Description", TicketState.Triage, Now, null), score);

    private static DuplicateMatch Match(Card card, double score) => new(DuplicateRules.ToIndexed(card, null), score);
}
