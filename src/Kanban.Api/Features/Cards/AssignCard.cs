using Kanban.Api.Features.Boards;
using Kanban.Api.Infrastructure.Access;
using Kanban.Api.Infrastructure.Outliers;
using Kanban.Api.Infrastructure;
using Kanban.Data;
using Kanban.Domain.Boards;
using Mediator;

namespace Kanban.Api.Features.Cards;

public sealed record AssignCardRequest(Guid? UserId);

[BoardAccess(BoardRole.Member)]
public sealed record AssignCardCommand(Guid CardId, Guid? UserId) : ICommand<CardResponse>, ICardRequest;

public sealed class AssignCardHandler(KanbanDbContext db, BoardChanges changes, TimeProvider clock, CurrentUser user, OutlierReader outliers) : ICommandHandler<AssignCardCommand, CardResponse>
{
    public async ValueTask<CardResponse> Handle(AssignCardCommand command, CancellationToken cancellationToken)
    {
        return await changes.ChangeCardAsync(db, clock, outliers, command.CardId, async (board, card) =>
        {
            var active = await db.ActiveCardsOfAsync(board, command.UserId, cancellationToken);
            board.AssignCard(card, command.UserId, active, clock.GetUtcNow(), user.UserId);
        }, cancellationToken);
    }
}
