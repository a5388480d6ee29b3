using Kanban.Domain.Problems;

namespace Kanban.Domain.Boards;

/// <summary>The refusals of rules 1, 2 and 4, each with the figures a client needs to explain it.</summary>
public static class FlowRefusals
{
    public static RuleViolation LaneFull(Lane lane, int count, int limit) => new(
        ProblemType.WipLimitReached,
        $"{lane.Name} is at its WIP limit",
        count > limit
            ? $"{lane.Name} holds {count} cards, over its limit of {limit}; nothing more enters until it is under it. Finish or move {count - limit + 1} card(s) out of {lane.Name} to make room."
            : $"{lane.Name} holds {count} of {limit} cards. Finish or move a card out of {lane.Name} to make room, or ask the product owner to raise its limit.",
        new Dictionary<string, object?> { ["laneId"] = lane.Id, ["laneName"] = lane.Name, ["count"] = count, ["limit"] = limit });

    public static RuleViolation PersonFull(Guid assigneeId, int count, int limit) => new(
        ProblemType.PersonalWipLimitReached,
        "The assignee is at their personal WIP limit",
        $"The assignee already holds {count} of {limit} cards in active lanes. Finish one of them first, or give this card to someone with room.",
        new Dictionary<string, object?> { ["assigneeId"] = assigneeId, ["count"] = count, ["limit"] = limit });

    public static RuleViolation PullRefused(Lane target, LineState line, int untestedCount, int threshold) => new(
        ProblemType.LineStopped,
        "The line is stopped",
        line.Kind == LineStopKind.Manual
            ? $"The line was stopped with the andon cord ({line.Reason}); nothing is pulled into {target.Name} until it is resumed. Help clear the problem, or move work downstream."
            : $"The untested lanes hold {untestedCount} cards, at or over the threshold of {threshold}; nothing is pulled into {target.Name} until testing brings that under {threshold}. Help test or finish work downstream.",
        new Dictionary<string, object?>
        {
            ["laneId"] = target.Id,
            ["laneName"] = target.Name,
            ["untestedCount"] = untestedCount,
            ["threshold"] = threshold,
            ["kind"] = line.Kind?.ToString().ToLowerInvariant(),
            ["reason"] = line.Reason,
        });

    public static RuleViolation AlreadyStopped(LineStop stop) => new(
        ProblemType.LineStopped,
        "The line is already stopped",
        $"The line has been stopped with the andon cord since {stop.StoppedAt:yyyy-MM-dd HH:mm} UTC ({stop.Reason}); resume it before stopping it again.",
        new Dictionary<string, object?> { ["since"] = stop.StoppedAt, ["reason"] = stop.Reason });

    public static RuleViolation NotYoursToResume() => new(
        ProblemType.Forbidden,
        "Only the product owner or whoever stopped the line can resume it",
        "Ask the product owner, or the person who pulled the andon cord, to resume the line once the problem is dealt with.",
        new Dictionary<string, object?>());

    public static RuleViolation NothingToResume(LineStop? autoStop) => new(
        autoStop is null ? ProblemType.LineNotStopped : ProblemType.LineStopped,
        autoStop is null ? "The line is running" : "The line stopped by itself",
        autoStop is null
            ? "The line is not stopped, so there is nothing to resume."
            : $"The line stopped because untested work piled up ({autoStop.Reason}); it resumes by itself when testing brings the untested count under the threshold.",
        new Dictionary<string, object?>());
}

/// <summary>What the board shows of its line: stopped or not, since when, why, and how.</summary>
public sealed record LineState(bool Stopped, DateTimeOffset? Since, string? Reason, LineStopKind? Kind, Guid? StoppedBy = null)
{
    public static readonly LineState Running = new(false, null, null, null);
}
