using System.Reflection;
using Kanban.Data;
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
                await access.RequireAsync(await BoardOfAsync(message, cancellationToken), board.Role, board.ShareViews, cancellationToken);
                break;
        }

        return await next(message, cancellationToken);
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
