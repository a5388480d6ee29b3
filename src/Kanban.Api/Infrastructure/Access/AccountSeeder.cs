using Kanban.Data.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Kanban.Api.Infrastructure.Access;

/// <summary>The first Admin, from KANBAN_ADMIN_EMAIL and KANBAN_ADMIN_PASSWORD, on a database with nobody in it.</summary>
public sealed partial class AccountSeeder(UserManager<User> users, IConfiguration configuration, TimeProvider clock, ILogger<AccountSeeder> logger)
{
    public async Task EnsureFirstAdminAsync()
    {
        var email = configuration["KANBAN_ADMIN_EMAIL"];
        var password = configuration["KANBAN_ADMIN_PASSWORD"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || users.Users.Any())
        {
            return;
        }

        await CreateAsync(email.Trim(), "Administrator", password, isAdmin: true);
        LogAdminCreated(logger, email);
    }

    /// <summary>Creates a person, or returns the one who has that email already.</summary>
    public async Task<User> CreateAsync(string email, string displayName, string password, bool isAdmin)
    {
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            return existing;
        }

        var user = new User
        {
            Id = Guid.CreateVersion7(),
            Email = email,
            UserName = email,
            DisplayName = displayName,
            IsAdmin = isAdmin,
            CreatedAt = clock.GetUtcNow(),
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }

        return user;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first administrator, {Email}, from KANBAN_ADMIN_EMAIL.")]
    private static partial void LogAdminCreated(ILogger logger, string email);
}
