using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Kanban.Domain.Outliers;

namespace Kanban.Domain.Tests.Outliers;

/// <summary>
/// A board's history told as moves on the clock of a <see cref="BoardHarness"/>, which starts on
/// Monday 2 November 2026 at 09:00 UTC. No lane limits get in the way: these tests are about time.
/// </summary>
internal sealed class OutlierBoard
{
    public OutlierBoard(Board? board = null)
    {
        Harness = new BoardHarness(board);
        foreach (var lane in Harness.Board.Lanes.Where(l => l.WipLimit is not null))
        {
            Harness.SetLimit(lane.Name, null);
        }
    }

    public BoardHarness Harness { get; }

    public Board Board => Harness.Board;

    public DateTimeOffset Clock => Harness.Clock;

    /// <summary>Submits and accepts a ticket of <paramref name="estimateDays"/> and moves it to <paramref name="lane"/> now.</summary>
    public Card Start(string lane = "In progress", decimal estimateDays = 5)
    {
        var ticket = TestBoards.Ticket() with { EstimateDays = estimateDays };
        var card = Harness.SubmitToTriage(ticket);
        Harness.Accept(card);
        if (lane != Board.BacklogLane.Name)
        {
            Harness.Move(card, lane);
        }

        return card;
    }

    public void Move(Card card, string lane) => Harness.Move(card, lane);

    public void Wait(TimeSpan span) => Harness.Wait(span);

    public void WaitDays(double days) => Harness.Wait(TimeSpan.FromDays(days));

    /// <summary>
    /// Starts <paramref name="cycleTimes"/>.Length cards now (a Monday at 09:00) and completes each after
    /// its cycle time in whole working days, at 09:00; the clock ends at the last completion.
    /// </summary>
    public IReadOnlyList<Card> CompleteHistory(params int[] cycleTimes)
    {
        var cards = cycleTimes.Select(_ => Start()).ToList();
        var calendar = WorkingCalendar.Of(Board);
        var started = Clock;
        foreach (var (card, days) in cards.Zip(cycleTimes).OrderBy(c => c.Second))
        {
            while (calendar.DaysBetween(started, Clock) < days)
            {
                WaitDays(1);
            }

            Move(card, "Done");
        }

        return cards;
    }

    public void ChangeSettings(Action<BoardSettings> change) => Harness.ChangeSettings(change);

    /// <summary>The board's outliers at <paramref name="now"/>, among its tickets and <paramref name="more"/>.</summary>
    public BoardOutliers Find(DateTimeOffset now, IEnumerable<Card>? more = null, int cycleTimeWindowDays = CycleTimes.DefaultWindowDays) =>
        OutlierRules.Find(Board, [.. Harness.Tickets, .. more ?? []], now, cycleTimeWindowDays);

    public static IEnumerable<string> Keys(BoardOutliers outliers) => outliers.Cards.Select(c => c.Key);
}
