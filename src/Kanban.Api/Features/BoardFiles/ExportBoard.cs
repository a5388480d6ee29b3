using Kanban.Api.Infrastructure;
using Kanban.Api.Infrastructure.Access;
using Kanban.Data;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Features.BoardFiles;

/// <summary>The board file of a board: everything needed to rebuild it, with its whole history, on another server.</summary>
[BoardAccess(BoardRole.ProductOwner)]
public sealed record ExportBoardQuery(Guid BoardId) : IQuery<BoardFile>, IBoardRequest;

public sealed class ExportBoardHandler(KanbanDbContext db) : IQueryHandler<ExportBoardQuery, BoardFile>
{
    public async ValueTask<BoardFile> Handle(ExportBoardQuery query, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var board = await db.Boards.AsNoTracking().Include(b => b.Lanes).Include(b => b.LineStops).AsSingleQuery()
            .FirstOrDefaultAsync(b => b.Id == query.BoardId, ct)
            ?? throw new NotFoundException("Board", query.BoardId);
        var laneNames = board.Lanes.ToDictionary(l => l.Id, l => l.Name);

        var members = await db.BoardMembers.AsNoTracking().Where(m => m.BoardId == board.Id)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Email, u.DisplayName, m.Role })
            .ToListAsync(ct);
        var emails = await db.Users.AsNoTracking()
            .Where(u => db.BoardMembers.Any(m => m.BoardId == board.Id && m.UserId == u.Id)
                || db.Cards.Any(c => c.BoardId == board.Id && c.AssigneeId == u.Id)
                || db.Cards.Any(c => c.BoardId == board.Id && c.SubmittedBy == u.Id)
                || db.CardTransitions.Any(t => t.BoardId == board.Id && t.ByUserId == u.Id)
                || db.TicketComments.Any(t => t.BoardId == board.Id && t.ByUserId == u.Id)
                || db.LineStops.Any(s => s.BoardId == board.Id && (s.StoppedBy == u.Id || s.ResumedBy == u.Id)))
            .ToDictionaryAsync(u => u.Id, u => u.Email!, ct);
        string? EmailOf(Guid? id) => id is { } known ? emails.GetValueOrDefault(known) : null;
        string LaneOf(Guid id) => laneNames.GetValueOrDefault(id) ?? $"(removed lane {id})";

        var history = (await db.CardTransitions.AsNoTracking().Where(t => t.BoardId == board.Id)
                .Select(t => new { t.CardId, t.At, t.FromLaneId, t.ToLaneId, t.ByUserId })
                .ToListAsync(ct))
            .OrderBy(t => t.At)
            .ToLookup(t => t.CardId);
        var comments = (await db.TicketComments.AsNoTracking().Where(t => t.BoardId == board.Id)
                .Select(t => new { t.Id, t.CardId, t.Kind, t.Text, t.At, t.ByUserId })
                .ToListAsync(ct))
            .OrderBy(t => t.At)
            .ThenBy(t => t.Id)
            .ToLookup(t => t.CardId);
        var blocks = (await db.CardBlocks.AsNoTracking().Where(b => b.BoardId == board.Id).ToListAsync(ct))
            .OrderBy(b => b.BlockedAt)
            .ToLookup(b => b.CardId);
        var cards = await db.Cards.AsNoTracking().Where(c => c.BoardId == board.Id).OrderBy(c => c.Number).ToListAsync(ct);
        var keys = cards.ToDictionary(c => c.Id, c => c.Key);
        string? KeyOf(Guid? id) => id is { } known ? keys.GetValueOrDefault(known) : null;

        var tickets = cards.Select(c => new BoardFileTicket(
            c.Key,
            c.Title,
            c.Description,
            c.DefinitionOfDone,
            c.EstimateDays,
            c.Class.ToString(),
            c.State.ToString(),
            c.State == TicketState.OnBoard && c.LaneId is { } laneId ? LaneOf(laneId) : null,
            c.Rank,
            EmailOf(c.AssigneeId),
            c.Blocked ? new BoardFileBlock(c.BlockedReason, c.BlockedSince) : null,
            c.CreatedAt,
            c.UpdatedAt,
            [.. history[c.Id].Select(t => new BoardFileTransition(t.At, t.FromLaneId is { } from ? LaneOf(from) : null, LaneOf(t.ToLaneId), EmailOf(t.ByUserId)))],
            [.. comments[c.Id].Select(t => new BoardFileComment(t.At, EmailOf(t.ByUserId), t.Text, t.Kind.ToString()))],
            KeyOf(c.DuplicateOfId),
            EmailOf(c.SubmittedBy),
            KeyOf(c.LikelyDuplicateOfId),
            [.. blocks[c.Id].Select(b => new BoardFileBlockPeriod(b.Reason, b.BlockedAt, b.UnblockedAt))])).ToList();

        var s = board.Settings;
        return new BoardFile(
            BoardFile.CurrentFormat,
            new BoardFileBoard(board.Name, board.Key, board.TimeZone, board.CreatedAt, new BoardFileSettings(
                s.PersonalWipLimit, s.StopLineThreshold, s.StaleDays, s.MaxEstimateDays, s.DuplicateThreshold, s.DuplicateWindowDays, s.FillerWords, s.CycleTimeWindowDays,
                s.ForecastWeeks, s.TargetDate, s.StoppedRedPercent, s.LineStopSound)),
            [.. board.OrderedLanes.Select(l => new BoardFileLane(l.Name, l.Kind.ToString(), l.WipLimit, l.Untested, l.Order))],
            [.. members.OrderBy(m => m.Role).ThenBy(m => m.Email, StringComparer.OrdinalIgnoreCase)
                .Select(m => new BoardFileMember(m.Email, m.DisplayName, m.Role.ToString()))],
            tickets,
            [.. board.LineStops.OrderBy(l => l.StoppedAt).Select(l => new BoardFileLineStop(
                l.Kind.ToString(), l.Reason, EmailOf(l.StoppedBy), l.StoppedAt, l.ResumedAt, EmailOf(l.ResumedBy), l.ResumeNote))]);
    }
}
