namespace Kanban.Domain.Cards;

public enum CardClass
{
    Standard,
    Risk,
    TechnicalBlocker,
    BusinessBlocker,
}
