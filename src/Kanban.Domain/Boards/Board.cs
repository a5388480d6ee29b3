using Kanban.Domain.Cards;

namespace Kanban.Domain.Boards;

/// <summary>
/// A team's workflow and the consistency boundary for what its lanes hold: every change that
/// affects lane contents bumps <see cref="Version"/>, which the database checks on save.
/// </summary>
public sealed class Board
{
    private readonly List<Lane> _lanes = [];

    private Board()
    {
        Name = Key = TimeZone = "";
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public string Key { get; private set; }
    public string TimeZone { get; private set; }
    public BoardSettings Settings { get; private set; } = new();
    public long Version { get; private set; }
    public int LastCardNumber { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public IReadOnlyList<Lane> Lanes => _lanes;

    public static Board Create(string name, string key, DateTimeOffset now, string timeZone = "UTC")
    {
        if (!BoardKey.IsValid(key))
        {
            throw new ArgumentException($"A board key is {BoardKey.Rule}.", nameof(key));
        }

        var board = new Board
        {
            Id = Guid.CreateVersion7(),
            Name = name,
            Key = key,
            TimeZone = timeZone,
            CreatedAt = now,
            Version = 1,
        };
        board.AddDefaultLanes();
        return board;
    }

    /// <summary>The backlog is always the first lane: work flows from it.</summary>
    private const int FirstAfterBacklog = 1;

    public IEnumerable<Lane> OrderedLanes => _lanes.OrderBy(l => l.Order);

    public Lane BacklogLane => _lanes.Single(l => l.Kind == LaneKind.Backlog);

    public Lane? FindLane(Guid laneId) => _lanes.Find(l => l.Id == laneId);

    public Lane AddLane(string name, LaneKind kind, int? wipLimit, bool untested, int? order)
    {
        if (kind == LaneKind.Backlog)
        {
            throw new RuleViolation(
                "validation-failed",
                "A board has one backlog",
                "This board already has its backlog lane; choose Queue, Active or Done for a new lane.");
        }

        var position = Math.Clamp(order ?? _lanes.Count, FirstAfterBacklog, _lanes.Count);
        foreach (var other in _lanes.Where(l => l.Order >= position))
        {
            other.Order++;
        }

        var lane = new Lane(Id, name, kind, wipLimit, untested, position);
        _lanes.Add(lane);
        Renumber();
        Version++;
        return lane;
    }

    public void UpdateLane(Lane lane, string name, LaneKind kind, int? wipLimit, bool untested, int order)
    {
        if (lane.Kind != kind && (lane.Kind == LaneKind.Backlog || kind == LaneKind.Backlog))
        {
            throw new RuleViolation(
                "validation-failed",
                "A board has one backlog",
                "The backlog lane stays the backlog, and no other lane can become one.");
        }

        if (lane.Kind == LaneKind.Done && kind != LaneKind.Done && _lanes.Count(l => l.Kind == LaneKind.Done) == 1)
        {
            throw new RuleViolation(
                "validation-failed",
                "A board needs a done lane",
                $"'{lane.Name}' is the board's only done lane; add another done lane before changing its kind.");
        }

        lane.Name = name;
        lane.Kind = kind;
        lane.WipLimit = wipLimit;
        lane.Untested = untested;

        var others = OrderedLanes.Where(l => l != lane).ToList();
        others.Insert(lane.Kind == LaneKind.Backlog ? 0 : Math.Clamp(order, FirstAfterBacklog, others.Count), lane);
        for (var i = 0; i < others.Count; i++)
        {
            others[i].Order = i;
        }

        Version++;
    }

    public void RemoveLane(Lane lane, int cardsInLane)
    {
        if (cardsInLane > 0)
        {
            throw new RuleViolation(
                "lane-not-empty",
                "Lane is not empty",
                $"'{lane.Name}' still holds {cardsInLane} card(s); move them to another lane before deleting it.",
                new Dictionary<string, object?> { ["laneId"] = lane.Id, ["laneName"] = lane.Name, ["count"] = cardsInLane });
        }

        if (lane.Kind == LaneKind.Backlog
            || (lane.Kind == LaneKind.Done && _lanes.Count(l => l.Kind == LaneKind.Done) == 1))
        {
            throw new RuleViolation(
                "validation-failed",
                "Lane is required",
                $"'{lane.Name}' cannot be deleted: a board keeps its backlog and at least one done lane.");
        }

        _lanes.Remove(lane);
        Renumber();
        Version++;
    }

    /// <summary>Puts a new ticket at the end of the backlog, after <paramref name="lastInBacklog"/>.</summary>
    public Card SubmitTicket(TicketContent content, Card? lastInBacklog, DateTimeOffset now, Guid? byUserId, out CardTransition arrival)
    {
        LastCardNumber++;
        var card = new Card(Id, LastCardNumber, BoardKey.CardKey(Key, LastCardNumber), content, now);
        var backlog = BacklogLane;
        LaneOrder.Place(card, lastInBacklog is null ? [] : [lastInBacklog], index: null);
        card.PlaceOnBoard(backlog, now);
        arrival = new CardTransition(Id, card.Id, null, backlog.Id, now, byUserId);
        Version++;
        return card;
    }

    /// <summary>
    /// Moves <paramref name="card"/> to <paramref name="index"/> of <paramref name="target"/>, whose other
    /// cards are <paramref name="targetCards"/> in rank order. A done lane is kept in order of
    /// completion: a card entering it goes last, and <paramref name="targetCards"/> need only hold its
    /// last card. Returns the transition, or null for a reorder within the lane.
    /// </summary>
    public CardTransition? MoveCard(Card card, Lane target, IReadOnlyList<Card> targetCards, int? index, DateTimeOffset now, Guid? byUserId)
    {
        if (card.BoardId != Id || target.BoardId != Id || card.State != TicketState.OnBoard)
        {
            throw new InvalidOperationException("The card and the lane must be on this board.");
        }

        var from = card.LaneId;
        Version++;
        if (from == target.Id)
        {
            if (target.Kind != LaneKind.Done)
            {
                LaneOrder.Place(card, targetCards.Where(c => c.Id != card.Id).ToList(), index);
            }

            card.Touch(now);
            return null;
        }

        LaneOrder.Place(card, targetCards.Where(c => c.Id != card.Id).ToList(), target.Kind == LaneKind.Done ? null : index);

        card.EnterLane(target, now);
        return new CardTransition(Id, card.Id, from, target.Id, now, byUserId);
    }

    private void AddDefaultLanes()
    {
        _lanes.AddRange(
        [
            new Lane(Id, "Backlog", LaneKind.Backlog, null, untested: false, 0),
            new Lane(Id, "Ready", LaneKind.Queue, 5, untested: false, 1),
            new Lane(Id, "In progress", LaneKind.Active, 3, untested: false, 2),
            new Lane(Id, "Ready for test", LaneKind.Queue, 3, untested: true, 3),
            new Lane(Id, "Testing", LaneKind.Active, 2, untested: true, 4),
            new Lane(Id, "Done", LaneKind.Done, null, untested: false, 5),
        ]);
    }

    private void Renumber()
    {
        var i = 0;
        foreach (var lane in OrderedLanes.ToList())
        {
            lane.Order = i++;
        }
    }
}
