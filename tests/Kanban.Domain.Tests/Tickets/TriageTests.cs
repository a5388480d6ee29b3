using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Kanban.Domain.Problems;
using Kanban.Domain.Tickets;
using static Kanban.Domain.Tests.TestBoards;

namespace Kanban.Domain.Tests.Tickets;

/// <summary>
/// Rule 6: a ticket is submitted into triage, and only the product owner's accept puts it on the
/// board; the other ways out of triage are sending it back, rejecting it and merging it.
/// </summary>
/// <remarks>
/// Duplicate detection is its own feature still to come; these tests mark a likely duplicate the way
/// it will, through the card's internal <c>MarkLikelyDuplicateOf</c>.
/// </remarks>
public sealed class TriageTests
{
    private static readonly TicketContent Vague = Ticket() with { DefinitionOfDone = ["It works"], EstimateDays = 20m };

    private readonly BoardHarness _board = new();

    // Submitting

    [Fact]
    public void A_submitted_ticket_waits_in_triage_with_no_lane_and_takes_the_next_number()
    {
        _board.Submit();

        var ticket = _board.SubmitToTriage(by: Bob);

        ticket.State.ShouldBe(TicketState.Triage);
        ticket.IsAwaitingTriage.ShouldBeTrue();
        ticket.LaneId.ShouldBeNull();
        (ticket.Number, ticket.Key).ShouldBe((2, "DEMO-2"));
        _board.Board.LastCardNumber.ShouldBe(2);
        _board.CountIn("Backlog").ShouldBe(1);
        _board.Triage.ShouldBe([ticket]);
    }

    [Fact]
    public void A_submission_raises_ticket_submitted_and_keeps_the_submitter()
    {
        _board.Wait(TimeSpan.FromMinutes(20));

        var events = _board.EventsDuring(() => _board.SubmitToTriage(by: Bob));

        var ticket = _board.Triage.Single();
        ticket.SubmittedBy.ShouldBe(Bob);
        var submitted = events.ShouldHaveSingleItem().ShouldBeOfType<TicketSubmitted>();
        (submitted.CardId, submitted.CardKey).ShouldBe((ticket.Id, "DEMO-1"));
        (submitted.At, submitted.By).ShouldBe((Now.AddMinutes(20), (Guid?)Bob));
        submitted.Summary.ShouldBe("DEMO-1 submitted for triage", "the trail is open to viewers; the ticket's text is not");
    }

    [Fact]
    public void A_ticket_that_fails_the_gates_is_still_submitted_the_gates_bind_at_accept()
    {
        var ticket = _board.SubmitToTriage(Vague, by: Bob);

        ticket.State.ShouldBe(TicketState.Triage);
        ticket.DefinitionOfDone.ShouldBe(["It works"]);
    }

    // Accepting

    [Fact]
    public void An_accepted_ticket_goes_to_the_end_of_the_backlog_by_default()
    {
        var first = _board.Submit();
        var second = _board.Submit();
        var ticket = _board.SubmitToTriage(by: Bob);

        _board.Accept(ticket, by: Alice);

        ticket.State.ShouldBe(TicketState.OnBoard);
        ticket.LaneId.ShouldBe(_board.Board.BacklogLane.Id);
        _board.CardsIn(_board.Board.BacklogLane).ShouldBe([first, second, ticket]);
        _board.Triage.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void An_accepted_ticket_takes_the_rank_the_product_owner_chose(int index)
    {
        List<Card> backlog = [_board.Submit(), _board.Submit()];
        var ticket = _board.SubmitToTriage();

        _board.Accept(ticket, index);

        backlog.Insert(index, ticket);
        _board.CardsIn(_board.Board.BacklogLane).ShouldBe(backlog);
    }

    [Fact]
    public void An_accept_raises_ticket_accepted_and_returns_the_card_s_arrival_on_the_board()
    {
        var ticket = _board.SubmitToTriage(by: Bob);
        _board.Wait(TimeSpan.FromHours(2));
        var backlog = _board.Board.BacklogLane;
        CardTransition arrival = null!;

        var events = _board.EventsDuring(() => arrival = _board.Accept(ticket, by: Alice));

        var accepted = events.ShouldHaveSingleItem().ShouldBeOfType<TicketAccepted>();
        (accepted.CardId, accepted.CardKey, accepted.LaneId, accepted.LaneName).ShouldBe((ticket.Id, "DEMO-1", backlog.Id, "Backlog"));
        (accepted.At, accepted.By).ShouldBe((Now.AddHours(2), (Guid?)Alice));
        (arrival.BoardId, arrival.CardId, arrival.FromLaneId, arrival.ToLaneId).ShouldBe((_board.Board.Id, ticket.Id, (Guid?)null, backlog.Id));
        (arrival.At, arrival.ByUserId).ShouldBe((Now.AddHours(2), (Guid?)Alice));
        ticket.SubmittedBy.ShouldBe(Bob);
    }

    [Fact]
    public void An_accept_is_refused_while_the_ticket_fails_gates_and_the_refusal_lists_the_failing_ones()
    {
        var ticket = _board.SubmitToTriage(Vague);

        var refusal = _board.Refused(() => _board.Accept(ticket));

        refusal.ProblemType.ShouldBe(ProblemType.QualityGateFailed);
        refusal.Figures["ticketId"].ShouldBe(ticket.Id);
        var gates = refusal.Figures["gates"].ShouldBeAssignableTo<IReadOnlyList<GateResult>>()!;
        gates.Select(g => g.Gate).ShouldBe([QualityGates.DefinitionOfDone, QualityGates.Estimate]);
        gates.ShouldAllBe(g => !g.Passed);
        refusal.Message.ShouldStartWith("DEMO-1 fails 2 gates: ");
        refusal.Message.ShouldContain("\"works\"");
        refusal.Message.ShouldContain("split");
        refusal.Message.ShouldEndWith("Send it back with a comment so the submitter can fix it.");
        ticket.State.ShouldBe(TicketState.Triage);
    }

    [Fact]
    public void An_accept_reads_the_board_s_own_settings()
    {
        _board.ChangeSettings(s => s.MaxEstimateDays = 1);
        var ticket = _board.SubmitToTriage();

        var refusal = _board.Refused(() => _board.Accept(ticket));

        var gates = refusal.Figures["gates"].ShouldBeAssignableTo<IReadOnlyList<GateResult>>()!;
        gates.ShouldHaveSingleItem().Message.ShouldContain("maximum of 1");
    }

    [Fact]
    public void An_accept_into_a_full_backlog_is_refused()
    {
        _board.SetLimit("Backlog", 1);
        _board.Submit();
        var ticket = _board.SubmitToTriage();

        var refusal = _board.Refused(() => _board.Accept(ticket));

        refusal.ProblemType.ShouldBe(ProblemType.WipLimitReached);
        refusal.Figures["laneName"].ShouldBe("Backlog");
        ticket.State.ShouldBe(TicketState.Triage);
    }

    [Theory]
    [InlineData(TicketState.SentBack)]
    [InlineData(TicketState.OnBoard)]
    [InlineData(TicketState.Rejected)]
    [InlineData(TicketState.Merged)]
    public void Only_a_ticket_in_triage_can_be_accepted(TicketState state)
    {
        var ticket = TicketIn(state);

        var refusal = _board.Refused(() => _board.Accept(ticket));

        refusal.ProblemType.ShouldBe(ProblemType.TicketNotInTriage);
        refusal.Figures["state"].ShouldBe(state.ToString());
        ticket.State.ShouldBe(state);
    }

    // Sending back and editing

    [Fact]
    public void A_ticket_sent_back_keeps_the_product_owner_s_comment_for_the_submitter()
    {
        var ticket = _board.SubmitToTriage(by: Bob);
        TicketComment comment = null!;

        var events = _board.EventsDuring(() => comment = _board.SendBack(ticket, "Which report? Name the columns you need.", by: Alice));

        ticket.State.ShouldBe(TicketState.SentBack);
        ticket.IsAwaitingTriage.ShouldBeTrue();
        ticket.LaneId.ShouldBeNull();
        (comment.Kind, comment.Text, comment.CardId, comment.BoardId).ShouldBe(
            (TicketCommentKind.SentBack, "Which report? Name the columns you need.", ticket.Id, _board.Board.Id));
        (comment.At, comment.ByUserId).ShouldBe((Now, (Guid?)Alice));
        var sentBack = events.ShouldHaveSingleItem().ShouldBeOfType<TicketSentBack>();
        (sentBack.CardId, sentBack.By).ShouldBe((ticket.Id, (Guid?)Alice));
        sentBack.Summary.ShouldNotContain("Which report");
    }

    [Theory]
    [InlineData(TicketState.SentBack)]
    [InlineData(TicketState.OnBoard)]
    [InlineData(TicketState.Rejected)]
    public void Only_a_ticket_in_triage_can_be_sent_back(TicketState state)
    {
        var ticket = TicketIn(state);

        _board.Refused(() => _board.SendBack(ticket)).ProblemType.ShouldBe(ProblemType.TicketNotInTriage);
    }

    [Fact]
    public void Editing_a_ticket_sent_back_resubmits_it_to_triage()
    {
        var ticket = _board.SubmitToTriage(Vague, by: Bob);
        _board.SendBack(ticket, "Say what a tester will see, and split it.");
        var fixedContent = Ticket() with { EstimateDays = 3m };

        var events = _board.EventsDuring(() => _board.Edit(ticket, fixedContent, by: Bob));

        ticket.State.ShouldBe(TicketState.Triage);
        ticket.Content.DefinitionOfDone.ShouldBe(fixedContent.DefinitionOfDone);
        ticket.EstimateDays.ShouldBe(3m);
        var edited = events.ShouldHaveSingleItem().ShouldBeOfType<TicketEdited>();
        (edited.CardId, edited.Resubmitted, edited.By).ShouldBe((ticket.Id, true, (Guid?)Bob));
        edited.Summary.ShouldBe("DEMO-1 edited and resubmitted for triage");

        _board.Accept(ticket);
        ticket.State.ShouldBe(TicketState.OnBoard);
    }

    [Fact]
    public void Editing_a_ticket_in_triage_keeps_it_there_even_while_it_fails_the_gates()
    {
        var ticket = _board.SubmitToTriage(by: Bob);

        var events = _board.EventsDuring(() => _board.Edit(ticket, Vague, by: Bob));

        ticket.State.ShouldBe(TicketState.Triage);
        ticket.EstimateDays.ShouldBe(20m);
        events.ShouldHaveSingleItem().ShouldBeOfType<TicketEdited>().Resubmitted.ShouldBeFalse();
    }

    [Fact]
    public void An_edit_that_would_take_a_card_on_the_board_below_the_gates_is_refused_and_changes_nothing()
    {
        var card = _board.Submit();
        var before = card.Content;

        var refusal = _board.Refused(() => _board.Edit(card, Vague));

        refusal.ProblemType.ShouldBe(ProblemType.QualityGateFailed);
        refusal.Figures["gates"].ShouldBeAssignableTo<IReadOnlyList<GateResult>>()!.Select(g => g.Gate)
            .ShouldBe([QualityGates.DefinitionOfDone, QualityGates.Estimate]);
        refusal.Message.ShouldEndWith("Fix them before saving: a card on the board keeps passing the gates.");
        (card.Title, card.Description, card.EstimateDays, card.Class).ShouldBe((before.Title, before.Description, before.EstimateDays, before.Class));
        card.DefinitionOfDone.ShouldBe(before.DefinitionOfDone);
        card.State.ShouldBe(TicketState.OnBoard);
    }

    [Fact]
    public void A_card_on_the_board_can_be_edited_while_it_passes_the_gates()
    {
        var card = _board.Submit();
        _board.Move(card, "Ready");

        var events = _board.EventsDuring(() => _board.Edit(card, Ticket("Export the weekly and monthly flow reports as CSV")));

        card.Title.ShouldBe("Export the weekly and monthly flow reports as CSV");
        (card.State, card.LaneId).ShouldBe((TicketState.OnBoard, (Guid?)_board.Lane("Ready").Id));
        events.ShouldHaveSingleItem().ShouldBeOfType<TicketEdited>().Summary.ShouldBe("DEMO-1 edited");
    }

    [Theory]
    [InlineData(TicketState.Rejected)]
    [InlineData(TicketState.Merged)]
    public void A_closed_ticket_cannot_be_edited(TicketState state)
    {
        var ticket = TicketIn(state);

        var refusal = _board.Refused(() => _board.Edit(ticket, Ticket("Export the weekly flow report as a spreadsheet")));

        refusal.ProblemType.ShouldBe(ProblemType.TicketNotInTriage);
        refusal.Message.ShouldContain("submit a new ticket instead");
        ticket.Title.ShouldBe("Export the weekly flow report as CSV");
    }

    // Rejecting

    [Theory]
    [InlineData(TicketState.Triage)]
    [InlineData(TicketState.SentBack)]
    public void A_ticket_waiting_for_triage_can_be_rejected_with_a_reason(TicketState state)
    {
        var ticket = TicketIn(state);
        TicketComment comment = null!;

        var events = _board.EventsDuring(() => comment = _board.Reject(ticket, "We are retiring the CSV exports this quarter.", by: Alice));

        ticket.State.ShouldBe(TicketState.Rejected);
        ticket.IsAwaitingTriage.ShouldBeFalse();
        ticket.LaneId.ShouldBeNull();
        (comment.Kind, comment.Text, comment.CardId, comment.ByUserId).ShouldBe(
            (TicketCommentKind.Rejected, "We are retiring the CSV exports this quarter.", ticket.Id, (Guid?)Alice));
        var rejected = events.ShouldHaveSingleItem().ShouldBeOfType<TicketRejected>();
        rejected.CardId.ShouldBe(ticket.Id);
        rejected.Summary.ShouldBe("DEMO-1 rejected");
    }

    [Theory]
    [InlineData(TicketState.OnBoard)]
    [InlineData(TicketState.Rejected)]
    [InlineData(TicketState.Merged)]
    public void A_ticket_on_the_board_or_closed_cannot_be_rejected(TicketState state)
    {
        var ticket = TicketIn(state);

        _board.Refused(() => _board.Reject(ticket)).ProblemType.ShouldBe(ProblemType.TicketNotInTriage);
    }

    // Merging duplicates

    [Fact]
    public void A_merged_duplicate_is_closed_and_its_text_is_kept_on_the_original()
    {
        var original = _board.Submit();
        var duplicate = _board.SubmitToTriage(
            new TicketContent(
                "CSV download of the weekly report",
                "We need the weekly figures in a spreadsheet for the Monday meeting; a CSV download from the report page would do.",
                ["The file opens in a spreadsheet with one row per lane", "Dates use the board's time zone"],
                1m,
                CardClass.Standard),
            by: Bob);
        TicketComment comment = null!;

        var events = _board.EventsDuring(() => comment = _board.Merge(duplicate, original, by: Alice));

        duplicate.State.ShouldBe(TicketState.Merged);
        duplicate.DuplicateOfId.ShouldBe(original.Id);
        duplicate.LaneId.ShouldBeNull();
        (comment.Kind, comment.CardId, comment.BoardId, comment.ByUserId).ShouldBe(
            (TicketCommentKind.MergedDuplicate, original.Id, _board.Board.Id, (Guid?)Alice));
        comment.Text.ShouldStartWith("Merged duplicate DEMO-2: CSV download of the weekly report");
        comment.Text.ShouldContain("We need the weekly figures in a spreadsheet for the Monday meeting; a CSV download from the report page would do.");
        comment.Text.ShouldContain("- The file opens in a spreadsheet with one row per lane");
        comment.Text.ShouldContain("- Dates use the board's time zone");
        var merged = events.ShouldHaveSingleItem().ShouldBeOfType<TicketMerged>();
        (merged.CardId, merged.OriginalId, merged.OriginalKey).ShouldBe((duplicate.Id, original.Id, "DEMO-1"));
        merged.Summary.ShouldBe("DEMO-2 merged into DEMO-1 as a duplicate");
        original.State.ShouldBe(TicketState.OnBoard);
    }

    [Fact]
    public void A_ticket_sent_back_can_be_merged_into_one_still_in_triage()
    {
        var original = _board.SubmitToTriage();
        var duplicate = _board.SubmitToTriage();
        _board.SendBack(duplicate);

        _board.Merge(duplicate, original);

        duplicate.State.ShouldBe(TicketState.Merged);
        original.State.ShouldBe(TicketState.Triage);
    }

    [Fact]
    public void A_ticket_cannot_be_merged_into_itself()
    {
        var ticket = _board.SubmitToTriage();

        var refusal = _board.Refused(() => _board.Merge(ticket, ticket));

        refusal.ProblemType.ShouldBe(ProblemType.ValidationFailed);
        OriginalErrors(refusal).ShouldBe(["a ticket cannot be a duplicate of itself."]);
    }

    [Fact]
    public void A_ticket_cannot_be_merged_into_a_ticket_of_another_board()
    {
        var ticket = _board.SubmitToTriage();
        var elsewhere = NewBoard("OPS").Submit();

        var refusal = _board.Refused(() => _board.Merge(ticket, elsewhere));

        refusal.ProblemType.ShouldBe(ProblemType.ValidationFailed);
        OriginalErrors(refusal).ShouldBe(["the original must be a ticket of the same board."]);
    }

    [Theory]
    [InlineData(TicketState.Rejected)]
    [InlineData(TicketState.Merged)]
    public void A_ticket_cannot_be_merged_into_a_closed_one(TicketState state)
    {
        var closed = TicketIn(state);
        var ticket = _board.SubmitToTriage();

        var refusal = _board.Refused(() => _board.Merge(ticket, closed));

        refusal.ProblemType.ShouldBe(ProblemType.ValidationFailed);
        OriginalErrors(refusal).ShouldHaveSingleItem().ShouldContain($"{closed.Key} is closed ({state})");
    }

    [Theory]
    [InlineData(TicketState.OnBoard)]
    [InlineData(TicketState.Merged)]
    public void Only_a_ticket_waiting_for_triage_can_be_merged(TicketState state)
    {
        var original = _board.Submit();
        var ticket = TicketIn(state);

        _board.Refused(() => _board.Merge(ticket, original)).ProblemType.ShouldBe(ProblemType.TicketNotInTriage);
    }

    // Marking distinct

    [Fact]
    public void Marking_a_ticket_distinct_is_recorded()
    {
        var ticket = _board.SubmitToTriage(by: Bob);

        var events = _board.EventsDuring(() => _board.MarkDistinct(ticket, by: Alice));

        var distinct = events.ShouldHaveSingleItem().ShouldBeOfType<TicketMarkedDistinct>();
        (distinct.CardId, distinct.CardKey, distinct.By).ShouldBe((ticket.Id, "DEMO-1", (Guid?)Alice));
        distinct.WasLikelyDuplicateOfId.ShouldBeNull();
        ticket.LikelyDuplicateOfId.ShouldBeNull();
        ticket.State.ShouldBe(TicketState.Triage);
    }

    [Fact]
    public void A_ticket_on_the_board_cannot_be_marked_distinct()
    {
        var card = _board.Submit();

        _board.Refused(() => _board.MarkDistinct(card)).ProblemType.ShouldBe(ProblemType.TicketNotInTriage);
    }

    // What every triage action shares

    [Fact]
    public void Every_triage_action_bumps_the_version_by_one_and_its_event_says_who_and_when()
    {
        var original = _board.Submit();
        var steps = new (string What, Guid Who, Action Act)[]
        {
            ("submit", Bob, () => _board.SubmitToTriage(Vague, by: Bob)),
            ("send back", Alice, () => _board.SendBack(_board.Triage[0], by: Alice)),
            ("edit and resubmit", Bob, () => _board.Edit(_board.Triage[0], Ticket(), by: Bob)),
            ("mark distinct", Alice, () => _board.MarkDistinct(_board.Triage[0], by: Alice)),
            ("accept", Alice, () => _board.Accept(_board.Triage[0], by: Alice)),
            ("edit on the board", Carol, () => _board.Edit(_board.Cards[^1], Ticket("Export the flow report as CSV"), by: Carol)),
            ("submit another", Carol, () => _board.SubmitToTriage(by: Carol)),
            ("reject", Alice, () => _board.Reject(_board.Triage[0], by: Alice)),
            ("submit a duplicate", Bob, () => _board.SubmitToTriage(by: Bob)),
            ("merge", Alice, () => _board.Merge(_board.Triage[0], original, by: Alice)),
        };

        foreach (var (what, who, act) in steps)
        {
            _board.Wait(TimeSpan.FromMinutes(5));
            var version = _board.Board.Version;

            var change = _board.EventsDuring(act).ShouldHaveSingleItem(what);

            _board.Board.Version.ShouldBe(version + 1, what);
            change.Version.ShouldBe(version + 1, what);
            (change.At, change.By).ShouldBe((_board.Clock, (Guid?)who), what);
            change.ShouldBeAssignableTo<ICardEvent>(what);
        }
    }

    [Fact]
    public void Tickets_in_triage_rejected_or_merged_never_count_in_a_lane()
    {
        _board.SetLimit("Backlog", 1);
        var original = _board.Submit();
        _board.Reject(_board.SubmitToTriage());
        _board.Merge(_board.SubmitToTriage(), original);
        _board.SendBack(_board.SubmitToTriage());
        _board.SubmitToTriage();

        _board.Tickets.Count.ShouldBe(5);
        _board.Tickets.Where(t => t != original).ShouldAllBe(t => t.LaneId == null);
        _board.LaneCounts.Values.Sum().ShouldBe(1);
        _board.CountIn("Backlog").ShouldBe(1);

        _board.Move(original, "Ready");
        _board.Accept(_board.Triage.Single(t => t.State == TicketState.Triage));
        _board.CountIn("Backlog").ShouldBe(1);
    }

    /// <summary>A ticket of this board brought to <paramref name="state"/> the way the product owner would.</summary>
    // Likely duplicates

    [Fact]
    public void A_likely_duplicate_is_refused_at_accept_naming_its_original_until_it_is_marked_distinct()
    {
        var original = _board.Submit();
        var ticket = _board.SubmitToTriage();
        ticket.MarkLikelyDuplicateOf(original.Id, _board.Clock);

        var refusal = _board.Refused(() => _board.Accept(ticket, likelyOriginal: original));

        refusal.ProblemType.ShouldBe(ProblemType.LikelyDuplicate);
        refusal.Message.ShouldContain(original.Key);
        refusal.Figures["likelyDuplicateOf"].ShouldBe(original.Id);
        ticket.State.ShouldBe(TicketState.Triage);

        _board.MarkDistinct(ticket);
        _board.Accept(ticket);

        ticket.State.ShouldBe(TicketState.OnBoard);
        ticket.LikelyDuplicateOfId.ShouldBeNull();
    }

    [Fact]
    public void A_likely_duplicate_that_also_fails_gates_is_refused_for_the_gates_listing_the_duplicate_gate_too()
    {
        var original = _board.Submit();
        var ticket = _board.SubmitToTriage(Vague);
        ticket.MarkLikelyDuplicateOf(original.Id, _board.Clock);

        var refusal = _board.Refused(() => _board.Accept(ticket, likelyOriginal: original));

        refusal.ProblemType.ShouldBe(ProblemType.QualityGateFailed);
        refusal.Figures["gates"].ShouldBeAssignableTo<IEnumerable<GateResult>>()!.Select(g => g.Gate)
            .ShouldBe([QualityGates.DefinitionOfDone, QualityGates.Estimate, QualityGates.Duplicate]);
    }

    [Fact]
    public void An_original_that_is_not_the_one_the_ticket_duplicates_is_not_named_in_the_refusal()
    {
        var original = _board.Submit();
        var unrelated = _board.Submit();
        var ticket = _board.SubmitToTriage();
        ticket.MarkLikelyDuplicateOf(original.Id, _board.Clock);

        var refusal = _board.Refused(() => _board.Accept(ticket, likelyOriginal: unrelated));

        refusal.ProblemType.ShouldBe(ProblemType.LikelyDuplicate);
        refusal.Message.ShouldNotContain(unrelated.Key);
    }

    // Tickets off the board

    [Theory]
    [InlineData(TicketState.Triage)]
    [InlineData(TicketState.SentBack)]
    [InlineData(TicketState.Rejected)]
    [InlineData(TicketState.Merged)]
    public void A_ticket_that_is_not_on_the_board_cannot_be_assigned_blocked_or_unblocked(TicketState state)
    {
        var ticket = TicketIn(state);
        var version = _board.Board.Version;

        Should.Throw<InvalidOperationException>(() => _board.Assign(ticket, Alice));
        Should.Throw<InvalidOperationException>(() => _board.Block(ticket));
        Should.Throw<InvalidOperationException>(() => _board.Unblock(ticket));

        ticket.AssigneeId.ShouldBeNull();
        ticket.Blocked.ShouldBeFalse();
        _board.Board.Version.ShouldBe(version);
    }

    private Card TicketIn(TicketState state)
    {
        switch (state)
        {
            case TicketState.OnBoard:
                return _board.Submit();
            case TicketState.Merged:
                var original = _board.Submit();
                var duplicate = _board.SubmitToTriage();
                _board.Merge(duplicate, original);
                return duplicate;
        }

        var ticket = _board.SubmitToTriage();
        switch (state)
        {
            case TicketState.SentBack:
                _board.SendBack(ticket);
                break;
            case TicketState.Rejected:
                _board.Reject(ticket);
                break;
        }

        return ticket;
    }

    private static string[] OriginalErrors(RuleViolation refusal) =>
        refusal.Figures["errors"].ShouldBeOfType<Dictionary<string, string[]>>()["originalId"];
}
