using System.Security.Claims;
using Kanban.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kanban.Api.Infrastructure.Access;

/// <summary>Adds the Admin flag to the signed-in principal, so a request need not look it up.</summary>
public sealed class KanbanClaimsFactory(UserManager<User> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<User>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.IsAdmin)
        {
            identity.AddClaim(new Claim(CurrentUser.AdminClaim, "true"));
        }

        return identity;
    }
}
