using Kanban.Api.Infrastructure;
using Kanban.Api.Infrastructure.Access;
using Kanban.Api.Infrastructure.Duplicates;
using Kanban.Data;
using Kanban.Domain.Boards;
using Kanban.Domain.Tickets;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Features.Tickets;

public sealed record TicketCommentResponse(Guid Id, TicketCommentKind Kind, string Text, DateTimeOffset At, Guid? By, string? ByName);

public sealed record TicketHistoryItem(long Version, DateTimeOffset At, Guid? By, string? ByName, string Kind, string Summary);

/// <summary>
/// A ticket with what was said on it and everything that happened to it, oldest first, and the
/// caller's <see cref="Role"/> on its board, so a page knows what it may offer.
/// </summary>
public sealed record TicketDetailResponse : TicketResponse
{
    public TicketDetailResponse(TicketResponse ticket, IReadOnlyList<TicketCommentResponse> comments, IReadOnlyList<TicketHistoryItem> history, BoardRole role)
        : base(ticket)
    {
        Comments = comments;
        History = history;
        Role = role;
    }

    /// <summary>The caller's role on the ticket's board (an administrator acts as its product owner).</summary>
    public BoardRole Role { get; }

    public IReadOnlyList<TicketCommentResponse> Comments { get; }

    public IReadOnlyList<TicketHistoryItem> History { get; }
}

/// <summary>Viewers read the cards on the board; a ticket in triage, sent back or closed is for members.</summary>
[BoardAccess(BoardRole.Viewer, OffBoard = BoardRole.Member)]
public sealed record GetTicketQuery(Guid CardId) : IQuery<TicketDetailResponse>, ICardRequest;

/// <summary>Members also get the ticket's likeliest duplicates; viewers do not, as those may be tickets still in triage.</summary>
public sealed class GetTicketHandler(KanbanDbContext db, CurrentUser user, TicketDuplicates duplicates) : IQueryHandler<GetTicketQuery, TicketDetailResponse>
{
    public async ValueTask<TicketDetailResponse> Handle(GetTicketQuery query, CancellationToken cancellationToken)
    {
        var ticket = await db.Cards.AsNoTracking().FirstOrDefaultAsync(c => c.Id == query.CardId, cancellationToken)
            ?? throw new NotFoundException("Ticket", query.CardId);
        var board = await db.Boards.AsNoTracking().FirstAsync(b => b.Id == ticket.BoardId, cancellationToken);
        var comments = await db.TicketComments.AsNoTracking().Where(c => c.CardId == ticket.Id).OrderBy(c => c.At).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var history = await db.Activity.AsNoTracking().Where(a => a.CardId == ticket.Id).OrderBy(a => a.Version).ToListAsync(cancellationToken);
        var names = await db.DisplayNamesAsync(comments.Select(c => c.ByUserId).Concat(history.Select(h => h.By)), cancellationToken);
        var role = user.RoleOn(board.Id) ?? BoardRole.Viewer;
        var candidates = role >= BoardRole.Member ? await duplicates.ForTicketsAsync(board, [ticket], cancellationToken) : null;

        return new TicketDetailResponse(
            (await db.ToTicketResponsesAsync(board, [ticket], cancellationToken, candidates))[0],
            [.. comments.Select(c => new TicketCommentResponse(c.Id, c.Kind, c.Text, c.At, c.ByUserId, NameOf(c.ByUserId)))],
            [.. history.Select(h => new TicketHistoryItem(h.Version, h.At, h.By, NameOf(h.By), h.Kind, h.Summary))],
            role);

        string? NameOf(Guid? userId) => userId is { } id ? names.GetValueOrDefault(id) : null;
    }
}
