namespace Kanban.Api.Features.BoardFiles;

/// <summary>
/// The board file, "kanban-board/1" (API.md): a board with its lanes, people, every ticket and its
/// whole history, and the line's stops. Lanes and people are named, never referred to by id, so a
/// file moves between servers. Every field is nullable so that a missing one is reported by the
/// validator with its JSON path instead of failing the whole read.
/// </summary>
public sealed record BoardFile(
    string? Format,
    BoardFileBoard? Board,
    IReadOnlyList<BoardFileLane?>? Lanes,
    IReadOnlyList<BoardFileMember?>? Members,
    IReadOnlyList<BoardFileTicket?>? Tickets,
    IReadOnlyList<BoardFileLineStop?>? Line)
{
    public const string CurrentFormat = "kanban-board/1";
}

public sealed record BoardFileBoard(string? Name, string? Key, string? TimeZone, DateTimeOffset? CreatedAt, BoardFileSettings? Settings);

public sealed record BoardFileSettings(
    int? PersonalWipLimit,
    int? StopLineThreshold,
    int? StaleDays,
    decimal? MaxEstimateDays,
    double? DuplicateThreshold,
    int? DuplicateWindowDays,
    IReadOnlyList<string?>? FillerWords,
    int? CycleTimeWindowDays = null,
    int? ForecastWeeks = null,
    DateOnly? TargetDate = null,
    int? StoppedRedPercent = null,
    bool? LineStopSound = null);

public sealed record BoardFileLane(string? Name, string? Kind, int? WipLimit, bool? Untested, int? Order);

public sealed record BoardFileMember(string? Email, string? DisplayName, string? Role);

public sealed record BoardFileTicket(
    string? Key,
    string? Title,
    string? Description,
    IReadOnlyList<string?>? DefinitionOfDone,
    decimal? EstimateDays,
    string? Class,
    string? State,
    string? Lane,
    long? Rank,
    string? Assignee,
    BoardFileBlock? Blocked,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt,
    IReadOnlyList<BoardFileTransition?>? History,
    IReadOnlyList<BoardFileComment?>? Comments,
    string? DuplicateOf,
    string? SubmittedBy = null,
    string? LikelyDuplicateOf = null,
    IReadOnlyList<BoardFileBlockPeriod?>? Blocks = null);

public sealed record BoardFileBlock(string? Reason, DateTimeOffset? Since);

/// <summary>One period the ticket was blocked, oldest first; <c>until</c> is null while it still is.</summary>
public sealed record BoardFileBlockPeriod(string? Reason, DateTimeOffset? Since, DateTimeOffset? Until);

public sealed record BoardFileTransition(DateTimeOffset? At, string? From, string? To, string? By);

/// <summary>
/// Something written on a ticket. <see cref="Kind"/> is an extra field of this server
/// (<c>SentBack</c>, <c>Rejected</c>, <c>MergedDuplicate</c>, <c>Comment</c>); a file without it gets the kind
/// <see cref="BoardFileValidator.CommentKindOf"/> infers from the ticket's state.
/// </summary>
public sealed record BoardFileComment(DateTimeOffset? At, string? By, string? Text, string? Kind = null);

public sealed record BoardFileLineStop(
    string? Kind,
    string? Reason,
    string? By,
    DateTimeOffset? StoppedAt,
    DateTimeOffset? ResumedAt,
    string? ResumedBy,
    string? ResumeNote);

/// <summary>
/// Times in a board file are written in UTC with a Z, as in API.md. Any ISO 8601 offset is read, and
/// kept as UTC: PostgreSQL stores only UTC, and the same instant must export the same way.
/// </summary>
public sealed class UtcTimeConverter : System.Text.Json.Serialization.JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
        reader.TokenType == System.Text.Json.JsonTokenType.String && reader.TryGetDateTimeOffset(out var value)
            ? value.ToUniversalTime()
            : throw new System.Text.Json.JsonException();

    public override void Write(System.Text.Json.Utf8JsonWriter writer, DateTimeOffset value, System.Text.Json.JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", System.Globalization.CultureInfo.InvariantCulture));
}
