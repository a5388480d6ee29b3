using Kanban.Api.Infrastructure.Access;
using FluentValidation;
using Kanban.Api.Features.Lanes;
using Kanban.Data;
using Kanban.Domain.Boards;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Features.Boards;

[SignedIn]
public sealed record CreateBoardCommand(string? Name, string? Key) : ICommand<BoardResponse>;

public sealed class CreateBoardValidator : AbstractValidator<CreateBoardCommand>
{
    public CreateBoardValidator(KanbanDbContext db)
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(120);
        RuleFor(c => c.Key)
            .NotEmpty()
            .Must(BoardKey.IsValid).WithMessage($"A board key is {BoardKey.Rule}, e.g. PAY.")
            .MustAsync(async (key, ct) => !await db.Boards.AnyAsync(b => b.Key == key, ct))
            .WithMessage(c => $"Another board already uses the key {c.Key}; choose another.");
    }
}

public sealed class CreateBoardHandler(KanbanDbContext db, TimeProvider clock, CurrentUser user) : ICommandHandler<CreateBoardCommand, BoardResponse>
{
    public async ValueTask<BoardResponse> Handle(CreateBoardCommand command, CancellationToken cancellationToken)
    {
        var board = Board.Create(command.Name!.Trim(), command.Key!, clock.GetUtcNow());
        db.Boards.Add(board);
        db.BoardMembers.Add(new BoardMember(board.Id, user.RequireUserId(), BoardRole.ProductOwner));
        await db.SaveChangesAsync(cancellationToken);
        return new BoardResponse(
            board.Id,
            board.Name,
            board.Key,
            board.Version,
            [.. board.OrderedLanes.Select(l => LaneResponse.From(l, 0))],
            [],
            LineResponse.From(board.Line),
            BoardRole.ProductOwner);
    }
}
