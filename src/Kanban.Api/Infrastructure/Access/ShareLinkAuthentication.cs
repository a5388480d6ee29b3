using System.Security.Claims;
using System.Text.Encodings.Web;
using Kanban.Data;
using Kanban.Domain.Boards;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kanban.Api.Infrastructure.Access;

/// <summary>
/// Authenticates a request that carries <c>?share=TOKEN</c> as its link: one board, one view,
/// read only. A revoked or unknown token fails at once.
/// </summary>
public sealed class ShareLinkAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, KanbanDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ShareLink";
    public const string QueryParameter = "share";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Query[QueryParameter].FirstOrDefault() is not { Length: > 0 } token)
        {
            return AuthenticateResult.NoResult();
        }

        var hash = ShareLink.Hash(token);
        var link = await db.ShareLinks.AsNoTracking().FirstOrDefaultAsync(l => l.TokenHash == hash && l.RevokedAt == null, Context.RequestAborted);
        if (link is null)
        {
            return AuthenticateResult.Fail("This share link is not valid, or it was revoked.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(CurrentUser.ShareBoardClaim, link.BoardId.ToString()),
                new Claim(CurrentUser.ShareViewClaim, link.View.ToString()),
                new Claim(CurrentUser.ShareLinkClaim, link.Id.ToString()),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
