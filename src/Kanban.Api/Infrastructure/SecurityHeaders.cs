namespace Kanban.Api.Infrastructure;

/// <summary>
/// Headers on every response: a Content-Security-Policy without inline script, no MIME sniffing,
/// no referrer (share links carry their token in the URL), and no framing, except the wall where
/// <c>Kanban:WallFrameAncestors</c> allows it (a dashboard that embeds the wall screen).
/// </summary>
public static class SecurityHeaders
{
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var wallAncestors = app.ApplicationServices.GetRequiredService<IConfiguration>()["Kanban:WallFrameAncestors"];
        return app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            var ancestors = context.Request.Path.StartsWithSegments("/wall") && !string.IsNullOrWhiteSpace(wallAncestors)
                ? wallAncestors
                : "'none'";
            headers.ContentSecurityPolicy = $"{Policy}; frame-ancestors {ancestors}";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            return next(context);
        });
    }
}
