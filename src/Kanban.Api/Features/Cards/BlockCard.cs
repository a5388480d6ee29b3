using FluentValidation;
using Kanban.Api.Infrastructure.Access;
using Kanban.Api.Infrastructure.Outliers;
using Kanban.Api.Infrastructure;
using Kanban.Data;
using Kanban.Domain.Boards;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Features.Cards;

public sealed record BlockCardRequest(string? Reason);

[BoardAccess(BoardRole.Member)]
public sealed record BlockCardCommand(Guid CardId, string? Reason) : ICommand<CardResponse>, ICardRequest;

public sealed class BlockCardValidator : AbstractValidator<BlockCardCommand>
{
    public BlockCardValidator() =>
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say what blocks the card (reason).").MaximumLength(500);
}

public sealed class BlockCardHandler(KanbanDbContext db, BoardChanges changes, TimeProvider clock, CurrentUser user, OutlierReader outliers) : ICommandHandler<BlockCardCommand, CardResponse>
{
    public async ValueTask<CardResponse> Handle(BlockCardCommand command, CancellationToken cancellationToken)
    {
        return await changes.ChangeCardAsync(db, clock, outliers, command.CardId, (board, card) =>
        {
            if (board.BlockCard(card, command.Reason!.Trim(), clock.GetUtcNow(), user.UserId) is { } period)
            {
                db.CardBlocks.Add(period);
            }

            return Task.CompletedTask;
        }, cancellationToken);
    }
}

[BoardAccess(BoardRole.Member)]
public sealed record UnblockCardCommand(Guid CardId) : ICommand<CardResponse>, ICardRequest;

public sealed class UnblockCardHandler(KanbanDbContext db, BoardChanges changes, TimeProvider clock, CurrentUser user, OutlierReader outliers) : ICommandHandler<UnblockCardCommand, CardResponse>
{
    public async ValueTask<CardResponse> Handle(UnblockCardCommand command, CancellationToken cancellationToken)
    {
        return await changes.ChangeCardAsync(db, clock, outliers, command.CardId, async (board, card) =>
        {
            var open = await db.CardBlocks.FirstOrDefaultAsync(b => b.CardId == card.Id && b.UnblockedAt == null, cancellationToken);
            if (board.UnblockCard(card, open, clock.GetUtcNow(), user.UserId) is { } unrecorded)
            {
                db.CardBlocks.Add(unrecorded);
            }
        }, cancellationToken);
    }
}
