using FluentValidation;
using Kanban.Api.Features.Boards;
using Kanban.Api.Infrastructure;
using Kanban.Api.Infrastructure.Access;
using Kanban.Data;
using Kanban.Domain.Boards;
using Kanban.Domain.Problems;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Features.Members;

public sealed record MemberResponse(Guid UserId, string Email, string DisplayName, BoardRole Role);

public sealed record MemberRequest(BoardRole? Role);

public sealed record AddMemberRequest(string? Email, BoardRole? Role);

[BoardAccess(BoardRole.ProductOwner)]
public sealed record ListMembersQuery(Guid BoardId) : IQuery<IReadOnlyList<MemberResponse>>, IBoardRequest;

public sealed class ListMembersHandler(KanbanDbContext db) : IQueryHandler<ListMembersQuery, IReadOnlyList<MemberResponse>>
{
    public async ValueTask<IReadOnlyList<MemberResponse>> Handle(ListMembersQuery query, CancellationToken cancellationToken) =>
        await db.BoardMembers.AsNoTracking().Where(m => m.BoardId == query.BoardId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { Member = m, User = u })
            .OrderBy(x => x.User.DisplayName)
            .Select(x => new MemberResponse(x.User.Id, x.User.Email!, x.User.DisplayName, x.Member.Role))
            .ToListAsync(cancellationToken);
}

/// <summary>Gives a person a role on the board, adding them if they are not on it yet.</summary>
[BoardAccess(BoardRole.ProductOwner)]
public sealed record SetMemberCommand(Guid BoardId, Guid UserId, BoardRole? Role) : ICommand<MemberResponse>, IBoardRequest;

public sealed class SetMemberValidator : AbstractValidator<SetMemberCommand>
{
    public SetMemberValidator() => RuleFor(m => m.Role).NotNull().WithMessage("Role is ProductOwner, Member or Viewer.");
}

public sealed class SetMemberHandler(MemberChanges members) : ICommandHandler<SetMemberCommand, MemberResponse>
{
    public async ValueTask<MemberResponse> Handle(SetMemberCommand command, CancellationToken cancellationToken) =>
        await members.SetAsync(command.BoardId, command.UserId, command.Role!.Value, cancellationToken);
}

[BoardAccess(BoardRole.ProductOwner)]
public sealed record AddMemberByEmailCommand(Guid BoardId, string? Email, BoardRole? Role) : ICommand<MemberResponse>, IBoardRequest;

public sealed class AddMemberByEmailValidator : AbstractValidator<AddMemberByEmailCommand>
{
    public AddMemberByEmailValidator()
    {
        RuleFor(m => m.Email).NotEmpty().EmailAddress();
        RuleFor(m => m.Role).NotNull().WithMessage("Role is ProductOwner, Member or Viewer.");
    }
}

public sealed class AddMemberByEmailHandler(KanbanDbContext db, MemberChanges members) : ICommandHandler<AddMemberByEmailCommand, MemberResponse>
{
    public async ValueTask<MemberResponse> Handle(AddMemberByEmailCommand command, CancellationToken cancellationToken)
    {
        var normalized = command.Email!.Trim().ToUpperInvariant();
        var userId = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure("email", $"Nobody has the account {command.Email}; ask an administrator to create it first.")]);
        return await members.SetAsync(command.BoardId, userId, command.Role!.Value, cancellationToken);
    }
}

[BoardAccess(BoardRole.ProductOwner)]
public sealed record RemoveMemberCommand(Guid BoardId, Guid UserId) : ICommand, IBoardRequest;

public sealed class RemoveMemberHandler(MemberChanges members) : ICommandHandler<RemoveMemberCommand>
{
    public async ValueTask<Unit> Handle(RemoveMemberCommand command, CancellationToken cancellationToken)
    {
        await members.RemoveAsync(command.BoardId, command.UserId, cancellationToken);
        return Unit.Value;
    }
}

/// <summary>
/// What setting a role by user id and by e-mail, and removing someone, share: each is a board change
/// (recorded, versioned, retried on a concurrent change), so the rule in <see cref="BoardMember"/>
/// decides on the product owners as they are when it is saved. The publisher reads a narrowed access
/// from the committed <see cref="MemberChanged"/> and ends the person's open connections.
/// </summary>
public sealed class MemberChanges(KanbanDbContext db, BoardChanges changes, TimeProvider clock, CurrentUser user)
{
    public async Task<MemberResponse> SetAsync(Guid boardId, Guid userId, BoardRole role, CancellationToken ct)
    {
        var person = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct)
            ?? throw new NotFoundException("User", userId);
        await changes.SaveAsync(async () =>
        {
            var board = await db.LoadBoardAsync(boardId, ct);
            var member = await db.BoardMembers.FirstOrDefaultAsync(m => m.BoardId == boardId && m.UserId == userId, ct);
            var was = member?.Role;
            if (member is null)
            {
                db.BoardMembers.Add(new BoardMember(boardId, userId, role));
            }
            else
            {
                member.ChangeRole(role, await ProductOwnersAsync(boardId, ct));
            }

            board.RecordMemberChange(userId, was, role, clock.GetUtcNow(), user.UserId);
            return (board, was);
        }, ct);

        return new MemberResponse(person.Id, person.Email!, person.DisplayName, role);
    }

    public async Task RemoveAsync(Guid boardId, Guid userId, CancellationToken ct)
    {
        await changes.SaveAsync(async () =>
        {
            var board = await db.LoadBoardAsync(boardId, ct);
            var member = await db.BoardMembers.FirstOrDefaultAsync(m => m.BoardId == boardId && m.UserId == userId, ct)
                ?? throw new NotFoundException("Member", userId);
            member.EnsureMayLeave(await ProductOwnersAsync(boardId, ct));
            db.BoardMembers.Remove(member);
            board.RecordMemberChange(userId, member.Role, null, clock.GetUtcNow(), user.UserId);
            return (board, member.Role);
        }, ct);
    }

    private Task<int> ProductOwnersAsync(Guid boardId, CancellationToken ct) =>
        db.BoardMembers.CountAsync(m => m.BoardId == boardId && m.Role == BoardRole.ProductOwner, ct);
}

public static class MembersEndpoints
{
    public static IEndpointRouteBuilder MapMembers(this IEndpointRouteBuilder app)
    {
        var members = app.MapGroup("/api/boards/{boardId:guid}/members").WithTags("Members");

        members.MapGet("/", async (Guid boardId, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ListMembersQuery(boardId), ct)))
            .WithName("ListMembers");

        members.MapPost("/", async (Guid boardId, AddMemberRequest member, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new AddMemberByEmailCommand(boardId, member.Email, member.Role), ct)))
            .WithName("AddMemberByEmail");

        members.MapPut("/{userId:guid}", async (Guid boardId, Guid userId, MemberRequest member, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new SetMemberCommand(boardId, userId, member.Role), ct)))
            .WithName("SetMember");

        members.MapDelete("/{userId:guid}", async (Guid boardId, Guid userId, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new RemoveMemberCommand(boardId, userId), ct);
            return TypedResults.NoContent();
        })
            .WithName("RemoveMember");

        return app;
    }
}
