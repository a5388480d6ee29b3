using Microsoft.AspNetCore.Http.HttpResults;

namespace Kanban.Api.Infrastructure;

/// <summary>Gives the framework's own error responses (unknown route, wrong method) the contract's types.</summary>
public static class ProblemTypes
{
    public static void ApplyContractTypes(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Type is not null && problem.Type.StartsWith("urn:kanban:", StringComparison.Ordinal))
        {
            return;
        }

        problem.Type = problem.Status switch
        {
            StatusCodes.Status400BadRequest => Problems.TypeUri(Problems.ValidationFailed),
            StatusCodes.Status401Unauthorized => Problems.TypeUri(Problems.Unauthorized),
            StatusCodes.Status403Forbidden => Problems.TypeUri(Problems.Forbidden),
            StatusCodes.Status404NotFound => Problems.TypeUri(Problems.NotFound),
            _ => problem.Type,
        };
    }

    public static ProblemHttpResult UnknownApiRoute(HttpContext context) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Not found",
            detail: $"There is no API route {context.Request.Method} {context.Request.Path}; /openapi/v1.json lists them.",
            type: Problems.TypeUri(Problems.NotFound));
}
