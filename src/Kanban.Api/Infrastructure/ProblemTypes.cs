using Kanban.Domain.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;

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
            StatusCodes.Status400BadRequest => ProblemType.ValidationFailed.Uri,
            StatusCodes.Status401Unauthorized => ProblemType.Unauthorized.Uri,
            StatusCodes.Status403Forbidden => ProblemType.Forbidden.Uri,
            StatusCodes.Status404NotFound => ProblemType.NotFound.Uri,
            _ => problem.Type,
        };
    }

    /// <summary>
    /// Answers a request no endpoint took. A route that exists but takes a JSON body lands here too
    /// when the body is missing or not JSON (routing sets such endpoints aside), so that is said instead.
    /// </summary>
    public static ProblemHttpResult UnknownApiRoute(HttpContext context)
    {
        if (!context.Request.HasJsonContentType() && IsRouteWithBody(context))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The request needs a JSON body",
                detail: $"{context.Request.Method} {context.Request.Path} takes a JSON body: send one (at least {{}}) with Content-Type: application/json.",
                type: ProblemType.ValidationFailed.Uri);
        }

        return TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Not found",
            detail: $"There is no API route {context.Request.Method} {context.Request.Path}; /openapi/v1.json lists them.",
            type: ProblemType.NotFound.Uri);
    }

    private static bool IsRouteWithBody(HttpContext context)
    {
        var method = context.Request.Method;
        var path = context.Request.Path;
        return context.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAcceptsMetadata>() is { ContentTypes.Count: > 0 }
                && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(method, StringComparer.OrdinalIgnoreCase) == true)
            .Any(e => RoutePatternMatches(e.RoutePattern, path));
    }

    private static bool RoutePatternMatches(RoutePattern pattern, PathString path) =>
        new TemplateMatcher(TemplateParser.Parse(pattern.RawText ?? ""), new RouteValueDictionary()).TryMatch(path, new RouteValueDictionary());
}
