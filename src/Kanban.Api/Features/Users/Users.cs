using FluentValidation;
using FluentValidation.Results;
using Kanban.Api.Infrastructure;
using Kanban.Api.Infrastructure.Access;
using Kanban.Data.Accounts;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Features.Users;

public sealed record UserResponse(Guid Id, string Email, string DisplayName, bool IsAdmin, bool CanSignIn);

[AdminOnly]
public sealed record ListUsersQuery : IQuery<IReadOnlyList<UserResponse>>;

public sealed class ListUsersHandler(UserManager<User> users) : IQueryHandler<ListUsersQuery, IReadOnlyList<UserResponse>>
{
    public async ValueTask<IReadOnlyList<UserResponse>> Handle(ListUsersQuery query, CancellationToken cancellationToken) =>
        await users.Users.AsNoTracking()
            .OrderBy(u => u.DisplayName)
            .Select(u => new UserResponse(u.Id, u.Email!, u.DisplayName, u.IsAdmin, u.PasswordHash != null))
            .ToListAsync(cancellationToken);
}

/// <summary>Creates a person; without a password they exist (to be assigned, to own history) but cannot sign in.</summary>
[AdminOnly]
public sealed record CreateUserCommand(string? Email, string? DisplayName, string? Password, bool IsAdmin) : ICommand<UserResponse>;

public sealed class CreateUserValidator : AbstractValidator<CreateUserCommand>
{
    public CreateUserValidator()
    {
        RuleFor(u => u.Email).NotEmpty().EmailAddress().MaximumLength(256);
        RuleFor(u => u.DisplayName).NotEmpty().MaximumLength(100);
        RuleFor(u => u.Password)
            .MinimumLength(10).WithMessage("A password has at least 10 characters; a few unrelated words make a good one.")
            .MaximumLength(256);
    }
}

public sealed class CreateUserHandler(UserManager<User> users, TimeProvider clock) : ICommandHandler<CreateUserCommand, UserResponse>
{
    public async ValueTask<UserResponse> Handle(CreateUserCommand command, CancellationToken cancellationToken)
    {
        var user = new User
        {
            Id = Guid.CreateVersion7(),
            Email = command.Email!.Trim(),
            UserName = command.Email!.Trim(),
            DisplayName = command.DisplayName!.Trim(),
            IsAdmin = command.IsAdmin,
            CreatedAt = clock.GetUtcNow(),
        };
        var result = command.Password is { } password ? await users.CreateAsync(user, password) : await users.CreateAsync(user);
        if (result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.DuplicateEmail)))
        {
            // The same answer as when another request takes the address at the same moment.
            throw UniqueValueConflicts.EmailAlreadyTaken(user.Email);
        }

        if (!result.Succeeded)
        {
            throw new ValidationException(result.Errors.Select(e => new ValidationFailure(FieldOf(e), e.Description)));
        }

        return new UserResponse(user.Id, user.Email, user.DisplayName, user.IsAdmin, user.PasswordHash is not null);
    }

    private static string FieldOf(IdentityError error) =>
        error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email";
}

public static class UsersEndpoints
{
    public static IEndpointRouteBuilder MapUsers(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").WithTags("Users");

        users.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListUsersQuery(), ct)))
            .WithName("ListUsers");

        users.MapPost("/", async (CreateUserCommand command, ISender sender, CancellationToken ct) =>
        {
            var user = await sender.Send(command, ct);
            return TypedResults.Created($"/api/users/{user.Id}", user);
        })
            .WithName("CreateUser");

        return app;
    }
}
