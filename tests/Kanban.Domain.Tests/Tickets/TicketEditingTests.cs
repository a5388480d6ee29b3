using Kanban.Domain.Problems;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Kanban.Domain.Tickets;
using static Kanban.Domain.Tests.TestBoards;

namespace Kanban.Domain.Tests.Tickets;

/// <summary>
/// Who may change what a ticket says: while it waits for triage only its submitter or a product
/// owner, on the board any member, a viewer never. Bob submits; Carol is another member; Alice owns
/// the board (an administrator reaches the rule as a product owner).
/// </summary>
public sealed class TicketEditingTests
{
    private static readonly TicketContent Reworded = Ticket("Export the weekly flow report as a CSV file");

    private readonly BoardHarness _board = new();

    [Theory]
    [InlineData(TicketState.Triage, BoardRole.Member, true)]
    [InlineData(TicketState.Triage, BoardRole.ProductOwner, true)]
    [InlineData(TicketState.Triage, BoardRole.Viewer, false)]
    [InlineData(TicketState.SentBack, BoardRole.Member, true)]
    [InlineData(TicketState.SentBack, BoardRole.ProductOwner, true)]
    [InlineData(TicketState.SentBack, BoardRole.Viewer, false)]
    [InlineData(TicketState.OnBoard, BoardRole.Member, true)]
    [InlineData(TicketState.OnBoard, BoardRole.ProductOwner, true)]
    [InlineData(TicketState.OnBoard, BoardRole.Viewer, false)]
    public void The_submitter_may_edit_as_their_role_allows(TicketState state, BoardRole role, bool may)
    {
        TicketEditing.MayEdit(TicketIn(state), Bob, role).ShouldBe(may);
    }

    [Theory]
    [InlineData(TicketState.Triage, BoardRole.Member, false)]
    [InlineData(TicketState.Triage, BoardRole.ProductOwner, true)]
    [InlineData(TicketState.Triage, BoardRole.Viewer, false)]
    [InlineData(TicketState.SentBack, BoardRole.Member, false)]
    [InlineData(TicketState.SentBack, BoardRole.ProductOwner, true)]
    [InlineData(TicketState.SentBack, BoardRole.Viewer, false)]
    [InlineData(TicketState.OnBoard, BoardRole.Member, true)]
    [InlineData(TicketState.OnBoard, BoardRole.ProductOwner, true)]
    [InlineData(TicketState.OnBoard, BoardRole.Viewer, false)]
    public void Someone_else_may_edit_as_the_tickets_state_and_their_role_allow(TicketState state, BoardRole role, bool may)
    {
        TicketEditing.MayEdit(TicketIn(state), Carol, role).ShouldBe(may);
    }

    [Fact]
    public void The_submitter_edits_their_ticket_in_triage_and_it_stays_there()
    {
        var ticket = _board.SubmitToTriage(by: Bob);

        _board.Edit(ticket, Reworded, by: Bob, role: BoardRole.Member);

        (ticket.Title, ticket.State).ShouldBe((Reworded.Title, TicketState.Triage));
    }

    [Fact]
    public void Another_member_cannot_edit_a_ticket_in_triage_and_it_stays_as_it_was()
    {
        var ticket = _board.SubmitToTriage(by: Bob);

        var refusal = _board.Refused(() => _board.Edit(ticket, Reworded, by: Carol, role: BoardRole.Member));

        refusal.ProblemType.ShouldBe(ProblemType.Forbidden);
        refusal.Message.ShouldBe("DEMO-1 is waiting for triage; only its submitter or a product owner can edit it.");
        refusal.Figures["ticketId"].ShouldBe(ticket.Id);
        ticket.Title.ShouldBe(Ticket().Title);
    }

    [Fact]
    public void Another_member_cannot_edit_a_ticket_sent_back_and_it_stays_sent_back()
    {
        var ticket = _board.SubmitToTriage(by: Bob);
        _board.SendBack(ticket, by: Alice);

        var refusal = _board.Refused(() => _board.Edit(ticket, Reworded, by: Carol, role: BoardRole.Member));

        refusal.ProblemType.ShouldBe(ProblemType.Forbidden);
        (ticket.Title, ticket.State).ShouldBe((Ticket().Title, TicketState.SentBack));
    }

    [Fact]
    public void The_submitter_edits_their_ticket_sent_back_and_so_resubmits_it()
    {
        var ticket = _board.SubmitToTriage(by: Bob);
        _board.SendBack(ticket, by: Alice);

        _board.Edit(ticket, Reworded, by: Bob, role: BoardRole.Member);

        (ticket.Title, ticket.State).ShouldBe((Reworded.Title, TicketState.Triage));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_product_owner_may_edit_a_members_ticket_waiting_for_triage(bool sentBack)
    {
        var ticket = _board.SubmitToTriage(by: Bob);
        if (sentBack)
        {
            _board.SendBack(ticket, by: Alice);
        }

        var edited = _board.EventsDuring(() => _board.Edit(ticket, Reworded, by: Alice, role: BoardRole.ProductOwner))
            .ShouldHaveSingleItem().ShouldBeOfType<TicketEdited>();

        (edited.By, edited.Resubmitted).ShouldBe(((Guid?)Alice, sentBack));
        (ticket.Title, ticket.State, ticket.SubmittedBy).ShouldBe((Reworded.Title, TicketState.Triage, (Guid?)Bob));
    }

    [Fact]
    public void Any_member_may_edit_a_card_on_the_board_whoever_submitted_it()
    {
        var card = _board.Submit(by: Bob);
        _board.Move(card, "Ready");

        _board.Edit(card, Reworded, by: Carol, role: BoardRole.Member);

        (card.Title, card.State).ShouldBe((Reworded.Title, TicketState.OnBoard));
    }

    [Theory]
    [InlineData(TicketState.Triage)]
    [InlineData(TicketState.SentBack)]
    [InlineData(TicketState.OnBoard)]
    public void A_viewer_cannot_edit_not_even_a_ticket_they_once_submitted(TicketState state)
    {
        var ticket = TicketIn(state);

        var refusal = _board.Refused(() => _board.Edit(ticket, Reworded, by: Bob, role: BoardRole.Viewer));

        refusal.ProblemType.ShouldBe(ProblemType.Forbidden);
        refusal.Title.ShouldBe("Viewers cannot edit tickets");
        (ticket.Title, ticket.State).ShouldBe((Ticket().Title, state));
    }

    [Fact]
    public void A_ticket_with_no_recorded_submitter_waits_for_a_product_owner_to_edit_it()
    {
        var ticket = _board.SubmitToTriage(by: null);

        TicketEditing.MayEdit(ticket, editor: null, BoardRole.Member).ShouldBeFalse();
        TicketEditing.MayEdit(ticket, Carol, BoardRole.Member).ShouldBeFalse();
        TicketEditing.MayEdit(ticket, Alice, BoardRole.ProductOwner).ShouldBeTrue();
    }

    [Fact]
    public void Someone_who_may_not_edit_hears_that_before_hearing_that_the_ticket_changed()
    {
        var ticket = _board.SubmitToTriage(by: Bob);
        var readAt = ticket.UpdatedAt;
        _board.Wait(TimeSpan.FromMinutes(3));
        _board.Edit(ticket, Reworded, by: Bob);

        var refusal = _board.Refused(() => _board.Edit(ticket, Ticket(), by: Carol, role: BoardRole.Member, expectedUpdatedAt: readAt));

        refusal.ProblemType.ShouldBe(ProblemType.Forbidden);
    }

    [Fact]
    public void Someone_who_may_edit_a_ticket_changed_since_they_read_it_is_told_to_reload()
    {
        var ticket = _board.SubmitToTriage(by: Bob);
        var readAt = ticket.UpdatedAt;
        _board.Wait(TimeSpan.FromMinutes(3));
        _board.Edit(ticket, Reworded, by: Alice, role: BoardRole.ProductOwner);

        var refusal = _board.Refused(() => _board.Edit(ticket, Ticket(), by: Bob, role: BoardRole.Member, expectedUpdatedAt: readAt));

        refusal.ProblemType.ShouldBe(ProblemType.ConcurrencyConflict);
        ticket.Title.ShouldBe(Reworded.Title);
    }

    [Theory]
    [InlineData(TicketState.Rejected)]
    [InlineData(TicketState.Merged)]
    public void A_closed_ticket_is_refused_as_closed_to_anyone_who_is_not_a_viewer(TicketState state)
    {
        var ticket = TicketIn(state);

        _board.Refused(() => _board.Edit(ticket, Reworded, by: Carol, role: BoardRole.Member)).ProblemType.ShouldBe(ProblemType.TicketNotInTriage);
        _board.Refused(() => _board.Edit(ticket, Reworded, by: Alice, role: BoardRole.ProductOwner)).ProblemType.ShouldBe(ProblemType.TicketNotInTriage);
    }

    /// <summary>A ticket Bob submitted, brought to <paramref name="state"/> by Alice.</summary>
    private Card TicketIn(TicketState state)
    {
        if (state == TicketState.OnBoard)
        {
            return _board.Submit(by: Bob);
        }

        var ticket = _board.SubmitToTriage(by: Bob);
        switch (state)
        {
            case TicketState.SentBack:
                _board.SendBack(ticket, by: Alice);
                break;
            case TicketState.Rejected:
                _board.Reject(ticket, by: Alice);
                break;
            case TicketState.Merged:
                _board.Merge(ticket, _board.Submit(by: Alice), by: Alice);
                break;
        }

        return ticket;
    }
}
