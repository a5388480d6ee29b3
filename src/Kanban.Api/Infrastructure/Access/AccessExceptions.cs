namespace Kanban.Api.Infrastructure.Access;

/// <summary>401: nobody is signed in, or the credentials are wrong.</summary>
public sealed class UnauthorizedException(string detail) : Exception(detail)
{
    public UnauthorizedException()
        : this("Sign in first: POST /api/auth/login, or send a bearer token from POST /api/auth/token.")
    {
    }
}

/// <summary>403: signed in, but this role may not do this.</summary>
public sealed class ForbiddenException(string detail) : Exception(detail);

/// <summary>429: too many sign-in attempts.</summary>
public sealed class TooManyAttemptsException()
    : Exception("Too many sign-in attempts from here or for this account; wait a minute and try again.");
