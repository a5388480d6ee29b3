namespace Kanban.Domain.Cards;

public enum TicketState
{
    Triage,
    SentBack,
    OnBoard,
    Rejected,
    Merged,
}
