using FluentValidation;
using Kanban.Api.Infrastructure;
using Kanban.Api.Infrastructure.Access;
using Kanban.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Kanban.Api.Features.Auth;

public sealed record Credentials(string? Email, string? Password);

public sealed class CredentialsValidator : AbstractValidator<Credentials>
{
    public CredentialsValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(256).Must(PlainText.IsPlain).WithMessage(PlainText.Message);
        RuleFor(c => c.Password).NotEmpty().MaximumLength(256);
    }
}

public sealed record MeResponse(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles);

/// <summary>Whether this request comes from someone signed in, and who: for a page that must not answer 401 to a stranger.</summary>
public sealed record SessionResponse(bool SignedIn, MeResponse? User);

public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt);

/// <summary>
/// Signing in and out. These are about cookies and tokens, HTTP's business, so they talk to
/// ASP.NET Core Identity here rather than through a command.
/// </summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth");

        auth.MapPost("/login", async (Credentials credentials, HttpContext http, SignInManager<User> signIn) =>
        {
            var user = await CheckAsync(credentials, http, signIn);
            await signIn.SignInAsync(user, isPersistent: true);
            http.User = await signIn.CreateUserPrincipalAsync(user);
            AccessSetup.IssueAntiforgeryToken(http);
            return TypedResults.Ok(Me(user));
        })
            .AllowAnonymous()
            .WithName("Login");

        auth.MapPost("/logout", async (SignInManager<User> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.NoContent();
        })
            .WithName("Logout");

        auth.MapPost("/token", async (Credentials credentials, HttpContext http, SignInManager<User> signIn, TimeProvider clock) =>
        {
            var user = await CheckAsync(credentials, http, signIn);
            var principal = await signIn.CreateUserPrincipalAsync(user);
            var options = AccessSetup.BearerOptions(http.RequestServices);
            var expiresAt = clock.GetUtcNow() + options.BearerTokenExpiration;
            var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = expiresAt }, IdentityConstants.BearerScheme);
            return TypedResults.Ok(new TokenResponse(options.BearerTokenProtector.Protect(ticket), expiresAt));
        })
            .AllowAnonymous()
            .WithName("CreateToken");

        app.MapGet("/api/me", async (HttpContext http, UserManager<User> users, CurrentUser current) =>
        {
            var user = await users.FindByIdAsync(current.RequireUserId().ToString()) ?? throw new UnauthorizedException();
            if (AccessSetup.SchemeOf(http) == IdentityConstants.ApplicationScheme)
            {
                AccessSetup.IssueAntiforgeryToken(http);
            }

            return TypedResults.Ok(Me(user));
        })
            .WithTags("Auth")
            .WithName("Me");

        // /api/me answers 401 to a stranger, which a browser reports as a failed request on every
        // signed-out page. The SPA asks this instead: 200 either way, the same person when signed in.
        auth.MapGet("/session", async (HttpContext http, UserManager<User> users, CurrentUser current) =>
        {
            var user = current.UserId is { } id ? await users.FindByIdAsync(id.ToString()) : null;
            if (user is null)
            {
                return TypedResults.Ok(new SessionResponse(false, null));
            }

            if (AccessSetup.SchemeOf(http) == IdentityConstants.ApplicationScheme)
            {
                AccessSetup.IssueAntiforgeryToken(http);
            }

            return TypedResults.Ok(new SessionResponse(true, Me(user)));
        })
            .AllowAnonymous()
            .WithName("Session");

        return app;
    }

    /// <summary>The user these credentials belong to, or 400 / 401 / 429; the password is never logged.</summary>
    private static async Task<User> CheckAsync(Credentials credentials, HttpContext http, SignInManager<User> signIn)
    {
        await new CredentialsValidator().ValidateAndThrowAsync(credentials, http.RequestAborted);
        var throttle = http.RequestServices.GetRequiredService<SignInThrottle>();
        if (!await throttle.TryAttemptAsync(http.Connection.RemoteIpAddress?.ToString(), credentials.Email!, http.RequestAborted))
        {
            throw new TooManyAttemptsException();
        }

        var user = await signIn.UserManager.FindByEmailAsync(credentials.Email!.Trim());
        if (user is null || !(await signIn.CheckPasswordSignInAsync(user, credentials.Password!, lockoutOnFailure: true)).Succeeded)
        {
            throw new UnauthorizedException("That email and password do not match an account, or the account is locked for a few minutes after repeated failures.");
        }

        return user;
    }

    private static MeResponse Me(User user) =>
        new(user.Id, user.Email ?? "", user.DisplayName, user.IsAdmin ? ["Admin"] : []);
}
