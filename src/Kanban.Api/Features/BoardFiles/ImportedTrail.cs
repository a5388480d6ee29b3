using System.Text.Json;
using Kanban.Api.Infrastructure;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Kanban.Domain.Tickets;

namespace Kanban.Api.Features.BoardFiles;

/// <summary>
/// A board file's history written into the activity trail, with its original times and people, so an
/// imported board's trail tells what happened on it: each move (a card's first one is its arrival,
/// recorded as accepted), each stop and resume of the line, each comment (a send-back or reject
/// comment as that decision).
/// </summary>
/// <remarks>
/// Each entry takes a version of its own, numbered in time order from 2 (version 1 is the empty
/// board, as for a new one), and the board's version is the last of them; so versions order the
/// trail like live changes do, the trail's cursor needs no other tie-breaker, and the next change
/// made on the board comes after all of it. The data of a move or arrival holds the lanes but, unlike
/// a live one, no snapshot of the card (the file does not say what it looked like then) and
/// <c>imported: true</c>.
/// </remarks>
public static class ImportedTrail
{
    /// <summary>The version each history entry of the file takes.</summary>
    public sealed class Versions(long[][] history, long[][] comments, long[] stops, long[] resumes, long boardVersion)
    {
        public long BoardVersion { get; } = boardVersion;

        public (long[] History, long[] Comments) OfTicket(int ticket) => (history[ticket], comments[ticket]);

        public long OfStop(int stop) => stops[stop];

        public long OfResume(int stop) => resumes[stop];
    }

    public static Versions Number(IReadOnlyList<BoardFileTicket> tickets, IReadOnlyList<BoardFileLineStop?> line)
    {
        // (time, what, ticket or stop, index): in time order, and in the file's order at the same instant.
        var moments = new List<(DateTimeOffset At, int What, int Of, int Index)>();
        var history = new long[tickets.Count][];
        var comments = new long[tickets.Count][];
        for (var i = 0; i < tickets.Count; i++)
        {
            var moves = tickets[i].History ?? [];
            var said = tickets[i].Comments ?? [];
            history[i] = new long[moves.Count];
            comments[i] = new long[said.Count];
            for (var j = 0; j < moves.Count; j++)
            {
                moments.Add((moves[j]!.At!.Value, 0, i, j));
            }

            for (var j = 0; j < said.Count; j++)
            {
                moments.Add((said[j]!.At!.Value, 1, i, j));
            }
        }

        var stops = new long[line.Count];
        var resumes = new long[line.Count];
        for (var s = 0; s < line.Count; s++)
        {
            moments.Add((line[s]!.StoppedAt!.Value, 2, s, 0));
            if (line[s]!.ResumedAt is { } resumed)
            {
                moments.Add((resumed, 3, s, 0));
            }
        }

        var version = 1L;
        foreach (var (_, what, of, index) in moments.OrderBy(m => m.At))
        {
            version++;
            switch (what)
            {
                case 0: history[of][index] = version; break;
                case 1: comments[of][index] = version; break;
                case 2: stops[of] = version; break;
                default: resumes[of] = version; break;
            }
        }

        return new Versions(history, comments, stops, resumes, version);
    }

    public static IEnumerable<ActivityEntry> OfCard(
        Board board, Card card, IReadOnlyList<CardTransition> transitions, IReadOnlyList<TicketComment> comments, (long[] History, long[] Comments) versions)
    {
        for (var j = 0; j < transitions.Count; j++)
        {
            var t = transitions[j];
            var to = LaneName(board, t.ToLaneId);
            if (t.FromLaneId is not { } fromId)
            {
                yield return Restored(board, versions.History[j], t.At, t.ByUserId, nameof(TicketAccepted), card, $"{card.Key} accepted into {to}", new
                {
                    t.At, By = t.ByUserId, CardId = card.Id, CardKey = card.Key, LaneId = t.ToLaneId, LaneName = to, Version = versions.History[j], Imported = true,
                });
                continue;
            }

            var from = LaneName(board, fromId);
            yield return Restored(
                board,
                versions.History[j],
                t.At,
                t.ByUserId,
                nameof(CardMoved),
                card,
                fromId == t.ToLaneId ? $"{card.Key} reordered in {to}" : $"{card.Key} moved from {from} to {to}",
                new
                {
                    t.At, By = t.ByUserId, CardId = card.Id, CardKey = card.Key, FromLaneId = fromId, FromLaneName = from, ToLaneId = t.ToLaneId, ToLaneName = to,
                    Version = versions.History[j], Imported = true,
                });
        }

        for (var j = 0; j < comments.Count; j++)
        {
            var c = comments[j];
            var version = versions.Comments[j];
            switch (c.Kind)
            {
                case TicketCommentKind.SentBack:
                    yield return Of(board, new TicketSentBack(c.At, c.ByUserId, card.Id, card.Key) { Version = version });
                    break;
                case TicketCommentKind.Rejected:
                    yield return Of(board, new TicketRejected(c.At, c.ByUserId, card.Id, card.Key) { Version = version });
                    break;
                case TicketCommentKind.Comment:
                    yield return Of(board, new TicketCommented(c.At, c.ByUserId, card.Id, card.Key, c.Id, card.State) { Version = version });
                    break;
                default:
                    // The duplicate's text kept on its original: the file says which original, not which duplicate.
                    yield return Restored(board, version, c.At, c.ByUserId, nameof(TicketMerged), card, $"A duplicate was merged into {card.Key}", new
                    {
                        c.At, By = c.ByUserId, OriginalId = card.Id, OriginalKey = card.Key, Version = version, Imported = true,
                    });
                    break;
            }
        }
    }

    public static IEnumerable<ActivityEntry> OfLine(Board board, IReadOnlyList<LineStop> stops, Versions versions)
    {
        for (var s = 0; s < stops.Count; s++)
        {
            var stop = stops[s];
            yield return Of(board, new LineStopped(stop.StoppedAt, stop.StoppedBy, stop.Id, stop.Kind, stop.Reason, LineAt(stops, stop.StoppedAt)) { Version = versions.OfStop(s) });
            if (stop.ResumedAt is { } resumed)
            {
                var change = new LineResumed(resumed, stop.ResumedBy, stop.Id, stop.Kind, stop.ResumeNote ?? "", resumed - stop.StoppedAt, LineAt(stops, resumed))
                {
                    Version = versions.OfResume(s),
                };
                yield return stop.ResumeNote is null
                    ? ActivityEntry.Restore(board.Id, change.Version, change.At, change.By, nameof(LineResumed), null,
                        $"Line resumed after {Durations.Describe(change.StoppedFor)}", Json(change))
                    : Of(board, change);
            }
        }
    }

    /// <summary>The line just after <paramref name="at"/>: stopped by the stop open then (a manual one first), else running.</summary>
    private static LineState LineAt(IReadOnlyList<LineStop> stops, DateTimeOffset at) =>
        stops.Where(s => s.StoppedAt <= at && (s.ResumedAt is null || s.ResumedAt > at))
            .OrderByDescending(s => s.Kind == LineStopKind.Manual)
            .ThenBy(s => s.StoppedAt)
            .Select(s => new LineState(true, s.StoppedAt, s.Reason, s.Kind, s.StoppedBy))
            .FirstOrDefault() ?? LineState.Running;

    private static string LaneName(Board board, Guid laneId) => board.FindLane(laneId)?.Name ?? $"(removed lane {laneId})";

    private static ActivityEntry Of(Board board, BoardEvent change) => new(board.Id, change, Json(change));

    private static string Json(BoardEvent change) => JsonSerializer.Serialize(change, change.GetType(), BoardChanges.EventJson);

    private static ActivityEntry Restored(Board board, long version, DateTimeOffset at, Guid? by, string kind, Card card, string summary, object data) =>
        ActivityEntry.Restore(board.Id, version, at, by, kind, card.Id, summary, JsonSerializer.Serialize(data, BoardChanges.EventJson));
}
