using Kanban.Domain.Boards;
using Kanban.Domain.Cards;

namespace Kanban.Domain.Tickets;

/// <summary>
/// Who may change what a ticket says. Viewers never. While it waits for triage (in triage or sent
/// back) only its submitter or a product owner, so the product owner decides on what the submitter
/// wrote; on the board any member. An administrator acts as a product owner on every board.
/// </summary>
public static class TicketEditing
{
    public static bool MayEdit(Card ticket, Guid? editor, BoardRole editorRole) => editorRole switch
    {
        BoardRole.ProductOwner => true,
        BoardRole.Member => !ticket.IsAwaitingTriage || (editor is not null && ticket.SubmittedBy == editor),
        _ => false,
    };

    public static void EnsureMayEdit(Card ticket, Guid? editor, BoardRole editorRole)
    {
        if (!MayEdit(ticket, editor, editorRole))
        {
            throw editorRole == BoardRole.Member
                ? MembershipRefusals.NotYoursToEditInTriage(ticket)
                : MembershipRefusals.ViewerCannotEdit(ticket);
        }
    }
}
