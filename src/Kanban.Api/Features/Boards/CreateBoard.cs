using Kanban.Api.Infrastructure.Access;
using FluentValidation;
using Kanban.Api.Features.Lanes;
using Kanban.Data;
using Kanban.Domain.Boards;
using Mediator;

namespace Kanban.Api.Features.Boards;

[SignedIn]
public sealed record CreateBoardCommand(string? Name, string? Key) : ICommand<BoardResponse>;

public sealed class CreateBoardValidator : AbstractValidator<CreateBoardCommand>
{
    // A key already taken is not checked here: the database's unique index answers it, the same
    // way for a request that races another (409 conflict).
    public CreateBoardValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(BoardLimits.BoardNameMaxLength);
        RuleFor(c => c.Key)
            .NotEmpty()
            .Must(BoardKey.IsValid).WithMessage($"A board key is {BoardKey.Rule}, e.g. PAY.");
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
            BoardRole.ProductOwner,
            [],
            board.TimeZone,
            []);
    }
}
