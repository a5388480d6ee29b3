using System.Reflection;
using Kanban.Data;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Infrastructure.Access;

/// <summary>
/// Checks, before validation and the handler, that whoever sends a message may: the one place
/// where roles are enforced for every command and query (ADR-005).
/// </summary>
public sealed class AccessBehavior<TMessage, TResponse>(CurrentUser user, BoardAccess access, CardBoards cardBoards, KanbanDbContext db)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly AccessAttribute Rule = typeof(TMessage).GetCustomAttribute<AccessAttribute>()
        ?? throw new InvalidOperationException($"{typeof(TMessage).Name} does not say who may send it ([SignedIn], [AdminOnly] or [BoardAccess]).");

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        switch (Rule)
        {
            case SignedInAttribute:
                user.RequireUserId();
                break;
            case AdminOnlyAttribute:
                user.RequireUserId();
                if (!user.IsAdmin)
                {
                    throw new ForbiddenException("Only an administrator can do this.");
                }

                break;
            case BoardAccessAttribute board:
                var boardId = await BoardOfAsync(message, cancellationToken);
                await access.RequireAsync(boardId, board.Role, board.ShareViews, cancellationToken);
                if (board.OffBoard > board.Role)
                {
                    await RequireOffBoardRoleAsync(message, boardId, board.OffBoard, cancellationToken);
                }

                break;
        }

        return await next(message, cancellationToken);
    }

    /// <summary>
    /// The stricter role of <see cref="BoardAccessAttribute.OffBoard"/>, needed unless the ticket is on
    /// the board. A share link holds no role and is held to it like a viewer.
    /// </summary>
    private async Task RequireOffBoardRoleAsync(TMessage message, Guid boardId, BoardRole offBoard, CancellationToken ct)
    {
        var cardId = (message as ICardRequest)?.CardId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} sets OffBoard but names no card.");
        var role = user.RoleOn(boardId) ?? BoardRole.Viewer;
        if (role >= offBoard)
        {
            return;
        }

        var state = await db.Cards.Where(c => c.Id == cardId).Select(c => (TicketState?)c.State).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Ticket", cardId);
        if (state != TicketState.OnBoard)
        {
            throw new ForbiddenException(
                $"This ticket is not on the board ({state}); reading it needs the {BoardAccess.Describe(offBoard)} role on this board, and you are a {BoardAccess.Describe(role)}.");
        }
    }

    private async Task<Guid> BoardOfAsync(TMessage message, CancellationToken ct) => message switch
    {
        IBoardRequest r => r.BoardId,
        ICardRequest r => await cardBoards.BoardOfAsync(db, r.CardId, ct),
        IShareLinkRequest r => await db.ShareLinks.Where(l => l.Id == r.ShareLinkId).Select(l => (Guid?)l.BoardId).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Share link", r.ShareLinkId),
        _ => throw new InvalidOperationException($"{typeof(TMessage).Name} has [BoardAccess] but names no board, card or share link."),
    };
}
