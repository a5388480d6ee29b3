using Kanban.Api.Infrastructure.Access;
using Kanban.Api.Features.Cards;
using Kanban.Api.Features.Lanes;
using Kanban.Api.Features.Outliers;
using Kanban.Domain.Boards;

namespace Kanban.Api.Features.Boards;

/// <summary>
/// A board as its page shows it; <c>role</c> is the caller's (null through a share link),
/// <c>people</c> everyone its listed cards name, <c>timeZone</c> the zone the cards' ages are counted in,
/// <c>outliers</c> its outlier cards with their reasons, as <c>GET /api/boards/{id}/outliers</c> answers
/// (each of them has <c>outlier: true</c> among the cards), <c>lineStopSound</c> whether the wall plays a
/// sound when the line stops (the board's setting, which a wall's share link cannot read otherwise).
/// </summary>
public sealed record BoardResponse(
    Guid Id,
    string Name,
    string Key,
    long Version,
    IReadOnlyList<LaneResponse> Lanes,
    IReadOnlyList<CardResponse> Cards,
    LineResponse Line,
    BoardRole? Role,
    IReadOnlyList<PersonResponse> People,
    string TimeZone,
    IReadOnlyList<OutlierResponse> Outliers,
    bool LineStopSound = false);

/// <summary>
/// The line's state; <c>kind</c> is <c>auto</c> (untested work piled up) or <c>manual</c> (the andon
/// cord), <c>stoppedBy</c> who pulled the cord and <c>stoppedByName</c> their name, for a screen that
/// cannot list the board's people (a wall): the board's answer names them; a hub message, built from the
/// event alone, does not (null).
/// </summary>
public sealed record LineResponse(bool Stopped, DateTimeOffset? Since, string? Reason, string? Kind, Guid? StoppedBy, string? StoppedByName = null)
{
    public static LineResponse From(LineState line) =>
        new(line.Stopped, line.Since, line.Reason, line.Kind?.ToString().ToLowerInvariant(), line.StoppedBy);
}
