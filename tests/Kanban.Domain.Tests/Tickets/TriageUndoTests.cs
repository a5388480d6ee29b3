using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Kanban.Domain.Problems;
using Kanban.Domain.Tickets;
using static Kanban.Domain.Tests.TestBoards;

namespace Kanban.Domain.Tests.Tickets;

/// <summary>
/// A product owner takes back their own accept, send-back or reject within 30 seconds, if nothing
/// happened to the ticket since; the ticket is in triage again. The trail the rule reads is built
/// here from the board's own events, as the database keeps them.
/// </summary>
public sealed class TriageUndoTests
{
    private readonly BoardHarness _board = new();

    [Fact]
    public void An_undone_accept_takes_the_card_off_the_board_back_into_triage()
    {
        var ticket = _board.SubmitToTriage(by: Bob);
        _board.Accept(ticket, by: Alice);
        _board.Wait(TimeSpan.FromSeconds(29));

        var events = _board.EventsDuring(() => Undo(ticket, Alice).ShouldBe(TriageDecision.Accepted));

        (ticket.State, ticket.LaneId, ticket.UpdatedAt).ShouldBe((TicketState.Triage, (Guid?)null, _board.Clock));
        _board.CountIn("Backlog").ShouldBe(0);
        _board.Triage.ShouldBe([ticket]);
        var undone = events.ShouldHaveSingleItem().ShouldBeOfType<TicketDecisionUndone>();
        (undone.Undone, undone.State, undone.FromLaneId, undone.By).ShouldBe((TriageDecision.Accepted, TicketState.Triage, (Guid?)_board.Lane("Backlog").Id, (Guid?)Alice));
        undone.Summary.ShouldBe("DEMO-1 taken off the board: accept undone, back in triage");
    }

    [Fact]
    public void An_undone_send_back_or_reject_returns_the_ticket_to_triage()
    {
        var sentBack = _board.SubmitToTriage(by: Bob);
        var rejected = _board.SubmitToTriage(by: Bob);
        _board.SendBack(sentBack, by: Alice);
        _board.Reject(rejected, by: Alice);

        Undo(sentBack, Alice).ShouldBe(TriageDecision.SentBack);
        Undo(rejected, Alice).ShouldBe(TriageDecision.Rejected);

        _board.Triage.ShouldBe([sentBack, rejected]);
        sentBack.State.ShouldBe(TicketState.Triage);
        rejected.State.ShouldBe(TicketState.Triage);
    }

    [Fact]
    public void An_undone_reject_of_a_ticket_sent_back_leaves_it_sent_back()
    {
        var ticket = _board.SubmitToTriage(by: Bob);
        _board.SendBack(ticket, by: Alice);
        _board.Reject(ticket, by: Alice);
        var rejected = _board.Board.Events.OfType<TicketRejected>().ShouldHaveSingleItem();
        rejected.Was.ShouldBe(TicketState.SentBack);

        var (decision, since) = TrailOf(ticket);
        var events = _board.EventsDuring(() => _board.Board.UndoTriageDecision(ticket, decision, since, _board.Clock, Alice, rejected.Was).ShouldBe(TriageDecision.Rejected));

        ticket.State.ShouldBe(TicketState.SentBack);
        events.ShouldHaveSingleItem().ShouldBeOfType<TicketDecisionUndone>().State.ShouldBe(TicketState.SentBack);
    }

    [Fact]
    public void After_30_seconds_the_decision_stands()
    {
        var ticket = _board.SubmitToTriage(by: Bob);
        _board.Accept(ticket, by: Alice);
        _board.Wait(TimeSpan.FromSeconds(30.001));

        var refusal = _board.Refused(() => Undo(ticket, Alice));

        refusal.ProblemType.ShouldBe(ProblemType.UndoNotPossible);
        refusal.Figures["reason"].ShouldBe("too-late");
        refusal.Message.ShouldBe("DEMO-1 was accepted more than 30 seconds ago, so it can no longer be undone. It stays on the board; move it where it belongs.");
    }

    [Fact]
    public void Only_the_one_who_decided_may_undo()
    {
        var ticket = _board.SubmitToTriage(by: Bob);
        _board.Reject(ticket, by: Alice);

        var refusal = _board.Refused(() => Undo(ticket, Carol));

        refusal.Figures["reason"].ShouldBe("not-yours");
        refusal.Message.ShouldStartWith("Only the product owner who rejected DEMO-1 can undo that");
        _board.Refused(() => Undo(ticket, null)).Figures["reason"].ShouldBe("not-yours");
    }

    [Theory]
    [InlineData("moved")]
    [InlineData("reordered")]
    [InlineData("edited")]
    [InlineData("assigned")]
    [InlineData("blocked")]
    public void An_accepted_card_changed_since_stays_on_the_board(string change)
    {
        _board.Submit();
        var ticket = _board.SubmitToTriage(by: Bob);
        _board.Accept(ticket, by: Alice);
        _board.Wait(TimeSpan.FromSeconds(5));
        switch (change)
        {
            case "moved": _board.Move(ticket, "Ready"); break;
            case "reordered": _board.Move(ticket, "Backlog", index: 0); break;
            case "edited": _board.Edit(ticket, Ticket("Export the weekly flow report as a CSV file"), by: Alice, role: BoardRole.ProductOwner); break;
            case "assigned": _board.Assign(ticket, Bob); break;
            default: _board.Block(ticket); break;
        }

        var refusal = _board.Refused(() => Undo(ticket, Alice));

        refusal.Figures["reason"].ShouldBe("changed");
        refusal.Message.ShouldStartWith($"{ticket.Key} changed after it was accepted (");
    }

    [Fact]
    public void A_comment_since_the_decision_does_not_stand_in_the_way()
    {
        var ticket = _board.SubmitToTriage(by: Bob);
        _board.SendBack(ticket, by: Alice);
        _board.Board.CommentOnTicket(ticket, "Sorry, wrong ticket", _board.Clock, Alice);

        Undo(ticket, Alice).ShouldBe(TriageDecision.SentBack);
    }

    [Fact]
    public void A_ticket_changed_without_a_trail_entry_still_counts_as_changed()
    {
        var ticket = _board.SubmitToTriage(by: Bob);
        _board.Accept(ticket, by: Alice);
        var (decision, since) = TrailOf(ticket);
        _board.Wait(TimeSpan.FromSeconds(1));
        _board.Move(ticket, "Ready");

        var refusal = _board.Refused(() => _board.Board.UndoTriageDecision(ticket, decision, since, _board.Clock, Alice));

        refusal.Figures["reason"].ShouldBe("changed");
    }

    [Fact]
    public void A_decision_is_undone_once_and_a_ticket_never_decided_on_has_nothing_to_undo()
    {
        var ticket = _board.SubmitToTriage(by: Bob);

        _board.Refused(() => Undo(ticket, Alice)).Figures["reason"].ShouldBe("none");
        _board.Accept(ticket, by: Alice);
        Undo(ticket, Alice);
        _board.Refused(() => Undo(ticket, Alice)).Figures["reason"].ShouldBe("already-undone");

        _board.Accept(ticket, by: Alice);
        Undo(ticket, Alice).ShouldBe(TriageDecision.Accepted, "a new decision can be undone in its turn");
    }

    [Fact]
    public void A_merge_or_a_mark_distinct_is_not_a_decision_that_undo_takes_back()
    {
        var original = _board.SubmitToTriage(by: Bob);
        var duplicate = _board.SubmitToTriage(by: Bob);
        _board.Merge(duplicate, original, by: Alice);

        _board.Refused(() => Undo(duplicate, Alice)).Figures["reason"].ShouldBe("none");
    }

    /// <summary>Undoes as the handler does: the ticket's last decision and what followed, read from its trail.</summary>
    private TriageDecision Undo(Card ticket, Guid? by)
    {
        var (decision, since) = TrailOf(ticket);
        return _board.Board.UndoTriageDecision(ticket, decision, since, _board.Clock, by);
    }

    private (ActivityEntry? Decision, IReadOnlyList<ActivityEntry> Since) TrailOf(Card ticket)
    {
        var trail = _board.Board.Events.Where(e => e is ICardEvent c && c.CardId == ticket.Id).Select(e => new ActivityEntry(_board.Board.Id, e, "{}")).ToList();
        var decision = trail.LastOrDefault(e => TriageUndo.DecisionKinds.ContainsKey(e.Kind));
        return (decision, decision is null ? [] : [.. trail.Where(e => e.Version > decision.Version)]);
    }
}

/// <summary>Writing on a ticket, and saving it unchanged.</summary>
public sealed class TicketCommentAndNoOpEditTests
{
    private readonly BoardHarness _board = new();

    [Fact]
    public void A_comment_raises_TicketCommented_naming_the_ticket_and_leaves_the_ticket_as_it_was()
    {
        var ticket = _board.SubmitToTriage(by: Bob);
        var updated = ticket.UpdatedAt;
        _board.Wait(TimeSpan.FromMinutes(3));

        TicketComment comment = null!;
        var events = _board.EventsDuring(() => comment = _board.Board.CommentOnTicket(ticket, "Is this for the web shop only?", _board.Clock, Carol));

        (comment.Kind, comment.Text, comment.At, comment.ByUserId, comment.CardId).ShouldBe((TicketCommentKind.Comment, "Is this for the web shop only?", _board.Clock, (Guid?)Carol, ticket.Id));
        var commented = events.ShouldHaveSingleItem().ShouldBeOfType<TicketCommented>();
        (commented.CardId, commented.CommentId, commented.State, commented.Summary).ShouldBe((ticket.Id, comment.Id, TicketState.Triage, "Comment added to DEMO-1"));
        ticket.UpdatedAt.ShouldBe(updated);
    }

    [Fact]
    public void Saving_what_a_ticket_already_says_raises_nothing_and_bumps_no_version()
    {
        var card = _board.Submit(by: Bob);
        var triage = _board.SubmitToTriage(by: Bob);
        var version = _board.Board.Version;
        _board.Wait(TimeSpan.FromMinutes(1));

        var events = _board.EventsDuring(() =>
        {
            _board.Edit(card, Ticket() with { DefinitionOfDone = [.. Ticket().DefinitionOfDone] }, by: Bob);
            _board.Edit(triage, Ticket(), by: Bob);
        });

        events.ShouldBeEmpty();
        _board.Board.Version.ShouldBe(version);
        card.UpdatedAt.ShouldBe(Now);
        _board.EventsDuring(() => _board.Edit(card, Ticket() with { EstimateDays = 3m }, by: Bob)).ShouldHaveSingleItem().ShouldBeOfType<TicketEdited>();
    }

    [Fact]
    public void Saving_a_sent_back_ticket_unchanged_resubmits_it()
    {
        var ticket = _board.SubmitToTriage(by: Bob);
        _board.SendBack(ticket, by: Alice);

        var events = _board.EventsDuring(() => _board.Edit(ticket, Ticket(), by: Bob));

        events.ShouldHaveSingleItem().ShouldBeOfType<TicketEdited>().Resubmitted.ShouldBeTrue();
        ticket.State.ShouldBe(TicketState.Triage);
    }

    [Fact]
    public void Saving_unchanged_is_still_refused_to_someone_who_may_not_edit()
    {
        var ticket = _board.SubmitToTriage(by: Bob);

        _board.Refused(() => _board.Edit(ticket, Ticket(), by: Carol, role: BoardRole.Member));
    }
}
