using Microsoft.AspNetCore.Identity;

namespace Kanban.Data.Accounts;

/// <summary>A person who signs in. Admin is the one global role; every other role is per board.</summary>
public sealed class User : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
    public bool IsAdmin { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
