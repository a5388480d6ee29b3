using System.Text.RegularExpressions;

namespace Kanban.Api.Features.Environment;

/// <summary>
/// The environment banner every page shows (<c>Kanban:EnvironmentBanner</c>, e.g. "Staging: may go down
/// at any time") and its colour (<c>Kanban:EnvironmentBannerColor</c>); both null when not configured.
/// </summary>
public sealed record EnvironmentResponse(string? Banner, string? BannerColor);

/// <summary>
/// <c>GET /api/environment</c>, anonymous: the sign-in page and a wall opened with a share link show the
/// banner too. Configuration, not a board's business, so it is answered here rather than through a query.
/// </summary>
public static partial class GetEnvironment
{
    public const int MaxBannerLength = 200;

    public static IEndpointRouteBuilder MapEnvironment(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/environment", (IConfiguration configuration) => TypedResults.Ok(Read(configuration)))
            .AllowAnonymous()
            .WithTags("Environment")
            .WithName("GetEnvironment");
        return app;
    }

    public static EnvironmentResponse Read(IConfiguration configuration)
    {
        var text = configuration["Kanban:EnvironmentBanner"]?.Trim();
        if (string.IsNullOrEmpty(text)) return new EnvironmentResponse(null, null);
        if (text.Length > MaxBannerLength) text = text[..MaxBannerLength];
        return new EnvironmentResponse(text, SafeColor(configuration["Kanban:EnvironmentBannerColor"]));
    }

    /// <summary>
    /// The colour when it is <c>#rgb</c>, <c>#rrggbb</c> or a plain colour name (letters only), else null
    /// (the page's own colour): the value goes into a style, so nothing else may pass (no <c>;</c>, no
    /// <c>url(</c>, no <c>}</c>).
    /// </summary>
    public static string? SafeColor(string? value)
    {
        var color = value?.Trim();
        return !string.IsNullOrEmpty(color) && Color().IsMatch(color) ? color : null;
    }

    [GeneratedRegex("^(#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|[a-zA-Z]{3,30})$")]
    private static partial Regex Color();
}
