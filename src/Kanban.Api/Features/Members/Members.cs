using FluentValidation;
using Kanban.Api.Infrastructure;
using Kanban.Api.Infrastructure.Access;
using Kanban.Data;
using Kanban.Domain;
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
    public async ValueTask<MemberResponse> Handle(SetMemberCommand command, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == command.UserId, cancellationToken)
            ?? throw new NotFoundException("User", command.UserId);
        var member = await db.BoardMembers.FirstOrDefaultAsync(m => m.BoardId == command.BoardId && m.UserId == command.UserId, cancellationToken);
        var before = member?.Role;
        if (member is null)
        {
            member = new BoardMember(command.BoardId, command.UserId, command.Role!.Value);
            db.BoardMembers.Add(member);
        }
        else
        {
            await MemberRules.KeepAProductOwnerAsync(db, member, command.Role!.Value, cancellationToken);
            member.Role = command.Role.Value;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (member.Role < before)
        {
            feed.Publish(BoardAccessNarrowed.Person(member.BoardId, member.UserId, member.Role));
        }

        return new MemberResponse(user.Id, user.Email!, user.DisplayName, member.Role);
    }
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

public sealed class AddMemberByEmailHandler(KanbanDbContext db, ISender sender) : ICommandHandler<AddMemberByEmailCommand, MemberResponse>
{
    public async ValueTask<MemberResponse> Handle(AddMemberByEmailCommand command, CancellationToken cancellationToken)
    {
        var normalized = command.Email!.Trim().ToUpperInvariant();
        var userId = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure("email", $"Nobody has the account {command.Email}; ask an administrator to create it first.")]);
        return await sender.Send(new SetMemberCommand(command.BoardId, userId, command.Role), cancellationToken);
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
        await MemberRules.KeepAProductOwnerAsync(db, member, newRole: null, cancellationToken);
        db.BoardMembers.Remove(member);
        await db.SaveChangesAsync(cancellationToken);
        feed.Publish(BoardAccessNarrowed.Person(member.BoardId, member.UserId, role: null));
        return Unit.Value;
    }
}

internal static class MemberRules
{
    /// <summary>A board always keeps a product owner: someone must be able to triage and resume the line.</summary>
    public static async Task KeepAProductOwnerAsync(KanbanDbContext db, BoardMember member, BoardRole? newRole, CancellationToken ct)
    {
        if (member.Role == BoardRole.ProductOwner && newRole != BoardRole.ProductOwner
            && await db.BoardMembers.CountAsync(m => m.BoardId == member.BoardId && m.Role == BoardRole.ProductOwner, ct) == 1)
        {
            throw new RuleViolation(
                ProblemType.LastProductOwner,
                "A board needs a product owner",
                "This is the board's only product owner; make someone else product owner first.");
        }
    }
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
