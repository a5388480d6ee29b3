using System.Text.RegularExpressions;
using FluentValidation.Results;
using Kanban.Api.Features.Boards;
using Kanban.Api.Features.Tickets;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Kanban.Domain.Tickets;

namespace Kanban.Api.Features.BoardFiles;

/// <summary>
/// Checks a whole board file before anything is written: its shape, its ranges and that it agrees
/// with itself (names it refers to exist, history runs forward and from lane to lane). Each problem
/// is keyed by the JSON path of the value at fault, e.g. <c>$.tickets[3].lane</c>. Rules of the flow
/// (WIP limits, the stopped line) are not checked: history that broke one is still history.
/// </summary>
public static partial class BoardFileValidator
{
    /// <summary>Enough to fix a file in a few rounds without flooding the answer.</summary>
    public const int MaxErrors = 100;

    /// <summary>The longest comment a file may hold, but for the text of a merged duplicate.</summary>
    public const int MaxCommentTextLength = 20_000;

    /// <summary>What this server may write as a merged duplicate's comment: its title, description and criteria.</summary>
    public const int MaxMergedDuplicateLength = 80_000;

    public static List<ValidationFailure> Validate(BoardFile file)
    {
        var errors = new Errors();
        if (file.Format != BoardFile.CurrentFormat)
        {
            errors.Add("$.format", $"The format is \"{BoardFile.CurrentFormat}\"; this file says \"{file.Format}\".");
        }

        var boardKey = CheckBoard(file.Board, errors);
        var lanes = CheckLanes(file.Lanes, errors);
        CheckMembers(file.Members, errors);
        CheckTickets(file.Tickets ?? [], boardKey, lanes, errors);
        CheckLine(file.Line ?? [], errors);
        return errors.Failures;
    }

    public static bool IsEmail(string? value) =>
        value is { Length: > 2 and <= 256 } && Email().IsMatch(value);

    private static string? CheckBoard(BoardFileBoard? board, Errors errors)
    {
        if (board is null)
        {
            errors.Add("$.board", "The board (name, key, settings) is missing.");
            return null;
        }

        if (string.IsNullOrWhiteSpace(board.Name) || board.Name.Trim().Length > BoardLimits.BoardNameMaxLength)
        {
            errors.Add("$.board.name", $"A board has a name of 1 to {BoardLimits.BoardNameMaxLength} characters.");
        }

        if (!BoardKey.IsValid(board.Key))
        {
            errors.Add("$.board.key", $"A board key is {BoardKey.Rule}, e.g. PAY.");
        }

        if (board.TimeZone is { } zone && (zone.Length is 0 or > 64 || !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _)))
        {
            errors.Add("$.board.timeZone", $"'{zone}' is not a known time zone, such as Europe/London or UTC.");
        }

        if (board.Settings is { } s)
        {
            Range(errors, "$.board.settings.personalWipLimit", s.PersonalWipLimit, BoardLimits.PersonalWipLimit);
            Range(errors, "$.board.settings.stopLineThreshold", s.StopLineThreshold, BoardLimits.StopLineThreshold);
            Range(errors, "$.board.settings.staleDays", s.StaleDays, BoardLimits.StaleDays);
            Range(errors, "$.board.settings.maxEstimateDays", s.MaxEstimateDays, BoardLimits.MaxEstimateDays);
            Range(errors, "$.board.settings.duplicateThreshold", s.DuplicateThreshold, BoardLimits.DuplicateThreshold);
            Range(errors, "$.board.settings.duplicateWindowDays", s.DuplicateWindowDays, BoardLimits.DuplicateWindowDays);
            Range(errors, "$.board.settings.cycleTimeWindowDays", s.CycleTimeWindowDays, BoardLimits.CycleTimeWindowDays);
            Range(errors, "$.board.settings.forecastWeeks", s.ForecastWeeks, BoardLimits.ForecastWeeks);
            Range(errors, "$.board.settings.stoppedRedPercent", s.StoppedRedPercent, BoardLimits.StoppedRedPercent);
            if (s.TargetDate is { } target && !BoardLimits.TargetDate.Contains(target))
            {
                errors.Add("$.board.settings.targetDate", SettingsMessages.TargetDate);
            }
            if (s.FillerWords is { } words)
            {
                // The settings route's rules, on the words as they will be stored (BoardSettings.Create).
                if (BoardSettings.CleanFillerWords(words).Count > BoardLimits.FillerWordsMaxCount)
                {
                    errors.Add("$.board.settings.fillerWords", SettingsMessages.FillerWordsCount);
                }

                for (var i = 0; i < words.Count; i++)
                {
                    if (words[i] is { } word && word.Trim().Length > BoardLimits.FillerWordMaxLength)
                    {
                        errors.Add($"$.board.settings.fillerWords[{i}]", SettingsMessages.FillerWordLength);
                    }
                }
            }
        }

        return BoardKey.IsValid(board.Key) ? board.Key : null;
    }

    private static void CheckBlocks(BoardFileTicket ticket, string path, Errors errors)
    {
        var blocks = ticket.Blocks ?? [];
        DateTimeOffset? previousEnd = null;
        for (var i = 0; i < blocks.Count; i++)
        {
            var at = $"{path}.blocks[{i}]";
            if (blocks[i] is not { } block)
            {
                errors.Add(at, "A block period is an object with reason, since and until.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(block.Reason) || block.Reason.Length > 500)
            {
                errors.Add($"{at}.reason", "A block has a reason of 1 to 500 characters.");
            }

            if (block.Since is not { } since)
            {
                errors.Add($"{at}.since", "A block period says since when.");
                continue;
            }

            if (block.Until is { } until && until < since)
            {
                errors.Add($"{at}.until", "A block period ends after it begins.");
            }

            if (previousEnd is { } end && since < end)
            {
                errors.Add($"{at}.since", "Block periods are oldest first and do not overlap.");
            }

            if (block.Until is null && i != blocks.Count - 1)
            {
                errors.Add($"{at}.until", "Only the last block period may still be open.");
            }

            previousEnd = block.Until ?? DateTimeOffset.MaxValue;
        }

        var open = blocks.Count > 0 && blocks[^1] is { Until: null };
        if (open && ticket.Blocked is null)
        {
            errors.Add($"{path}.blocks[{blocks.Count - 1}].until", "The last block period is open, so the ticket says it is blocked (blocked).");
        }

        // Blocked now with every period closed: the block of now began after the last one ended.
        if (!open && ticket.Blocked?.Since is { } blockedSince && blocks.Count > 0 && blocks[^1]?.Until is { } lastEnd && blockedSince < lastEnd)
        {
            errors.Add($"{path}.blocked.since", "The ticket's block began before its last block period ended; give it as the last period, still open, or begin it later.");
        }
    }

    private static Dictionary<string, LaneKind> CheckLanes(IReadOnlyList<BoardFileLane?>? lanes, Errors errors)
    {
        var known = new Dictionary<string, LaneKind>(StringComparer.Ordinal);
        if (lanes is null || lanes.Count == 0)
        {
            errors.Add("$.lanes", "A board has lanes: one Backlog, at least one Done.");
            return known;
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var orders = new HashSet<int>();
        int? backlogOrder = null;
        var lowestOrder = int.MaxValue;
        for (var i = 0; i < lanes.Count; i++)
        {
            var path = $"$.lanes[{i}]";
            if (lanes[i] is not { } lane)
            {
                errors.Add(path, "A lane is an object with name and kind.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(lane.Name) || lane.Name.Length > BoardLimits.LaneNameMaxLength)
            {
                errors.Add($"{path}.name", $"A lane has a name of 1 to {BoardLimits.LaneNameMaxLength} characters.");
            }
            else if (!names.Add(lane.Name))
            {
                errors.Add($"{path}.name", $"Another lane is already called '{lane.Name}'; tickets refer to lanes by name.");
            }

            var kind = ParseEnum<LaneKind>(errors, $"{path}.kind", lane.Kind, required: true);
            if (lane.WipLimit is { } limit && !BoardLimits.WipLimit.Contains(limit))
            {
                errors.Add($"{path}.wipLimit", $"A WIP limit is a whole number from {BoardLimits.WipLimit.Min} to {BoardLimits.WipLimit.Max}, or null for no limit.");
            }

            if (lane.Untested == true && kind is LaneKind.Backlog or LaneKind.Done)
            {
                errors.Add($"{path}.untested", "Only queue and active lanes can be untested.");
            }

            var order = lane.Order ?? i;
            if (order < 0 || !orders.Add(order))
            {
                errors.Add($"{path}.order", "Each lane has its own order, 0 or more.");
            }

            lowestOrder = Math.Min(lowestOrder, order);
            if (kind == LaneKind.Backlog)
            {
                backlogOrder = order;
            }

            if (kind is { } k && !string.IsNullOrWhiteSpace(lane.Name))
            {
                known.TryAdd(lane.Name, k);
            }
        }

        var backlogs = lanes.Count(l => l?.Kind == nameof(LaneKind.Backlog));
        if (backlogs != 1)
        {
            errors.Add("$.lanes", $"A board has exactly one Backlog lane; this file has {backlogs}.");
        }
        else if (backlogOrder is { } b && b != lowestOrder)
        {
            errors.Add($"$.lanes[{IndexOf(lanes, nameof(LaneKind.Backlog))}].order", "The backlog comes first: work flows from it.");
        }

        if (!lanes.Any(l => l?.Kind == nameof(LaneKind.Done)))
        {
            errors.Add("$.lanes", "A board has at least one Done lane.");
        }

        return known;
    }

    private static void CheckMembers(IReadOnlyList<BoardFileMember?>? members, Errors errors)
    {
        members ??= [];
        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < members.Count; i++)
        {
            var path = $"$.members[{i}]";
            if (members[i] is not { } member)
            {
                errors.Add(path, "A member is an object with email and role.");
                continue;
            }

            if (!IsEmail(member.Email))
            {
                errors.Add($"{path}.email", $"'{member.Email}' is not an e-mail address.");
            }
            else if (!emails.Add(member.Email!))
            {
                errors.Add($"{path}.email", $"{member.Email} is listed twice.");
            }

            if (member.DisplayName is { Length: > 100 })
            {
                errors.Add($"{path}.displayName", "A display name has at most 100 characters.");
            }

            ParseEnum<BoardRole>(errors, $"{path}.role", member.Role, required: true);
        }

        if (!members.Any(m => m?.Role == nameof(BoardRole.ProductOwner)))
        {
            errors.Add("$.members", "A board needs a product owner: someone must be able to triage and resume the line.");
        }
    }

    private static void CheckTickets(IReadOnlyList<BoardFileTicket?> tickets, string? boardKey, Dictionary<string, LaneKind> lanes, Errors errors)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tickets.Count && !errors.Full; i++)
        {
            var path = $"$.tickets[{i}]";
            if (tickets[i] is not { } ticket)
            {
                errors.Add(path, "A ticket is an object with key, title, state and history.");
                continue;
            }

            if (ticket.Key is null || (boardKey is not null && NumberOf(ticket.Key, boardKey) is null))
            {
                errors.Add($"{path}.key", $"A ticket key is the board's key, a dash and a number from 1, e.g. {boardKey ?? "PAY"}-7.");
            }
            else if (!keys.Add(ticket.Key))
            {
                errors.Add($"{path}.key", $"{ticket.Key} is used by another ticket of this file.");
            }

            if (string.IsNullOrWhiteSpace(ticket.Title) || ticket.Title.Length > TicketFieldsValidator.MaxTitleLength)
            {
                errors.Add($"{path}.title", $"A ticket has a title of 1 to {TicketFieldsValidator.MaxTitleLength} characters.");
            }

            // The same bounds as the ticket routes, so an imported ticket can be merged, exported and imported again.
            if (ticket.Description is { Length: > TicketFieldsValidator.MaxDescriptionLength })
            {
                errors.Add($"{path}.description", $"A description has at most {TicketFieldsValidator.MaxDescriptionLength:N0} characters.");
            }

            if (ticket.DefinitionOfDone is { Count: > TicketFieldsValidator.MaxCriteria })
            {
                errors.Add($"{path}.definitionOfDone", $"A definition of done holds at most {TicketFieldsValidator.MaxCriteria} criteria.");
            }

            for (var j = 0; j < (ticket.DefinitionOfDone?.Count ?? 0); j++)
            {
                if (ticket.DefinitionOfDone![j] is not { } criterion)
                {
                    errors.Add($"{path}.definitionOfDone[{j}]", "A criterion is text.");
                }
                else if (criterion.Length > TicketFieldsValidator.MaxCriterionLength)
                {
                    errors.Add($"{path}.definitionOfDone[{j}]", $"A criterion has at most {TicketFieldsValidator.MaxCriterionLength:N0} characters.");
                }
            }

            if (ticket.EstimateDays is not { } estimate || estimate < 0 || estimate >= 1000)
            {
                errors.Add($"{path}.estimateDays", "An estimate is a number of days from 0 to 999.99.");
            }

            ParseEnum<CardClass>(errors, $"{path}.class", ticket.Class, required: false);
            var state = ParseEnum<TicketState>(errors, $"{path}.state", ticket.State, required: true);
            if (state == TicketState.OnBoard && ticket.Lane is null)
            {
                errors.Add($"{path}.lane", "A ticket on the board is in a lane; name it.");
            }
            else if (state is not null and not TicketState.OnBoard && ticket.Lane is not null)
            {
                errors.Add($"{path}.lane", $"Only a ticket on the board is in a lane; this one is {state}.");
            }
            else if (ticket.Lane is not null && !lanes.ContainsKey(ticket.Lane))
            {
                errors.Add($"{path}.lane", $"There is no lane '{ticket.Lane}' in $.lanes.");
            }

            if (ticket.Rank is < 0)
            {
                errors.Add($"{path}.rank", "A rank is 0 or more.");
            }

            if (ticket.Assignee is not null && !IsEmail(ticket.Assignee))
            {
                errors.Add($"{path}.assignee", $"'{ticket.Assignee}' is not an e-mail address.");
            }

            if (ticket.Blocked is { } blocked)
            {
                if (string.IsNullOrWhiteSpace(blocked.Reason) || blocked.Reason.Length > 500)
                {
                    errors.Add($"{path}.blocked.reason", "A block has a reason of 1 to 500 characters.");
                }

                if (blocked.Since is null)
                {
                    errors.Add($"{path}.blocked.since", "A block says since when.");
                }
            }

            CheckBlocks(ticket, path, errors);
            if (ticket.CreatedAt is null)
            {
                errors.Add($"{path}.createdAt", "A ticket says when it was created.");
            }

            if (ticket.SubmittedBy is not null && !IsEmail(ticket.SubmittedBy))
            {
                errors.Add($"{path}.submittedBy", $"'{ticket.SubmittedBy}' is not an e-mail address.");
            }

            CheckHistory(ticket, path, state, lanes, errors);
            CheckComments(ticket, path, state, errors);
            if (state == TicketState.Merged && ticket.DuplicateOf is null)
            {
                errors.Add($"{path}.duplicateOf", "A merged ticket names the ticket it duplicates.");
            }
            else if (state is not null and not TicketState.Merged && ticket.DuplicateOf is not null)
            {
                errors.Add($"{path}.duplicateOf", $"Only a merged ticket is a duplicate of another; this one is {state}.");
            }

            if (state is TicketState.OnBoard or TicketState.Merged && ticket.LikelyDuplicateOf is not null)
            {
                errors.Add($"{path}.likelyDuplicateOf", $"A ticket that is {state} has no unresolved likely duplicate: accepting or merging it resolved that.");
            }
        }

        CheckLinks(tickets, keys, errors);
    }

    /// <summary>
    /// The kind of a comment: as the file says, or, in a file without kinds, what the ticket's
    /// state suggests: the send-back note of a sent-back ticket, the reason of a rejected one, and
    /// otherwise the text of a duplicate merged into it.
    /// </summary>
    public static TicketCommentKind CommentKindOf(BoardFileComment comment, TicketState state) =>
        ParseEnum<TicketCommentKind>(comment.Kind) ?? state switch
        {
            TicketState.SentBack => TicketCommentKind.SentBack,
            TicketState.Rejected => TicketCommentKind.Rejected,
            _ => TicketCommentKind.MergedDuplicate,
        };

    /// <summary>
    /// The longest comment of <paramref name="kind"/> a file may hold. A merged duplicate's comment
    /// carries the whole duplicate (title, a description of up to 20,000 characters and up to 50
    /// criteria of up to 1,000), so it is allowed what this server can write; other comments 20,000.
    /// </summary>
    public static int MaxCommentLength(TicketCommentKind kind) =>
        kind == TicketCommentKind.MergedDuplicate ? MaxMergedDuplicateLength : MaxCommentTextLength;

    private static void CheckComments(BoardFileTicket ticket, string path, TicketState? state, Errors errors)
    {
        var comments = ticket.Comments ?? [];
        for (var j = 0; j < comments.Count; j++)
        {
            var at = $"{path}.comments[{j}]";
            if (comments[j] is not { } comment)
            {
                errors.Add(at, "A comment is an object with at, by, text and kind.");
                continue;
            }

            if (comment.At is null)
            {
                errors.Add($"{at}.at", "A comment says when it was written.");
            }
            else if (ticket.CreatedAt is { } created && comment.At < created)
            {
                errors.Add($"{at}.at", "This comment is before the ticket was created.");
            }

            var kind = ParseEnum<TicketCommentKind>(errors, $"{at}.kind", comment.Kind, required: false);
            var max = MaxCommentLength(state is { } known ? CommentKindOf(comment, known) : kind ?? TicketCommentKind.SentBack);
            if (string.IsNullOrWhiteSpace(comment.Text) || comment.Text.Length > max)
            {
                errors.Add($"{at}.text", $"A comment has text of 1 to {max:N0} characters.");
            }

            if (comment.By is not null && !IsEmail(comment.By))
            {
                errors.Add($"{at}.by", $"'{comment.By}' is not an e-mail address.");
            }
        }
    }

    /// <summary>Links between tickets name another ticket of the file, whatever its place in the file.</summary>
    private static void CheckLinks(IReadOnlyList<BoardFileTicket?> tickets, HashSet<string> keys, Errors errors)
    {
        for (var i = 0; i < tickets.Count && !errors.Full; i++)
        {
            if (tickets[i] is not { } ticket)
            {
                continue;
            }

            foreach (var (field, other) in new[] { ("duplicateOf", ticket.DuplicateOf), ("likelyDuplicateOf", ticket.LikelyDuplicateOf) })
            {
                if (other is null)
                {
                    continue;
                }

                if (other == ticket.Key)
                {
                    errors.Add($"$.tickets[{i}].{field}", "A ticket is not a duplicate of itself; name the original.");
                }
                else if (!keys.Contains(other))
                {
                    errors.Add($"$.tickets[{i}].{field}", $"There is no ticket {other} in $.tickets; name the original by its key.");
                }
            }
        }
    }

    private static void CheckHistory(BoardFileTicket ticket, string path, TicketState? state, Dictionary<string, LaneKind> lanes, Errors errors)
    {
        var history = ticket.History ?? [];
        if (state is not null and not TicketState.OnBoard && history.Count > 0)
        {
            // A ticket reaches a lane only when it is accepted; history on one that never was would
            // give it a start date, and skew cycle times and flow, without it ever being on the board.
            errors.Add($"{path}.history", $"A ticket that is {state} has never been on the board, so it has no history of lanes.");
            return;
        }

        var previousAt = ticket.CreatedAt;
        string? previousTo = null;
        for (var j = 0; j < history.Count; j++)
        {
            var at = $"{path}.history[{j}]";
            if (history[j] is not { } move)
            {
                errors.Add(at, "A transition is an object with at, from, to and by.");
                return;
            }

            if (move.At is null)
            {
                errors.Add($"{at}.at", "A transition says when it happened.");
            }
            else if (previousAt is { } before && move.At < before)
            {
                errors.Add($"{at}.at", j == 0
                    ? "The first transition is before the ticket was created."
                    : "History is oldest first; this transition is before the one above it.");
            }

            if (move.To is null || !lanes.ContainsKey(move.To))
            {
                errors.Add($"{at}.to", $"There is no lane '{move.To}' in $.lanes.");
            }

            if (move.From is not null && !lanes.ContainsKey(move.From))
            {
                errors.Add($"{at}.from", $"There is no lane '{move.From}' in $.lanes.");
            }
            else if (j > 0 && move.From != previousTo)
            {
                errors.Add($"{at}.from", $"The card was in '{previousTo}' after the transition above; a move starts where the card was.");
            }

            if (move.By is not null && !IsEmail(move.By))
            {
                errors.Add($"{at}.by", $"'{move.By}' is not an e-mail address.");
            }

            previousAt = move.At ?? previousAt;
            previousTo = move.To;
        }

        if (state == TicketState.OnBoard && previousTo is not null && ticket.Lane is not null && previousTo != ticket.Lane)
        {
            errors.Add($"{path}.lane", $"The history ends in '{previousTo}', but the ticket is in '{ticket.Lane}'.");
        }
    }

    private static void CheckLine(IReadOnlyList<BoardFileLineStop?> stops, Errors errors)
    {
        var open = new HashSet<LineStopKind>();
        for (var i = 0; i < stops.Count; i++)
        {
            var path = $"$.line[{i}]";
            if (stops[i] is not { } stop)
            {
                errors.Add(path, "A stop is an object with kind, reason and stoppedAt.");
                continue;
            }

            var kind = ParseEnum<LineStopKind>(errors, $"{path}.kind", stop.Kind, required: true);
            if (string.IsNullOrWhiteSpace(stop.Reason) || stop.Reason.Length > 500)
            {
                errors.Add($"{path}.reason", "A stop has a reason of 1 to 500 characters.");
            }

            if (stop.StoppedAt is null)
            {
                errors.Add($"{path}.stoppedAt", "A stop says when the line stopped.");
            }
            else if (stop.ResumedAt < stop.StoppedAt)
            {
                errors.Add($"{path}.resumedAt", "The line resumed before it stopped.");
            }

            if (stop.ResumeNote is { Length: > 500 })
            {
                errors.Add($"{path}.resumeNote", "A resume note has at most 500 characters.");
            }

            foreach (var (field, email) in new[] { ("by", stop.By), ("resumedBy", stop.ResumedBy) })
            {
                if (email is not null && !IsEmail(email))
                {
                    errors.Add($"{path}.{field}", $"'{email}' is not an e-mail address.");
                }
            }

            if (stop.ResumedAt is null && kind is { } k && !open.Add(k))
            {
                errors.Add($"{path}.resumedAt", $"The line has one open {k} stop at most; this is a second.");
            }
        }
    }

    /// <summary>The number in <paramref name="cardKey"/> if it is a key of board <paramref name="boardKey"/>.</summary>
    public static int? NumberOf(string cardKey, string boardKey) =>
        cardKey.Length > boardKey.Length + 1
        && cardKey.StartsWith(boardKey + "-", StringComparison.Ordinal)
        && cardKey[boardKey.Length + 1] != '0'
        && int.TryParse(cardKey.AsSpan(boardKey.Length + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n
            : null;

    public static TEnum? ParseEnum<TEnum>(string? value)
        where TEnum : struct, Enum =>
        value is not null && Enum.GetNames<TEnum>().Contains(value, StringComparer.Ordinal) ? Enum.Parse<TEnum>(value) : null;

    private static TEnum? ParseEnum<TEnum>(Errors errors, string path, string? value, bool required)
        where TEnum : struct, Enum
    {
        if (value is null && !required)
        {
            return null;
        }

        var parsed = ParseEnum<TEnum>(value);
        if (parsed is null)
        {
            errors.Add(path, $"'{value}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
        }

        return parsed;
    }

    private static void Range<T>(Errors errors, string path, T? value, Bounds<T> bounds)
        where T : struct, IComparable<T>
    {
        if (value is { } v && !bounds.Contains(v))
        {
            errors.Add(path, $"This is from {bounds.Min} to {bounds.Max}.");
        }
    }

    private static int IndexOf(IReadOnlyList<BoardFileLane?> lanes, string kind)
    {
        for (var i = 0; i < lanes.Count; i++)
        {
            if (lanes[i]?.Kind == kind)
            {
                return i;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+$")]
    private static partial Regex Email();

    private sealed class Errors
    {
        public List<ValidationFailure> Failures { get; } = [];

        public bool Full => Failures.Count >= MaxErrors;

        public void Add(string path, string message)
        {
            if (!Full)
            {
                Failures.Add(new ValidationFailure(path, message));
            }
        }
    }
}
