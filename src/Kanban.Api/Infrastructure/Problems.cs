namespace Kanban.Api.Infrastructure;

/// <summary>Problems written outside the exception handler; the types themselves are <see cref="Domain.Problems.ProblemType"/>.</summary>
public static class Problems
{
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
