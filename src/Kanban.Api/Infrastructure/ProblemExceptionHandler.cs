using System.Text.Json;
using FluentValidation;
using Kanban.Api.Infrastructure.Access;
using Kanban.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kanban.Api.Infrastructure;

/// <summary>The one place where errors become HTTP: every failure leaves as RFC 9457 ProblemDetails.</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = For(exception);

        if (problem is null)
        {
            if (httpContext.RequestAborted.IsCancellationRequested)
            {
                return true;
            }

            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = Problem(Problems.Internal, StatusCodes.Status500InternalServerError, "Something went wrong on the server",
                "The server could not complete this request. Nothing you sent was lost; try again, and tell an administrator if it keeps happening.");
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>The problem an exception stands for, or null for one no client could have caused.</summary>
    public static ProblemDetails? For(Exception exception) =>
        exception switch
        {
            ValidationException e => Validation(e.Errors.GroupBy(f => CamelCase(f.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray())),
            BadHttpRequestException { InnerException: JsonException json } => Validation(new Dictionary<string, string[]>
            {
                [JsonField(json.Path)] = [$"This is not a valid value here: {FirstLine(json.Message)}"],
            }),
            BadHttpRequestException e => Problem(Problems.ValidationFailed, StatusCodes.Status400BadRequest, "The request is not valid", e.Message),
            NotFoundException e => Problem(Problems.NotFound, StatusCodes.Status404NotFound, "Not found", e.Message),
            UnauthorizedException e => Problem(Problems.Unauthorized, StatusCodes.Status401Unauthorized, "Not signed in", e.Message),
            ForbiddenException e => Problem(Problems.Forbidden, StatusCodes.Status403Forbidden, "Not allowed", e.Message),
            TooManyAttemptsException e => Problem(Problems.TooManyRequests, StatusCodes.Status429TooManyRequests, "Too many attempts", e.Message),
            RuleViolation e => Rule(e),
            DbUpdateConcurrencyException => Problem(
                Problems.ConcurrencyConflict,
                StatusCodes.Status409Conflict,
                "The board changed while this was being saved",
                "Others changed this board at the same moment; reload the board and try again."),
            _ => null,
        };

    private static ProblemDetails Rule(RuleViolation violation)
    {
        var status = violation.ProblemType switch
        {
            Problems.ValidationFailed => StatusCodes.Status400BadRequest,
            Problems.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status409Conflict,
        };
        var problem = Problem(violation.ProblemType, status, violation.Title, violation.Message);
        foreach (var (name, value) in violation.Figures)
        {
            problem.Extensions[name] = value;
        }

        return problem;
    }

    private static ProblemDetails Validation(IDictionary<string, string[]> errors) =>
        new HttpValidationProblemDetails(errors)
        {
            Type = Problems.TypeUri(Problems.ValidationFailed),
            Status = StatusCodes.Status400BadRequest,
            Title = "The request has invalid fields",
            Detail = "Correct the fields listed in 'errors' and send it again.",
        };

    private static ProblemDetails Problem(string type, int status, string title, string detail) =>
        new() { Type = Problems.TypeUri(type), Status = status, Title = title, Detail = detail };

    private static string CamelCase(string name) =>
        string.Join('.', name.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));

    private static string JsonField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : CamelCase(path.TrimStart('$', '.'));

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
