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
            StatusCodes.Status405MethodNotAllowed => ProblemType.MethodNotAllowed.Uri,
            _ => problem.Type,
        };
    }

    /// <summary>
    /// Answers a request no endpoint took. A route that exists but takes a JSON body lands here too
    /// when the body is missing or not JSON (routing sets such endpoints aside), so that is said instead;
    /// a route that exists for other methods only is a 405 that names them (the fallback takes every
    /// method, so routing's own 405 never happens under /api).
    /// </summary>
    public static ProblemHttpResult UnknownApiRoute(HttpContext context)
    {
        var method = context.Request.Method;
        var routes = RoutesMatching(context);
        if (!context.Request.HasJsonContentType()
            && routes.Any(e => Takes(e, method) && e.Metadata.GetMetadata<IAcceptsMetadata>() is { ContentTypes.Count: > 0 }))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The request needs a JSON body",
                detail: $"{method} {context.Request.Path} takes a JSON body: send one (at least {{}}) with Content-Type: application/json.",
                type: ProblemType.ValidationFailed.Uri);
        }

        var allowed = routes.SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods)
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        if (allowed.Count > 0 && !allowed.Contains(method, StringComparer.OrdinalIgnoreCase))
        {
            context.Response.Headers.Allow = string.Join(", ", allowed);
            return TypedResults.Problem(
                statusCode: ProblemType.MethodNotAllowed.Status,
                title: "Method not allowed",
                detail: $"{context.Request.Path} does not take {method}; it takes {string.Join(", ", allowed)}.",
                type: ProblemType.MethodNotAllowed.Uri);
        }

        return TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Not found",
            detail: $"There is no API route {method} {context.Request.Path}; /openapi/v1.json lists them.",
            type: ProblemType.NotFound.Uri);
    }

    private static bool Takes(Endpoint endpoint, string method) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Contains(method, StringComparer.OrdinalIgnoreCase);

    /// <summary>The endpoints, of any method, whose route and route constraints match the request's path.</summary>
    private static List<RouteEndpoint> RoutesMatching(HttpContext context)
    {
        var policies = context.RequestServices.GetRequiredService<ParameterPolicyFactory>();
        return [.. context.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            // Fallbacks (Order int.MaxValue) match every path, and the SPA's takes GET.
            .Where(e => e.Order != int.MaxValue && e.Metadata.GetMetadata<IHttpMethodMetadata>() is { HttpMethods.Count: > 0 })
            .Where(e => Matches(context, policies, e.RoutePattern))];
    }

    private static bool Matches(HttpContext context, ParameterPolicyFactory policies, RoutePattern pattern)
    {
        var values = new RouteValueDictionary();
        if (!new TemplateMatcher(TemplateParser.Parse(pattern.RawText ?? ""), new RouteValueDictionary()).TryMatch(context.Request.Path, values))
        {
            return false;
        }

        return pattern.Parameters.All(parameter => parameter.ParameterPolicies
            .Select(reference => policies.Create(parameter, reference))
            .OfType<IRouteConstraint>()
            .All(constraint => constraint.Match(context, null, parameter.Name, values, RouteDirection.IncomingRequest)));
    }
}
