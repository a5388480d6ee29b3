using System.Text.Json;
using FluentValidation;
using Kanban.Api.Infrastructure.Access;
using Kanban.Domain;
using Kanban.Domain.Problems;
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
            problem = Problem(ProblemType.Internal, "Something went wrong on the server",
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
            BadHttpRequestException e => Problem(ProblemType.ValidationFailed, "The request is not valid", e.Message),
            NotFoundException e => Problem(ProblemType.NotFound, "Not found", e.Message),
            UnauthorizedException e => Problem(ProblemType.Unauthorized, "Not signed in", e.Message),
            ForbiddenException e => Problem(ProblemType.Forbidden, "Not allowed", e.Message),
            TooManyAttemptsException e => Problem(ProblemType.TooManyRequests, "Too many attempts", e.Message),
            RuleViolation e => Rule(e),
            DbUpdateConcurrencyException => Problem(
                ProblemType.ConcurrencyConflict,
                "The board changed while this was being saved",
                "Others changed this board at the same moment; reload the board and try again."),
            DbUpdateException e when UniqueValueConflicts.For(e) is { } conflict => Rule(conflict),
            _ => null,
        };

    private static ProblemDetails Rule(RuleViolation violation)
    {
        var problem = Problem(violation.ProblemType, violation.Title, violation.Message);
        foreach (var (name, value) in violation.Figures)
        {
            problem.Extensions[name] = value;
        }

        return problem;
    }

    private static ProblemDetails Validation(IDictionary<string, string[]> errors) =>
        new HttpValidationProblemDetails(errors)
        {
            Type = ProblemType.ValidationFailed.Uri,
            Status = ProblemType.ValidationFailed.Status,
            Title = "The request has invalid fields",
            Detail = "Correct the fields listed in 'errors' and send it again.",
        };

    private static ProblemDetails Problem(ProblemType type, string title, string detail) =>
        new() { Type = type.Uri, Status = type.Status, Title = title, Detail = detail };

    private static string CamelCase(string name) =>
        string.Join('.', name.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));

    private static string JsonField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : CamelCase(path.TrimStart('$', '.'));

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
