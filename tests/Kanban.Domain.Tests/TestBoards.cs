using Kanban.Domain.Boards;
using Kanban.Domain.Cards;

namespace Kanban.Domain.Tests;

internal static class TestBoards
{
    public static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public static Board NewBoard(string key = "DEMO") => Board.Create("Demo board", key, Now);

    public static TicketContent Ticket(string title = "Export the weekly flow report as CSV") => new(
        title,
        "Add an export button to the report page that downloads the weekly flow figures as a CSV file.",
        ["The downloaded file holds one row per lane and day"],
        2m,
        CardClass.Standard);

    public static Card Submit(this Board board, Card? lastInBacklog = null, DateTimeOffset? at = null) =>
        board.SubmitTicket(Ticket(), lastInBacklog, at ?? Now, byUserId: null, out _);

    public static Lane LaneNamed(this Board board, string name) => board.Lanes.Single(l => l.Name == name);

    public static IEnumerable<string> LaneNamesInOrder(this Board board) => board.OrderedLanes.Select(l => l.Name);

    public static IEnumerable<Card> InRankOrder(params IEnumerable<Card> cards) => cards.OrderBy(c => c.Rank);
}
