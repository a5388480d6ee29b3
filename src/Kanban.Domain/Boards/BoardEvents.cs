using System.Globalization;
using Kanban.Domain.Cards;

namespace Kanban.Domain.Boards;

/// <summary>
/// Something that changed on a board. Each one bumps the board's version by one and carries it, so
/// clients can tell a missed change; each becomes one entry of the activity trail.
/// </summary>
public abstract record BoardEvent(DateTimeOffset At, Guid? By)
{
    public long Version { get; init; }

    public abstract string Summary { get; }
}

/// <summary>An event about one card (or ticket): the activity trail keeps its id, and the hub sends the card.</summary>
public interface ICardEvent
{
    Guid CardId { get; }

    string CardKey { get; }
}

/// <summary>An event about a card on the board, with the card as it was left by the change.</summary>
public interface ICardOnBoardEvent : ICardEvent
{
    CardSnapshot Card { get; }
}

/// <summary>An event about a ticket in triage: only its state travels, since viewers may not read triage.</summary>
public interface ITicketEvent : ICardEvent
{
    TicketState State { get; }
}

/// <param name="Renumbered">The other cards of the target lane whose rank changed to make room (usually none).</param>
public sealed record CardMoved(
    DateTimeOffset At,
    Guid? By,
    Guid CardId,
    string CardKey,
    Guid FromLaneId,
    string FromLaneName,
    Guid ToLaneId,
    string ToLaneName,
    CardSnapshot Card,
    IReadOnlyList<CardRank> Renumbered)
    : BoardEvent(At, By), ICardOnBoardEvent
{
    public override string Summary => FromLaneId == ToLaneId
        ? $"{CardKey} reordered in {ToLaneName}"
        : $"{CardKey} moved from {FromLaneName} to {ToLaneName}";
}

public sealed record CardAssigned(DateTimeOffset At, Guid? By, Guid CardId, string CardKey, Guid? FromAssigneeId, Guid? ToAssigneeId, CardSnapshot Card)
    : BoardEvent(At, By), ICardOnBoardEvent
{
    public override string Summary => ToAssigneeId is null ? $"{CardKey} unassigned" : $"{CardKey} assigned";
}

public sealed record CardBlocked(DateTimeOffset At, Guid? By, Guid CardId, string CardKey, string Reason, CardSnapshot Card)
    : BoardEvent(At, By), ICardOnBoardEvent
{
    public override string Summary => $"{CardKey} blocked: {Reason}";
}

public sealed record CardUnblocked(DateTimeOffset At, Guid? By, Guid CardId, string CardKey, TimeSpan BlockedFor, CardSnapshot Card)
    : BoardEvent(At, By), ICardOnBoardEvent
{
    public override string Summary => $"{CardKey} unblocked after {Durations.Describe(BlockedFor)}";
}

public sealed record LaneAdded(DateTimeOffset At, Guid? By, Guid LaneId, string LaneName, LaneKind Kind, int? WipLimit, bool Untested, int Order)
    : BoardEvent(At, By)
{
    public override string Summary => $"Lane {LaneName} added ({Kind}, {Limits.Describe(WipLimit)}{(Untested ? ", untested" : "")})";
}

public sealed record LaneChanged(DateTimeOffset At, Guid? By, Guid LaneId, LaneSnapshot Before, LaneSnapshot After)
    : BoardEvent(At, By)
{
    public override string Summary => $"Lane {Before.Name}: {string.Join("; ", Changes())}";

    private IEnumerable<string> Changes()
    {
        if (Before.Name != After.Name) yield return $"renamed to {After.Name}";
        if (Before.Kind != After.Kind) yield return $"kind {Before.Kind} → {After.Kind}";
        if (Before.WipLimit != After.WipLimit) yield return $"WIP limit {Before.WipLimit?.ToString(CultureInfo.InvariantCulture) ?? "none"} → {After.WipLimit?.ToString(CultureInfo.InvariantCulture) ?? "none"}";
        if (Before.Untested != After.Untested) yield return After.Untested ? "now untested" : "no longer untested";
        if (Before.Order != After.Order) yield return $"position {Before.Order + 1} → {After.Order + 1}";
    }
}

public sealed record LaneSnapshot(string Name, LaneKind Kind, int? WipLimit, bool Untested, int Order)
{
    public static LaneSnapshot Of(Lane lane) => new(lane.Name, lane.Kind, lane.WipLimit, lane.Untested, lane.Order);
}

public sealed record LaneRemoved(DateTimeOffset At, Guid? By, Guid LaneId, string LaneName)
    : BoardEvent(At, By)
{
    public override string Summary => $"Lane {LaneName} deleted";
}

public sealed record SettingsChanged(DateTimeOffset At, Guid? By, IReadOnlyList<string> Changes)
    : BoardEvent(At, By)
{
    public override string Summary => Changes.Count == 0 ? "Settings saved unchanged" : $"Settings changed: {string.Join("; ", Changes)}";
}

/// <param name="Line">The line after the stop.</param>
public sealed record LineStopped(DateTimeOffset At, Guid? By, Guid StopId, LineStopKind Kind, string Reason, LineState Line)
    : BoardEvent(At, By)
{
    public override string Summary => Kind == LineStopKind.Auto
        ? $"Line stopped automatically: {Reason}"
        : $"Line stopped with the andon cord: {Reason}";
}

/// <param name="Line">The line after the resume: still stopped when a stop of the other kind is open.</param>
public sealed record LineResumed(DateTimeOffset At, Guid? By, Guid StopId, LineStopKind Kind, string Note, TimeSpan StoppedFor, LineState Line)
    : BoardEvent(At, By)
{
    public override string Summary => $"Line resumed after {Durations.Describe(StoppedFor)}: {Note}";
}

/// <summary>A person joined the board (<c>From</c> null), changed role, or left it (<c>To</c> null).</summary>
public sealed record MemberChanged(DateTimeOffset At, Guid? By, Guid UserId, BoardRole? From, BoardRole? To)
    : BoardEvent(At, By)
{
    public override string Summary => (From, To) switch
    {
        (null, { } to) => $"A person joined the board as {to}",
        ({ } from, null) => $"A {from} left the board",
        _ => $"A person's role changed from {From} to {To}",
    };
}

internal static class Limits
{
    public static string Describe(int? limit) => limit is { } l ? $"limit {l}" : "no limit";
}

public static class Durations
{
    public static string Describe(TimeSpan span) => span switch
    {
        { TotalMinutes: < 1 } => "less than a minute",
        { TotalHours: < 1 } => $"{(int)span.TotalMinutes} min",
        { TotalDays: < 1 } => $"{(int)span.TotalHours} h {span.Minutes} min",
        _ => $"{(int)span.TotalDays} d {span.Hours} h",
    };
}

public sealed record StatusNoteAdded(DateTimeOffset At, Guid? By, Guid NoteId, string Text)
    : BoardEvent(At, By)
{
    public override string Summary => $"Status note: {(Text.Length <= 80 ? Text : string.Concat(Text.AsSpan(0, 79), "…"))}";
}
