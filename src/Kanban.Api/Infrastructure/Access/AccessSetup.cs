using Kanban.Data;
using Kanban.Data.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;

namespace Kanban.Api.Infrastructure.Access;

/// <summary>Accounts, the three ways in (cookie for the SPA, bearer for scripts, share link for screens), and antiforgery.</summary>
public static class AccessSetup
{
    public const string Scheme = "Kanban";
    public const string AntiforgeryHeader = "X-XSRF-TOKEN";
    public const string AntiforgeryCookie = "XSRF-TOKEN";

    public static IServiceCollection AddKanbanAccess(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<BoardAccess>();
        services.AddScoped<SignInThrottle>();
        services.AddSingleton<CardBoards>();

        services.AddIdentityCore<User>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 10;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddEntityFrameworkStores<KanbanDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<KanbanClaimsFactory>();

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Cookie, bearer token or share link", options => options.ForwardDefaultSelector = SchemeOf)
            .AddCookie(IdentityConstants.ApplicationScheme, options =>
            {
                options.Cookie.Name = "kanban.session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromDays(7);
                options.SlidingExpiration = true;
                options.Events.OnRedirectToLogin = context => Problems.WriteAsync(context.HttpContext, new UnauthorizedException());
                options.Events.OnRedirectToAccessDenied = context => Problems.WriteAsync(context.HttpContext, new ForbiddenException("You may not do this."));
            })
            .AddBearerToken(IdentityConstants.BearerScheme, options => options.BearerTokenExpiration = TimeSpan.FromHours(8))
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ShareLinkAuthentication>(ShareLinkAuthentication.SchemeName, null);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(Scheme).RequireAuthenticatedUser().Build());

        services.AddAntiforgery(options =>
        {
            options.HeaderName = AntiforgeryHeader;
            options.Cookie.Name = "kanban.antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        return services;
    }

    /// <summary>How a request says who it is: a bearer token, a share link, or else the session cookie.</summary>
    public static string SchemeOf(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? IdentityConstants.BearerScheme
            : context.Request.Query.ContainsKey(ShareLinkAuthentication.QueryParameter)
                ? ShareLinkAuthentication.SchemeName
                : IdentityConstants.ApplicationScheme;

    /// <summary>
    /// A write made with the session cookie must carry the antiforgery header the SPA sends; bearer
    /// and share-link requests cannot be forged by another site, so they need none.
    /// </summary>
    public static IApplicationBuilder UseAntiforgeryForCookies(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var unsafeMethod = !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method));
            // The hub only pushes: its POSTs (negotiate, long-polling sends) change no data.
            if (unsafeMethod
                && !context.Request.Path.StartsWithSegments("/hubs")
                && context.User.Identity is { IsAuthenticated: true }
                && SchemeOf(context) == IdentityConstants.ApplicationScheme
                && !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
            {
                await Problems.WriteAsync(context, new ForbiddenException(
                    $"This write came without a valid {AntiforgeryHeader} header; reload the page and try again."));
                return;
            }

            await next(context);
        });

    /// <summary>Gives the signed-in browser the antiforgery token its scripts echo in the header.</summary>
    public static void IssueAntiforgeryToken(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        context.Response.Cookies.Append(AntiforgeryCookie, tokens.RequestToken!, new CookieOptions
        {
            HttpOnly = false,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
        });
    }

    public static BearerTokenOptions BearerOptions(IServiceProvider services) =>
        services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme);
}
