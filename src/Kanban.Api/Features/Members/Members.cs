using FluentValidation;
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

public sealed class SetMemberHandler(KanbanDbContext db, ChangeFeed feed) : ICommandHandler<SetMemberCommand, MemberResponse>
{
    public async ValueTask<MemberResponse> Handle(SetMemberCommand command, CancellationToken cancellationToken) =>
        await MemberRoles.SetAsync(db, feed, command.BoardId, command.UserId, command.Role!.Value, cancellationToken);
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

public sealed class AddMemberByEmailHandler(KanbanDbContext db, ChangeFeed feed) : ICommandHandler<AddMemberByEmailCommand, MemberResponse>
{
    public async ValueTask<MemberResponse> Handle(AddMemberByEmailCommand command, CancellationToken cancellationToken)
    {
        var normalized = command.Email!.Trim().ToUpperInvariant();
        var userId = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure("email", $"Nobody has the account {command.Email}; ask an administrator to create it first.")]);
        return await MemberRoles.SetAsync(db, feed, command.BoardId, userId, command.Role!.Value, cancellationToken);
    }
}

[BoardAccess(BoardRole.ProductOwner)]
public sealed record RemoveMemberCommand(Guid BoardId, Guid UserId) : ICommand, IBoardRequest;

public sealed class RemoveMemberHandler(KanbanDbContext db, ChangeFeed feed) : ICommandHandler<RemoveMemberCommand>
{
    public async ValueTask<Unit> Handle(RemoveMemberCommand command, CancellationToken cancellationToken)
    {
        var member = await db.BoardMembers.FirstOrDefaultAsync(m => m.BoardId == command.BoardId && m.UserId == command.UserId, cancellationToken)
            ?? throw new NotFoundException("Member", command.UserId);
        member.EnsureMayLeave(await MemberRoles.ProductOwnersAsync(db, command.BoardId, cancellationToken));
        db.BoardMembers.Remove(member);
        await db.SaveChangesAsync(cancellationToken);
        feed.Publish(BoardAccessNarrowed.Person(member.BoardId, member.UserId, role: null));
        return Unit.Value;
    }
}

/// <summary>What setting a role by user id and by email share; the rule itself is <see cref="BoardMember.ChangeRole"/>.</summary>
internal static class MemberRoles
{
    public static async Task<MemberResponse> SetAsync(KanbanDbContext db, ChangeFeed feed, Guid boardId, Guid userId, BoardRole role, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct)
            ?? throw new NotFoundException("User", userId);
        var member = await db.BoardMembers.FirstOrDefaultAsync(m => m.BoardId == boardId && m.UserId == userId, ct);
        var before = member?.Role;
        if (member is null)
        {
            member = new BoardMember(boardId, userId, role);
            db.BoardMembers.Add(member);
        }
        else
        {
            member.ChangeRole(role, await ProductOwnersAsync(db, boardId, ct));
        }

        await db.SaveChangesAsync(ct);
        if (member.Role < before)
        {
            feed.Publish(BoardAccessNarrowed.Person(boardId, userId, member.Role));
        }

        return new MemberResponse(user.Id, user.Email!, user.DisplayName, member.Role);
    }

    public static Task<int> ProductOwnersAsync(KanbanDbContext db, Guid boardId, CancellationToken ct) =>
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
