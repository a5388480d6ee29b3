using Kanban.Domain.Boards;

namespace Kanban.Domain.Cards;

/// <summary>
/// A ticket and, once it is on the board, its card: one identity from submission to done, so the
/// ticket and card routes share an id and the history is never split.
/// </summary>
public sealed class Card
{
    private Card()
    {
        Key = Title = Description = "";
    }

    internal Card(Guid boardId, int number, string key, TicketContent content, DateTimeOffset now, Guid? submittedBy = null)
    {
        Id = Guid.CreateVersion7();
        BoardId = boardId;
        Number = number;
        Key = key;
        Title = content.Title;
        Description = content.Description;
        DefinitionOfDone = [.. content.DefinitionOfDone];
        EstimateDays = content.EstimateDays;
        Class = content.Class;
        SubmittedBy = submittedBy;
        CreatedAt = now;
        UpdatedAt = now;
    }

    /// <summary>
    /// Restores a card as recorded elsewhere (a board file), with its state, place, times and block.
    /// Rules are not re-applied: a history that broke a limit at some point is still true history.
    /// </summary>
    public static Card Restore(
        Guid boardId,
        int number,
        string key,
        TicketContent content,
        TicketState state,
        Guid? laneId,
        long rank,
        Guid? assigneeId,
        (string Reason, DateTimeOffset Since)? blocked,
        DateTimeOffset createdAt,
        DateTimeOffset? startedAt,
        DateTimeOffset? completedAt,
        DateTimeOffset? lastMovedAt,
        DateTimeOffset updatedAt,
        Guid? submittedBy = null) =>
        new(boardId, number, key, content, createdAt, submittedBy)
        {
            State = state,
            LaneId = laneId,
            Rank = rank,
            AssigneeId = assigneeId,
            Blocked = blocked is not null,
            BlockedReason = blocked?.Reason,
            BlockedSince = blocked?.Since,
            StartedAt = startedAt,
            CompletedAt = completedAt,
            LastMovedAt = lastMovedAt,
            UpdatedAt = updatedAt,
        };

    public Guid Id { get; private set; }
    public Guid BoardId { get; private set; }
    public int Number { get; private set; }
    public string Key { get; private set; }
    public string Title { get; private set; }
    public string Description { get; private set; }
    public List<string> DefinitionOfDone { get; private set; } = [];
    public decimal EstimateDays { get; private set; }
    public CardClass Class { get; private set; }
    public TicketState State { get; private set; }
    public Guid? LaneId { get; private set; }
    public long Rank { get; internal set; }
    public Guid? AssigneeId { get; private set; }
    public bool Blocked { get; private set; }
    public string? BlockedReason { get; private set; }
    public DateTimeOffset? BlockedSince { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Who submitted the ticket: the one it goes back to, and who may edit it in triage.</summary>
    public Guid? SubmittedBy { get; private set; }

    /// <summary>The ticket this one likely duplicates, until the product owner merges it or marks it distinct.</summary>
    public Guid? LikelyDuplicateOfId { get; private set; }

    /// <summary>The original this ticket was merged into.</summary>
    public Guid? DuplicateOfId { get; private set; }

    /// <summary>Triage or sent back: not on the board yet, not closed.</summary>
    public bool IsAwaitingTriage => State is TicketState.Triage or TicketState.SentBack;

    public TicketContent Content => new(Title, Description, DefinitionOfDone, EstimateDays, Class);

    /// <summary>When the card was first pulled out of the backlog: where its age and cycle time start.</summary>
    public DateTimeOffset? StartedAt { get; private set; }

    /// <summary>When the card entered the done lanes; kept while it moves among them, cleared when it leaves them.</summary>
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>When the card last entered a lane (its arrival on the board included); a reorder within a lane is not a move.</summary>
    public DateTimeOffset? LastMovedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Restores the link of a merged ticket to its original, as recorded elsewhere (a board file).</summary>
    public void RestoreDuplicateOf(Card original) => DuplicateOfId = OtherTicketOfThisBoard(original).Id;

    /// <summary>Restores an unresolved likely-duplicate flag, as recorded elsewhere (a board file).</summary>
    public void RestoreLikelyDuplicateOf(Card original) => LikelyDuplicateOfId = OtherTicketOfThisBoard(original).Id;

    private Card OtherTicketOfThisBoard(Card original) =>
        original.BoardId == BoardId && original.Id != Id
            ? original
            : throw new ArgumentException("The original must be another ticket of the same board.", nameof(original));

    internal void Edit(TicketContent content, DateTimeOffset now)
    {
        Title = content.Title;
        Description = content.Description;
        DefinitionOfDone = [.. content.DefinitionOfDone];
        EstimateDays = content.EstimateDays;
        Class = content.Class;
        UpdatedAt = now;
    }

    internal void ChangeState(TicketState state, DateTimeOffset now)
    {
        State = state;
        UpdatedAt = now;
    }

    internal void MarkLikelyDuplicateOf(Guid? original, DateTimeOffset now)
    {
        LikelyDuplicateOfId = original;
        UpdatedAt = now;
    }

    internal void MergeInto(Card original, DateTimeOffset now)
    {
        State = TicketState.Merged;
        DuplicateOfId = original.Id;
        LikelyDuplicateOfId = null;
        UpdatedAt = now;
    }

    internal void PlaceOnBoard(Lane lane, DateTimeOffset now)
    {
        State = TicketState.OnBoard;
        EnterLane(lane, now);
    }

    internal void EnterLane(Lane lane, DateTimeOffset now)
    {
        LaneId = lane.Id;
        if (lane.Kind != LaneKind.Backlog)
        {
            StartedAt ??= now;
        }

        CompletedAt = lane.Kind == LaneKind.Done ? CompletedAt ?? now : null;
        LastMovedAt = now;
        UpdatedAt = now;
    }

    internal void Touch(DateTimeOffset now) => UpdatedAt = now;

    /// <summary>Back in triage, off the board if it was on it: what an undone triage decision leaves.</summary>
    internal void ReturnToTriage(DateTimeOffset now)
    {
        State = TicketState.Triage;
        LaneId = null;
        Rank = 0;
        LastMovedAt = null;
        UpdatedAt = now;
    }

    internal void AssignTo(Guid? assignee, DateTimeOffset now)
    {
        AssigneeId = assignee;
        UpdatedAt = now;
    }

    /// <summary>Blocks the card, or changes the reason of a block, keeping when it started.</summary>
    internal void Block(string reason, DateTimeOffset now)
    {
        BlockedSince = Blocked ? BlockedSince : now;
        Blocked = true;
        BlockedReason = reason;
        UpdatedAt = now;
    }

    /// <summary>Returns how long the card was blocked, or null if it was not.</summary>
    internal TimeSpan? Unblock(DateTimeOffset now)
    {
        if (!Blocked)
        {
            return null;
        }

        var blockedFor = now - BlockedSince!.Value;
        Blocked = false;
        BlockedReason = null;
        BlockedSince = null;
        UpdatedAt = now;
        return blockedFor;
    }
}
