namespace Kanban.Api.Infrastructure;

/// <summary>The problem types of the HTTP contract, as URNs ending in the contract's names.</summary>
public static class Problems
{
    public const string ValidationFailed = "validation-failed";
    public const string NotFound = "not-found";
    public const string Forbidden = "forbidden";
    public const string Unauthorized = "unauthorized";
    public const string TooManyRequests = "too-many-requests";
    public const string ConcurrencyConflict = "concurrency-conflict";
    public const string Internal = "internal-error";

    public static string TypeUri(string name) => $"urn:kanban:problem:{name}";

    /// <summary>Writes the problem <paramref name="exception"/> stands for, outside the exception handler.</summary>
    public static async Task WriteAsync(HttpContext context, Exception exception)
    {
        var problem = ProblemExceptionHandler.For(exception) ?? throw exception;
        context.Response.StatusCode = problem.Status!.Value;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
        });
    }
}
