using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Kanban.Domain.Tickets;

namespace Kanban.Domain.Tests;

internal static class TestBoards
{
    public static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public static readonly Guid Alice = Guid.Parse("0191d3a0-0000-7000-8000-00000000a11c");
    public static readonly Guid Bob = Guid.Parse("0191d3a0-0000-7000-8000-000000000b0b");
    public static readonly Guid Carol = Guid.Parse("0191d3a0-0000-7000-8000-00000000ca01");

    /// <summary>Lane counts for tests that are not about the flow rules: as far as the rules see, every lane is empty.</summary>
    public static readonly IReadOnlyDictionary<Guid, int> EmptyLanes = new Dictionary<Guid, int>();

    public static Board NewBoard(string key = "DEMO") => Board.Create("Demo board", key, Now);

    public static TicketContent Ticket(string title = "Export the weekly flow report as CSV") => new(
        title,
        "Add an export button to the report page that downloads the weekly flow figures as a CSV file.",
        ["The downloaded file holds one row per lane and day"],
        2m,
        CardClass.Standard);

    /// <summary>Submits a ticket and accepts it at the end of the backlog, after <paramref name="lastInBacklog"/>.</summary>
    public static Card Submit(this Board board, Card? lastInBacklog = null, DateTimeOffset? at = null) =>
        board.SubmitAndAccept(Ticket(), lastInBacklog is null ? [] : [lastInBacklog], EmptyLanes, at ?? Now, by: null, out _);

    /// <summary>The way every card reaches the board: submitted into triage, then accepted at the end of the backlog.</summary>
    public static Card SubmitAndAccept(
        this Board board, TicketContent content, IReadOnlyList<Card> backlog, IReadOnlyDictionary<Guid, int> laneCounts, DateTimeOffset at, Guid? by, out CardTransition arrival)
    {
        var card = board.SubmitTicket(content, at, by);
        arrival = board.AcceptTicket(card, likelyOriginal: null, backlog, index: null, laneCounts, at, by);
        return card;
    }

    public static Lane LaneNamed(this Board board, string name) => board.Lanes.Single(l => l.Name == name);

    public static IEnumerable<string> LaneNamesInOrder(this Board board) => board.OrderedLanes.Select(l => l.Name);

    public static IEnumerable<Card> InRankOrder(params IEnumerable<Card> cards) => cards.OrderBy(c => c.Rank);

    public static IReadOnlyDictionary<Guid, int> Counts(params (Lane Lane, int Count)[] counts) =>
        counts.ToDictionary(c => c.Lane.Id, c => c.Count);

    public static BoardSettings Copy(this BoardSettings settings) => new()
    {
        PersonalWipLimit = settings.PersonalWipLimit,
        StopLineThreshold = settings.StopLineThreshold,
        StaleDays = settings.StaleDays,
        MaxEstimateDays = settings.MaxEstimateDays,
        DuplicateThreshold = settings.DuplicateThreshold,
        DuplicateWindowDays = settings.DuplicateWindowDays,
        FillerWords = [.. settings.FillerWords],
    };
}

/// <summary>
/// A board and its tickets, kept in memory the way the database keeps them: it counts the cards of
/// each lane and of each person in active lanes, and passes those counts to the board, so a test
/// tells a story of moves instead of adding up numbers. Every change happens at <see cref="Clock"/>.
/// </summary>
internal sealed class BoardHarness
{
    /// <summary>Every ticket submitted, in or out of triage, on the board or closed.</summary>
    private readonly List<Card> _tickets = [];

    public BoardHarness(Board? board = null)
    {
        Board = board ?? TestBoards.NewBoard();
    }

    public Board Board { get; }

    public DateTimeOffset Clock { get; private set; } = TestBoards.Now;

    /// <summary>The tickets on the board: accepted, in a lane.</summary>
    public IReadOnlyList<Card> Cards => [.. _tickets.Where(c => c.State == TicketState.OnBoard)];

    /// <summary>Every ticket submitted, whatever its state.</summary>
    public IReadOnlyList<Card> Tickets => _tickets;

    /// <summary>The tickets waiting for the product owner: in triage or sent back, oldest first.</summary>
    public IReadOnlyList<Card> Triage => [.. _tickets.Where(c => c.IsAwaitingTriage)];

    public void Wait(TimeSpan span) => Clock += span;

    public Lane Lane(string name) => Board.LaneNamed(name);

    public Lane LaneOf(Card card) => Board.FindLane(card.LaneId!.Value)!;

    /// <summary>Every lane of the board with the number of cards it holds, blocked or not.</summary>
    public IReadOnlyDictionary<Guid, int> LaneCounts =>
        Board.Lanes.ToDictionary(l => l.Id, l => _tickets.Count(c => c.LaneId == l.Id));

    public int CountIn(string laneName) => CountIn(Lane(laneName));

    public int CountIn(Lane lane) => _tickets.Count(c => c.LaneId == lane.Id);

    public IReadOnlyList<Card> CardsIn(Lane lane) => [.. TestBoards.InRankOrder(_tickets.Where(c => c.LaneId == lane.Id))];

    /// <summary>How many cards <paramref name="person"/> holds in active lanes.</summary>
    public int ActiveCardsOf(Guid? person) =>
        person is null ? 0 : _tickets.Count(c => c.AssigneeId == person && c.LaneId is not null && LaneOf(c).Kind == LaneKind.Active);

    public int UntestedCount => Board.UntestedCount(LaneCounts);

    /// <summary>Submits a ticket and accepts it at the end of the backlog: the way every card reaches the board.</summary>
    public Card Submit(Guid? by = null)
    {
        var card = SubmitToTriage(by: by);
        Accept(card, by: by);
        return card;
    }

    /// <summary>Submits a ticket into the triage inbox, where it waits for the product owner.</summary>
    public Card SubmitToTriage(TicketContent? content = null, Guid? by = null)
    {
        var ticket = Board.SubmitTicket(content ?? TestBoards.Ticket(), Clock, by);
        _tickets.Add(ticket);
        return ticket;
    }

    /// <summary>The product owner accepts <paramref name="ticket"/> into the backlog at <paramref name="index"/> (the end when null).</summary>
    public CardTransition Accept(Card ticket, int? index = null, Guid? by = null, Card? likelyOriginal = null) =>
        Board.AcceptTicket(ticket, likelyOriginal, CardsIn(Board.BacklogLane), index, LaneCounts, Clock, by);

    public TicketComment SendBack(Card ticket, string comment = "Say which report and which columns", Guid? by = null) =>
        Board.SendBackTicket(ticket, comment, Clock, by);

    public void Edit(Card ticket, TicketContent content, Guid? by = null, BoardRole role = BoardRole.Member, DateTimeOffset? expectedUpdatedAt = null) =>
        Board.EditTicket(ticket, content, Clock, by, role, expectedUpdatedAt);

    public TicketComment Reject(Card ticket, string reason = "Out of scope for this team", Guid? by = null) =>
        Board.RejectTicket(ticket, reason, Clock, by);

    public TicketComment Merge(Card ticket, Card original, Guid? by = null) => Board.MergeTicket(ticket, original, Clock, by);

    public void MarkDistinct(Card ticket, Guid? by = null) => Board.MarkTicketDistinct(ticket, Clock, by);

    public CardTransition? Move(Card card, string laneName, int? index = null, Guid? by = null) =>
        Move(card, Lane(laneName), index, by);

    public CardTransition? Move(Card card, Lane target, int? index = null, Guid? by = null)
    {
        var targetCards = CardsIn(target);
        if (target.Kind == LaneKind.Done && target.Id != card.LaneId)
        {
            targetCards = [.. targetCards.TakeLast(1)];
        }

        return Board.MoveCard(card, target, targetCards, index, LaneCounts, ActiveCardsOf(card.AssigneeId), Clock, by);
    }

    /// <summary>Submits <paramref name="count"/> tickets and moves each straight from the backlog to the end of the lane.</summary>
    public List<Card> Fill(string laneName, int count, Guid? assignee = null)
    {
        List<Card> cards = [];
        for (var i = 0; i < count; i++)
        {
            var card = Submit();
            if (assignee is not null)
            {
                Assign(card, assignee);
            }

            if (laneName != Board.BacklogLane.Name)
            {
                Move(card, laneName);
            }

            cards.Add(card);
        }

        return cards;
    }

    public void Assign(Card card, Guid? person, Guid? by = null) =>
        Board.AssignCard(card, person, ActiveCardsOf(person), Clock, by);

    /// <summary>Every period of blocked time the board handed out, as the database would keep them.</summary>
    public List<CardBlock> BlockPeriods { get; } = [];

    public void Block(Card card, string reason = "Waiting for the bank's test account")
    {
        if (Board.BlockCard(card, reason, Clock, by: null) is { } period)
        {
            BlockPeriods.Add(period);
        }
    }

    public void Unblock(Card card)
    {
        if (Board.UnblockCard(card, BlockPeriods.Find(p => p.CardId == card.Id && p.UnblockedAt is null), Clock, by: null) is { } unrecorded)
        {
            BlockPeriods.Add(unrecorded);
        }
    }

    public LineStop StopLine(string reason, Guid? by = null) => Board.StopLine(reason, Clock, by);

    public LineStop ResumeLine(string note, Guid? by = null, bool mayResumeAnyStop = true) =>
        Board.ResumeLine(note, Clock, by, mayResumeAnyStop);

    public void SetLimit(string laneName, int? limit)
    {
        var lane = Lane(laneName);
        UpdateLane(lane, lane.Kind, limit, lane.Untested);
    }

    public void SetUntested(string laneName, bool untested)
    {
        var lane = Lane(laneName);
        UpdateLane(lane, lane.Kind, lane.WipLimit, untested);
    }

    public void UpdateLane(Lane lane, LaneKind kind, int? wipLimit, bool untested) =>
        Board.UpdateLane(lane, lane.Name, kind, wipLimit, untested, lane.Order, LaneCounts, Clock, by: null);

    public Lane AddLane(string name, LaneKind kind, int? wipLimit, bool untested, int? order = null) =>
        Board.AddLane(name, kind, wipLimit, untested, order, LaneCounts, Clock, by: null);

    public void RemoveLane(string laneName) => Board.RemoveLane(Lane(laneName), LaneCounts, Clock, by: null);

    public void ChangeSettings(Action<BoardSettings> change)
    {
        var settings = Board.Settings.Copy();
        change(settings);
        Board.ChangeSettings(settings, LaneCounts, Clock, by: null);
    }

    /// <summary>The events <paramref name="action"/> raised, in order.</summary>
    public IReadOnlyList<BoardEvent> EventsDuring(Action action)
    {
        var before = Board.Events.Count;
        action();
        return [.. Board.Events.Skip(before)];
    }

    /// <summary>The refusal <paramref name="action"/> throws, after checking it changed nothing on the board.</summary>
    public RuleViolation Refused(Action action)
    {
        var version = Board.Version;
        var events = Board.Events.Count;
        var places = _tickets.Select(c => (c.Id, c.State, c.LaneId, c.Rank, c.AssigneeId, c.UpdatedAt)).ToList();
        var line = Board.Line;

        var refusal = Should.Throw<RuleViolation>(action);

        Board.Version.ShouldBe(version);
        Board.Events.Count.ShouldBe(events);
        _tickets.Select(c => (c.Id, c.State, c.LaneId, c.Rank, c.AssigneeId, c.UpdatedAt)).ShouldBe(places);
        Board.Line.ShouldBe(line);
        return refusal;
    }
}
