using Kanban.Domain.Cards;
using Kanban.Domain.Duplicates;
using Kanban.Domain.Problems;
using Kanban.Domain.Tickets;

namespace Kanban.Domain.Boards;

/// <summary>
/// A team's workflow and the consistency boundary for what its lanes hold. Every change raises a
/// <see cref="BoardEvent"/> and bumps <see cref="Version"/>, which the database checks on save, so two
/// changes decided on the same counts cannot both be stored.
/// </summary>
/// <remarks>
/// The rules need the board's current lane counts, which the caller reads from the database
/// (without loading the cards) and passes in; <see cref="LineStops"/> holds only the open stops.
/// </remarks>
public sealed class Board
{
    /// <summary>The backlog is always the first lane: work flows from it.</summary>
    private const int FirstAfterBacklog = 1;

    private readonly List<Lane> _lanes = [];
    private readonly List<LineStop> _lineStops = [];
    private readonly List<BoardEvent> _events = [];

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

    /// <summary>The open stops of the line (at most one of each kind).</summary>
    public IReadOnlyList<LineStop> LineStops => _lineStops;

    /// <summary>What changed since the board was loaded, in order, each with its version.</summary>
    public IReadOnlyList<BoardEvent> Events => _events;

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

    /// <summary>
    /// Restores a board as recorded elsewhere (a board file): its lanes in the order given, its
    /// settings, times and card numbering. Rules are not re-applied and no event is raised.
    /// </summary>
    public static Board Restore(
        string name,
        string key,
        string timeZone,
        BoardSettings settings,
        DateTimeOffset createdAt,
        int lastCardNumber,
        IEnumerable<(string Name, LaneKind Kind, int? WipLimit, bool Untested)> lanes,
        long version = 1)
    {
        var board = new Board
        {
            Id = Guid.CreateVersion7(),
            Name = name,
            Key = key,
            TimeZone = timeZone,
            Settings = settings,
            CreatedAt = createdAt,
            LastCardNumber = lastCardNumber,
            Version = version,
        };
        var order = 0;
        foreach (var lane in lanes)
        {
            board._lanes.Add(new Lane(board.Id, lane.Name, lane.Kind, lane.WipLimit, lane.Untested, order++));
        }

        return board;
    }

    public IEnumerable<Lane> OrderedLanes => _lanes.OrderBy(l => l.Order);

    public Lane BacklogLane => _lanes.Single(l => l.Kind == LaneKind.Backlog);

    public Lane? FindLane(Guid laneId) => _lanes.Find(l => l.Id == laneId);

    /// <summary>Untested cards at or above which the line stops; 0 means it never stops by itself.</summary>
    public int StopLineThreshold =>
        Settings.StopLineThreshold ?? _lanes.Where(l => l.Untested).Sum(l => l.WipLimit ?? 0);

    public int UntestedCount(IReadOnlyDictionary<Guid, int> laneCounts) =>
        _lanes.Where(l => l.Untested).Sum(l => laneCounts.GetValueOrDefault(l.Id));

    public LineState Line
    {
        get
        {
            var stop = _lineStops.Where(s => s.ResumedAt is null)
                .OrderByDescending(s => s.Kind == LineStopKind.Manual)
                .ThenBy(s => s.StoppedAt)
                .FirstOrDefault();
            return stop is null ? LineState.Running : new LineState(true, stop.StoppedAt, stop.Reason, stop.Kind, stop.StoppedBy);
        }
    }

    public Lane AddLane(string name, LaneKind kind, int? wipLimit, bool untested, int? order, IReadOnlyDictionary<Guid, int> laneCounts, DateTimeOffset now, Guid? by)
    {
        if (kind == LaneKind.Backlog)
        {
            throw new RuleViolation(
                ProblemType.ValidationFailed,
                "A board has one backlog",
                "This board already has its backlog lane; choose Queue, Active or Done for a new lane.");
        }

        EnsureUntestedFits(kind, untested);
        var position = Math.Clamp(order ?? _lanes.Count, FirstAfterBacklog, _lanes.Count);
        foreach (var other in _lanes.Where(l => l.Order >= position))
        {
            other.Order++;
        }

        var lane = new Lane(Id, name, kind, wipLimit, untested, position);
        _lanes.Add(lane);
        Raise(new LaneAdded(now, by, lane.Id, lane.Name, kind, wipLimit, untested, position));
        ReconcileLine(laneCounts, now, by);
        return lane;
    }

    /// <summary>
    /// Changes a lane. A limit may go below the lane's count: no card is ejected, nothing more enters.
    /// A lane saved as it is changes nothing and raises no event.
    /// </summary>
    public void UpdateLane(Lane lane, string name, LaneKind kind, int? wipLimit, bool untested, int order, IReadOnlyDictionary<Guid, int> laneCounts, DateTimeOffset now, Guid? by)
    {
        if (lane.Kind != kind && (lane.Kind == LaneKind.Backlog || kind == LaneKind.Backlog))
        {
            throw new RuleViolation(
                ProblemType.ValidationFailed,
                "A board has one backlog",
                "The backlog lane stays the backlog, and no other lane can become one.");
        }

        if (lane.Kind == LaneKind.Done && kind != LaneKind.Done && _lanes.Count(l => l.Kind == LaneKind.Done) == 1)
        {
            throw new RuleViolation(
                ProblemType.ValidationFailed,
                "A board needs a done lane",
                $"'{lane.Name}' is the board's only done lane; add another done lane before changing its kind.");
        }

        EnsureUntestedFits(kind, untested);
        var before = LaneSnapshot.Of(lane);
        var position = kind == LaneKind.Backlog ? 0 : Math.Clamp(order, FirstAfterBacklog, _lanes.Count - 1);
        if (before == new LaneSnapshot(name, kind, wipLimit, untested, position))
        {
            return;
        }

        lane.Name = name;
        lane.Kind = kind;
        lane.WipLimit = wipLimit;
        lane.Untested = untested;

        var others = OrderedLanes.Where(l => l != lane).ToList();
        others.Insert(position, lane);
        for (var i = 0; i < others.Count; i++)
        {
            others[i].Order = i;
        }

        Raise(new LaneChanged(now, by, lane.Id, before, LaneSnapshot.Of(lane)));
        ReconcileLine(laneCounts, now, by);
    }

    public void RemoveLane(Lane lane, IReadOnlyDictionary<Guid, int> laneCounts, DateTimeOffset now, Guid? by)
    {
        var count = laneCounts.GetValueOrDefault(lane.Id);
        if (count > 0)
        {
            throw new RuleViolation(
                ProblemType.LaneNotEmpty,
                "Lane is not empty",
                $"'{lane.Name}' still holds {count} card(s); move them to another lane before deleting it.",
                new Dictionary<string, object?> { ["laneId"] = lane.Id, ["laneName"] = lane.Name, ["count"] = count });
        }

        if (lane.Kind == LaneKind.Backlog
            || (lane.Kind == LaneKind.Done && _lanes.Count(l => l.Kind == LaneKind.Done) == 1))
        {
            throw new RuleViolation(
                ProblemType.ValidationFailed,
                "Lane is required",
                $"'{lane.Name}' cannot be deleted: a board keeps its backlog and at least one done lane.");
        }

        _lanes.Remove(lane);
        var i = 0;
        foreach (var other in OrderedLanes.ToList())
        {
            other.Order = i++;
        }

        Raise(new LaneRemoved(now, by, lane.Id, lane.Name));
        ReconcileLine(laneCounts, now, by);
    }

    /// <summary>Settings saved as they are change nothing and raise no event.</summary>
    public void ChangeSettings(BoardSettings settings, IReadOnlyDictionary<Guid, int> laneCounts, DateTimeOffset now, Guid? by)
    {
        var changes = Settings.DifferencesTo(settings);
        if (changes.Count == 0 && Settings.FillerWords.SequenceEqual(settings.FillerWords, StringComparer.Ordinal))
        {
            return;
        }

        Settings = settings;
        Raise(new SettingsChanged(now, by, changes));
        ReconcileLine(laneCounts, now, by);
    }

    /// <summary>
    /// Rule 6: a new ticket goes into the triage inbox, never straight onto the board. Rule 7: when the
    /// best of <paramref name="duplicates"/> (this board's tickets most like it, best first) reaches the
    /// board's threshold, the ticket is marked as its likely duplicate.
    /// </summary>
    public Card SubmitTicket(TicketContent content, DateTimeOffset now, Guid? by, IReadOnlyList<DuplicateMatch>? duplicates = null)
    {
        LastCardNumber++;
        var card = new Card(Id, LastCardNumber, BoardKey.CardKey(Key, LastCardNumber), content, now, by);
        var original = DuplicateRules.LikelyOriginal(duplicates ?? [], Settings.DuplicateThreshold, []);
        if (original is not null)
        {
            card.MarkLikelyDuplicateOf(original.Ticket.Id, now);
        }

        Raise(new TicketSubmitted(now, by, card.Id, card.Key, original?.Ticket.Id, original?.Ticket.Key));
        return card;
    }

    /// <summary>
    /// Changes what a ticket says, if <see cref="TicketEditing"/> lets <paramref name="by"/> with
    /// <paramref name="byRole"/> do so. A ticket sent back returns to triage with the edit; a card on
    /// the board must still pass the gates, so an edit cannot take it around them.
    /// </summary>
    /// <param name="expectedUpdatedAt">The ticket's last change as the editor read it; see <see cref="TriageRefusals.EnsureUnchangedSince"/>.</param>
    /// <param name="duplicates">
    /// The board's tickets most like the edited text, best first. A ticket awaiting triage is marked again by
    /// them (rule 7), but never as a duplicate of one in <paramref name="distinctFrom"/>: those the product
    /// owner has already said it is not.
    /// </param>
    public void EditTicket(
        Card card,
        TicketContent content,
        DateTimeOffset now,
        Guid? by,
        BoardRole byRole,
        DateTimeOffset? expectedUpdatedAt = null,
        IReadOnlyList<DuplicateMatch>? duplicates = null,
        IReadOnlyCollection<Guid>? distinctFrom = null)
    {
        EnsureOnThisBoard(card);
        TicketEditing.EnsureMayEdit(card, by, byRole);
        TriageRefusals.EnsureUnchangedSince(card, expectedUpdatedAt);
        if (card.State is TicketState.Rejected or TicketState.Merged)
        {
            throw TriageRefusals.Closed(card);
        }

        // Saving what the ticket already says changes nothing, so it records nothing. A ticket sent
        // back is the exception: saving it resubmits it, which is a change of its own.
        if (card.State != TicketState.SentBack && card.Content.SameAs(content))
        {
            return;
        }

        if (card.State == TicketState.OnBoard && FailingGates(content) is { Count: > 0 } failing)
        {
            throw TriageRefusals.GatesFailed(card, failing, "Fix them before saving: a card on the board keeps passing the gates.");
        }

        var resubmitted = card.State == TicketState.SentBack;
        card.Edit(content, now);
        if (resubmitted)
        {
            card.ChangeState(TicketState.Triage, now);
        }

        // An edit may flag a ticket or point its flag at a likelier original, but never clears it:
        // only the product owner does that, by merging it or marking it distinct (rule 7).
        if (card.IsAwaitingTriage && duplicates is not null
            && DuplicateRules.LikelyOriginal(duplicates, Settings.DuplicateThreshold, distinctFrom ?? []) is { } original)
        {
            card.MarkLikelyDuplicateOf(original.Ticket.Id, now);
        }

        Raise(new TicketEdited(
            now, by, card.Id, card.Key, resubmitted, card.State, card.State == TicketState.OnBoard ? CardSnapshot.Of(card) : null, card.LikelyDuplicateOfId));
    }

    /// <summary>
    /// The product owner accepts a ticket onto the backlog at <paramref name="index"/> (the end when
    /// null) among <paramref name="backlogCards"/>, in rank order. The gates are binding here.
    /// </summary>
    /// <param name="likelyOriginal">The ticket <paramref name="card"/> likely duplicates, when it is marked so.</param>
    public CardTransition AcceptTicket(
        Card card,
        Card? likelyOriginal,
        IReadOnlyList<Card> backlogCards,
        int? index,
        IReadOnlyDictionary<Guid, int> laneCounts,
        DateTimeOffset now,
        Guid? by)
    {
        EnsureOnThisBoard(card);
        if (card.State != TicketState.Triage)
        {
            throw TriageRefusals.NotInTriage(card, "accepted");
        }

        likelyOriginal = likelyOriginal?.Id == card.LikelyDuplicateOfId ? likelyOriginal : null;
        var gates = QualityGates.CheckStored(card, Settings, likelyOriginal?.Key);
        var failing = gates.Where(g => !g.Passed).ToList();
        if (failing.Any(g => g.Gate != QualityGates.Duplicate))
        {
            throw TriageRefusals.GatesFailed(card, failing, "Send it back with a comment so the submitter can fix it.");
        }

        if (card.LikelyDuplicateOfId is not null)
        {
            throw TriageRefusals.StillLikelyDuplicate(card, likelyOriginal);
        }

        var backlog = BacklogLane;
        EnsureRoom(backlog, laneCounts);
        var renumbered = LaneOrder.Place(card, [.. backlogCards.Where(c => c.Id != card.Id)], index);
        card.PlaceOnBoard(backlog, now);
        Raise(new TicketAccepted(now, by, card.Id, card.Key, backlog.Id, backlog.Name, CardSnapshot.Of(card), CardRank.Of(renumbered)));
        return new CardTransition(Id, card.Id, null, backlog.Id, now, by);
    }

    /// <summary>The product owner returns a ticket to its submitter with what to change.</summary>
    public TicketComment SendBackTicket(Card card, string comment, DateTimeOffset now, Guid? by)
    {
        EnsureOnThisBoard(card);
        if (card.State != TicketState.Triage)
        {
            throw TriageRefusals.NotInTriage(card, "sent back");
        }

        card.ChangeState(TicketState.SentBack, now);
        Raise(new TicketSentBack(now, by, card.Id, card.Key));
        return new TicketComment(Id, card.Id, TicketCommentKind.SentBack, comment, now, by);
    }

    public TicketComment RejectTicket(Card card, string reason, DateTimeOffset now, Guid? by)
    {
        EnsureAwaitingTriage(card, "rejected");
        var was = card.State;
        card.ChangeState(TicketState.Rejected, now);
        Raise(new TicketRejected(now, by, card.Id, card.Key, was));
        return new TicketComment(Id, card.Id, TicketCommentKind.Rejected, reason, now, by);
    }

    /// <summary>
    /// Closes <paramref name="card"/> as a duplicate of <paramref name="original"/>, which keeps the
    /// duplicate's text as a comment, so nothing the submitter wrote is lost.
    /// </summary>
    public TicketComment MergeTicket(Card card, Card original, DateTimeOffset now, Guid? by)
    {
        EnsureAwaitingTriage(card, "merged");
        if (original.BoardId != Id)
        {
            throw TriageRefusals.BadOriginal(card, "the original must be a ticket of the same board.");
        }

        if (original.Id == card.Id)
        {
            throw TriageRefusals.BadOriginal(card, "a ticket cannot be a duplicate of itself.");
        }

        if (original.State is TicketState.Rejected or TicketState.Merged)
        {
            throw TriageRefusals.BadOriginal(card, $"{original.Key} is closed ({original.State}); merge into the ticket that is still open.");
        }

        card.MergeInto(original, now);
        // Merged the other way round from the flag: the original has taken in what it was flagged against.
        if (original.LikelyDuplicateOfId == card.Id)
        {
            original.MarkLikelyDuplicateOf(null, now);
        }

        Raise(new TicketMerged(now, by, card.Id, card.Key, original.Id, original.Key));
        return new TicketComment(Id, original.Id, TicketCommentKind.MergedDuplicate, MergedText(card), now, by);
    }

    /// <summary>The product owner records that a ticket is not a duplicate of the one it looked like.</summary>
    public void MarkTicketDistinct(Card card, DateTimeOffset now, Guid? by)
    {
        EnsureAwaitingTriage(card, "marked distinct");
        var was = card.LikelyDuplicateOfId;
        card.MarkLikelyDuplicateOf(null, now);
        Raise(new TicketMarkedDistinct(now, by, card.Id, card.Key, was, card.State));
    }

    /// <summary>A member writes on a ticket, in any state. It changes what the ticket says no more than a conversation would: its <c>UpdatedAt</c> stays.</summary>
    public TicketComment CommentOnTicket(Card card, string text, DateTimeOffset now, Guid? by)
    {
        EnsureOnThisBoard(card);
        var comment = new TicketComment(Id, card.Id, TicketCommentKind.Comment, text, now, by);
        Raise(new TicketCommented(now, by, card.Id, card.Key, comment.Id, card.State));
        return comment;
    }

    /// <summary>
    /// Takes back the caller's last triage decision on <paramref name="card"/> if <see cref="TriageUndo"/>
    /// allows it (see there for what the trail entries are). An undone accept takes the card off the
    /// board; the caller removes its arrival transition, so the metrics never see it. An undone
    /// rejection returns the ticket to <paramref name="rejectedFrom"/> (its <see cref="TicketRejected.Was"/>):
    /// a ticket rejected while sent back waits for its submitter again.
    /// </summary>
    public TriageDecision UndoTriageDecision(
        Card card, ActivityEntry? lastDecision, IReadOnlyList<ActivityEntry> since, DateTimeOffset now, Guid? by, TicketState rejectedFrom = TicketState.Triage)
    {
        EnsureOnThisBoard(card);
        var backlog = BacklogLane;
        var undone = TriageUndo.Decide(card, backlog, lastDecision, since, by, now);
        var fromLane = card.LaneId;
        var state = undone == TriageDecision.Rejected && rejectedFrom == TicketState.SentBack ? TicketState.SentBack : TicketState.Triage;
        card.ReturnToTriage(now);
        if (state != TicketState.Triage)
        {
            card.ChangeState(state, now);
        }

        Raise(new TicketDecisionUndone(now, by, card.Id, card.Key, undone, undone == TriageDecision.Accepted ? fromLane : null, state));
        return undone;
    }

    /// <summary>
    /// Moves <paramref name="card"/> to <paramref name="index"/> of <paramref name="target"/>, whose other
    /// cards are <paramref name="targetCards"/> in rank order, if the rules allow it. A done lane is kept
    /// in order of completion: a card entering it goes last, and <paramref name="targetCards"/> need only
    /// hold its last card. Returns the transition, or null for a reorder within the lane. A move to the
    /// card's own lane and place (or within a done lane, whose order is the order of completion)
    /// changes nothing and raises no event.
    /// </summary>
    /// <param name="assigneeActiveCards">How many cards the card's assignee holds in active lanes.</param>
    public CardTransition? MoveCard(
        Card card,
        Lane target,
        IReadOnlyList<Card> targetCards,
        int? index,
        IReadOnlyDictionary<Guid, int> laneCounts,
        int assigneeActiveCards,
        DateTimeOffset now,
        Guid? by)
    {
        EnsureCardOnBoard(card);
        if (target.BoardId != Id || FindLane(card.LaneId!.Value) is not { } source)
        {
            throw new InvalidOperationException("The card and the lane must be on this board.");
        }

        var others = targetCards.Where(c => c.Id != card.Id).ToList();
        if (source == target)
        {
            if (target.Kind == LaneKind.Done || LaneOrder.IsAt(card, others, index))
            {
                return null;
            }

            var reordered = LaneOrder.Place(card, others, index);
            card.Touch(now);
            Raise(new CardMoved(now, by, card.Id, card.Key, source.Id, source.Name, target.Id, target.Name, CardSnapshot.Of(card), CardRank.Of(reordered)));
            return null;
        }

        EnsureRoom(target, laneCounts);
        if (target.Kind == LaneKind.Active && source.Kind != LaneKind.Active && card.AssigneeId is { } assignee)
        {
            EnsurePersonalRoom(assignee, assigneeActiveCards);
        }

        EnsureLineAllowsPull(source, target, laneCounts);

        var renumbered = LaneOrder.Place(card, others, target.Kind == LaneKind.Done ? null : index);
        card.EnterLane(target, now);
        Raise(new CardMoved(now, by, card.Id, card.Key, source.Id, source.Name, target.Id, target.Name, CardSnapshot.Of(card), CardRank.Of(renumbered)));
        ReconcileLine(CountsAfterMove(laneCounts, source, target), now, by);
        return new CardTransition(Id, card.Id, source.Id, target.Id, now, by);
    }

    /// <param name="assigneeActiveCards">How many cards <paramref name="assignee"/> holds in active lanes.</param>
    public void AssignCard(Card card, Guid? assignee, int assigneeActiveCards, DateTimeOffset now, Guid? by)
    {
        EnsureCardOnBoard(card);
        if (card.AssigneeId == assignee)
        {
            return;
        }

        if (assignee is { } person && card.LaneId is { } laneId && FindLane(laneId)?.Kind == LaneKind.Active)
        {
            EnsurePersonalRoom(person, assigneeActiveCards);
        }

        var before = card.AssigneeId;
        card.AssignTo(assignee, now);
        Raise(new CardAssigned(now, by, card.Id, card.Key, before, assignee, CardSnapshot.Of(card)));
    }

    /// <summary>
    /// Blocks a card, or changes its reason; blocking it again for the same reason changes nothing.
    /// Returns the new period of blocked time to store, or null when the card was already blocked.
    /// </summary>
    public CardBlock? BlockCard(Card card, string reason, DateTimeOffset now, Guid? by)
    {
        EnsureCardOnBoard(card);
        if (card.Blocked && card.BlockedReason == reason)
        {
            return null;
        }

        var period = card.Blocked ? null : new CardBlock(Id, card.Id, reason, now);
        card.Block(reason, now);
        Raise(new CardBlocked(now, by, card.Id, card.Key, reason, CardSnapshot.Of(card)));
        return period;
    }

    /// <summary>
    /// Unblocks a card, ending its stored period of blocked time. Returns a period to store when none
    /// was (a block from before periods were kept), so its blocked time is not lost.
    /// </summary>
    /// <param name="openPeriod">The card's stored period that is still open; null when none was stored.</param>
    public CardBlock? UnblockCard(Card card, CardBlock? openPeriod, DateTimeOffset now, Guid? by)
    {
        EnsureCardOnBoard(card);
        if (openPeriod is not null && (openPeriod.CardId != card.Id || openPeriod.UnblockedAt is not null))
        {
            throw new ArgumentException("The period is not this card's open one.", nameof(openPeriod));
        }

        var (reason, since) = (card.BlockedReason, card.BlockedSince);
        if (card.Unblock(now) is not { } blockedFor)
        {
            return null;
        }

        Raise(new CardUnblocked(now, by, card.Id, card.Key, blockedFor, CardSnapshot.Of(card)));
        if (openPeriod is not null)
        {
            openPeriod.End(now);
            return null;
        }

        var unrecorded = new CardBlock(Id, card.Id, reason!, since!.Value);
        unrecorded.End(now);
        return unrecorded;
    }

    /// <summary>
    /// Records a change of who is on the board. It bumps the board's version like every change, so
    /// two changes decided on the same product owners (each demoting the other) cannot both be stored.
    /// </summary>
    public void RecordMemberChange(Guid userId, BoardRole? from, BoardRole? to, DateTimeOffset now, Guid? by)
    {
        if (from != to)
        {
            Raise(new MemberChanged(now, by, userId, from, to));
        }
    }

    /// <summary>A note beside the status; it changes no figure and no colour.</summary>
    public StatusNote AddStatusNote(string text, DateTimeOffset now, Guid? by)
    {
        var note = new StatusNote(Id, text, now, by);
        Raise(new StatusNoteAdded(now, by, note.Id, text));
        return note;
    }

    /// <summary>The andon cord: anyone on the team stops the line, with a reason.</summary>
    public LineStop StopLine(string reason, DateTimeOffset now, Guid? by)
    {
        if (OpenStop(LineStopKind.Manual) is { } open)
        {
            throw FlowRefusals.AlreadyStopped(open);
        }

        var stop = new LineStop(Id, LineStopKind.Manual, reason, now, by);
        _lineStops.Add(stop);
        Raise(new LineStopped(now, by, stop.Id, stop.Kind, reason, Line));
        return stop;
    }

    /// <summary>
    /// Resumes a line stopped by hand: whoever stopped it may, and so may anyone allowed to resume
    /// any stop (the product owner). A line stopped by untested work resumes by itself.
    /// </summary>
    public LineStop ResumeLine(string note, DateTimeOffset now, Guid? by, bool mayResumeAnyStop)
    {
        var stop = OpenStop(LineStopKind.Manual) ?? throw FlowRefusals.NothingToResume(OpenStop(LineStopKind.Auto));
        if (!mayResumeAnyStop && stop.StoppedBy != by)
        {
            throw FlowRefusals.NotYoursToResume();
        }

        stop.Resume(now, by, note);
        Raise(new LineResumed(now, by, stop.Id, stop.Kind, note, stop.Lasted!.Value, Line));
        return stop;
    }

    /// <summary>The stop this board's counts call for: opened when untested work reaches the threshold, closed when it falls under.</summary>
    private void ReconcileLine(IReadOnlyDictionary<Guid, int> laneCounts, DateTimeOffset now, Guid? by)
    {
        var untested = UntestedCount(laneCounts);
        var threshold = StopLineThreshold;
        var shouldStop = threshold > 0 && untested >= threshold;
        var open = OpenStop(LineStopKind.Auto);

        if (shouldStop && open is null)
        {
            var reason = $"{untested} untested cards, threshold {threshold}";
            var stop = new LineStop(Id, LineStopKind.Auto, reason, now, by);
            _lineStops.Add(stop);
            Raise(new LineStopped(now, by, stop.Id, stop.Kind, reason, Line));
        }
        else if (!shouldStop && open is not null)
        {
            var note = $"untested cards down to {untested}, under the threshold of {threshold}";
            open.Resume(now, by, note);
            Raise(new LineResumed(now, by, open.Id, open.Kind, note, open.Lasted!.Value, Line));
        }
    }

    private void EnsureRoom(Lane lane, IReadOnlyDictionary<Guid, int> laneCounts)
    {
        var count = laneCounts.GetValueOrDefault(lane.Id);
        if (lane.WipLimit is { } limit && count >= limit)
        {
            throw FlowRefusals.LaneFull(lane, count, limit);
        }
    }

    private void EnsurePersonalRoom(Guid assignee, int activeCards)
    {
        if (activeCards >= Settings.PersonalWipLimit)
        {
            throw FlowRefusals.PersonFull(assignee, activeCards, Settings.PersonalWipLimit);
        }
    }

    /// <summary>
    /// A stopped line refuses pulls: forward moves into a queue or active lane upstream of the first
    /// untested lane. Moves downstream drain the line and moves backward add no work, so both stay allowed.
    /// </summary>
    private void EnsureLineAllowsPull(Lane source, Lane target, IReadOnlyDictionary<Guid, int> laneCounts)
    {
        var firstUntested = _lanes.Where(l => l.Untested).Select(l => l.Order).DefaultIfEmpty(int.MaxValue).Min();
        var isPull = target.Kind is LaneKind.Queue or LaneKind.Active && target.Order < firstUntested && target.Order > source.Order;
        if (!isPull)
        {
            return;
        }

        var untested = UntestedCount(laneCounts);
        var threshold = StopLineThreshold;
        var line = Line;
        var stoppedByCount = threshold > 0 && untested >= threshold;
        if (stoppedByCount || line.Kind == LineStopKind.Manual)
        {
            var reported = line.Kind == LineStopKind.Manual ? line : new LineState(true, line.Since, line.Reason, LineStopKind.Auto);
            throw FlowRefusals.PullRefused(target, reported, untested, threshold);
        }
    }

    /// <summary>Untested work is work in flow: built, not verified. The backlog and done lanes hold none.</summary>
    private static void EnsureUntestedFits(LaneKind kind, bool untested)
    {
        if (untested && kind is LaneKind.Backlog or LaneKind.Done)
        {
            throw new RuleViolation(
                ProblemType.ValidationFailed,
                "Only queue and active lanes can be untested",
                $"A {kind} lane holds work that is not started or already done; mark a queue or active lane as untested instead.");
        }
    }

    private List<GateResult> FailingGates(TicketContent content) =>
        [.. QualityGates.Check(content, Settings).Where(g => !g.Passed)];

    private void EnsureOnThisBoard(Card card)
    {
        if (card.BoardId != Id)
        {
            throw new InvalidOperationException("The ticket must be on this board.");
        }
    }

    /// <summary>Assigning, blocking and moving are for cards on the board; callers load only those.</summary>
    private void EnsureCardOnBoard(Card card)
    {
        if (card.BoardId != Id || card.State != TicketState.OnBoard)
        {
            throw new InvalidOperationException("The card must be on this board.");
        }
    }

    private void EnsureAwaitingTriage(Card card, string action)
    {
        EnsureOnThisBoard(card);
        if (!card.IsAwaitingTriage)
        {
            throw TriageRefusals.NotInTriage(card, action);
        }
    }

    private static string MergedText(Card duplicate)
    {
        var text = new System.Text.StringBuilder()
            .AppendLine($"Merged duplicate {duplicate.Key}: {duplicate.Title}")
            .AppendLine()
            .AppendLine(duplicate.Description);
        if (duplicate.DefinitionOfDone.Count > 0)
        {
            text.AppendLine().AppendLine("Definition of done:");
            foreach (var criterion in duplicate.DefinitionOfDone)
            {
                text.AppendLine($"- {criterion}");
            }
        }

        return text.ToString().TrimEnd();
    }

    private LineStop? OpenStop(LineStopKind kind) => _lineStops.Find(s => s.Kind == kind && s.ResumedAt is null);

    private static Dictionary<Guid, int> CountsAfterMove(IReadOnlyDictionary<Guid, int> laneCounts, Lane source, Lane target)
    {
        var counts = new Dictionary<Guid, int>(laneCounts);
        counts[source.Id] = counts.GetValueOrDefault(source.Id) - 1;
        counts[target.Id] = counts.GetValueOrDefault(target.Id) + 1;
        return counts;
    }

    private void Raise(BoardEvent change) => _events.Add(change with { Version = ++Version });

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
}
