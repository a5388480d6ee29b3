using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Kanban.Domain.Tickets;

namespace Kanban.Domain.Tests.Tickets;

/// <summary>
/// As the submitter types, a draft that reads like another ticket passes the duplicate gate (it may be
/// submitted; the mark it then gets holds it at accept) but the gate names the ticket it reads like.
/// </summary>
public sealed class DraftDuplicateGateTests
{
    private static readonly TicketContent Draft = new(
        "Mask card numbers in the application logs",
        "A support engineer found full card numbers in the request logs, which breaches PCI DSS; mask every card number so only the first six and last four digits remain.",
        ["A logged request shows card numbers with only the first six and last four digits"],
        1,
        CardClass.Standard);

    [Fact]
    public void A_draft_that_reads_like_another_ticket_passes_and_names_it()
    {
        var gate = QualityGates.CheckDraft(Draft, new BoardSettings(), "PAY-10").Single(g => g.Gate == QualityGates.Duplicate);

        gate.Passed.ShouldBeTrue();
        gate.Message.ShouldContain("PAY-10");
    }

    [Fact]
    public void A_draft_like_no_other_gets_the_plain_gates()
    {
        QualityGates.CheckDraft(Draft, new BoardSettings(), null).ShouldBe(QualityGates.Check(Draft, new BoardSettings()));
    }

    [Fact]
    public void A_stored_ticket_marked_as_a_likely_duplicate_still_fails_the_gate()
    {
        QualityGates.Check(Draft, new BoardSettings(), "PAY-10").Single(g => g.Gate == QualityGates.Duplicate).Passed.ShouldBeFalse();
    }
}
