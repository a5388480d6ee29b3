using Kanban.Data;
using Kanban.Data.Accounts;
using Kanban.Data.Leases;
using Kanban.Domain;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Kanban.Domain.Duplicates;
using Kanban.Domain.Problems;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Kanban.Api.Infrastructure;

/// <summary>
/// Turns a value the database already holds into the contract's 409 <c>conflict</c>, naming the
/// request field that carries it (also as <c>errors</c>, so a form shows it beside the field) and
/// saying what to do. Every unique index and key of the model has an entry here; a test checks it.
/// </summary>
public static class UniqueValueConflicts
{
    private sealed record Mapping(Type Entity, string Properties, string Field, string Title, Func<EntityEntry?, string> Detail);

    private static readonly Mapping[] Mappings =
    [
        new(typeof(Board), nameof(Board.Key), "key", "The board key is taken",
            e => $"A board with key {Value(e, nameof(Board.Key)) ?? "this key"} already exists; choose another key."),
        new(typeof(User), nameof(User.NormalizedUserName), "email", "The e-mail address is taken", e => EmailTaken(Value(e, nameof(User.Email)))),
        new(typeof(BoardMember), $"{nameof(BoardMember.BoardId)}+{nameof(BoardMember.UserId)}", "userId", "The person was just added",
            _ => "This person was added to the board at the same moment; reload the members and set their role again."),
        new(typeof(Card), $"{nameof(Card.BoardId)}+{nameof(Card.Number)}", "key", "The ticket number was just taken",
            _ => "Another ticket took this board's next number at the same moment; send it again."),
        new(typeof(TicketVector), nameof(TicketVector.CardId), "ticketId", "The ticket's text was just compared",
            _ => "The ticket's text was embedded for duplicate detection at the same moment by another save; send it again."),
        new(typeof(Lease), nameof(Lease.Name), "name", "The lease was just taken",
            _ => "Another instance took this lease at the same moment; it is tried again later."),
        new(typeof(SignInWindow), nameof(SignInWindow.Key), "email", "Sign-in attempts were just counted",
            _ => "Another sign-in attempt was counted at the same moment; try again."),
        new(typeof(ShareLink), nameof(ShareLink.TokenHash), "token", "The share link's token is taken",
            _ => "A share link with the same token already exists; make the link again for a new token."),
        new(typeof(IdentityUserLogin<Guid>), $"{nameof(IdentityUserLogin<Guid>.LoginProvider)}+{nameof(IdentityUserLogin<Guid>.ProviderKey)}", "login", "The login is taken",
            _ => "That external login already belongs to an account."),
        new(typeof(IdentityUserToken<Guid>), $"{nameof(IdentityUserToken<Guid>.UserId)}+{nameof(IdentityUserToken<Guid>.LoginProvider)}+{nameof(IdentityUserToken<Guid>.Name)}", "token", "The token was just saved",
            _ => "That token was saved at the same moment; try again."),
    ];

    /// <summary>The request field a constraint's value comes from, or null if it has no mapping.</summary>
    public static string? FieldOf(UniqueConstraint constraint) => MappingOf(constraint)?.Field ?? (IsSurrogateKey(constraint) ? "id" : null);

    /// <summary>
    /// Whether a failed save lost a race for the board's next ticket number: on a database whose
    /// writers run side by side (PostgreSQL, SQL Server) the number's unique index can refuse the
    /// later of two submissions before the board's version does. Like a stale version, it is decided
    /// again from fresh data, not answered.
    /// </summary>
    public static bool IsLostRaceForNumber(DbUpdateException exception) =>
        UniqueConstraints.Find(exception) is { Constraint: { } constraint }
        && constraint.EntityType.ClrType == typeof(Card)
        && constraint.Properties.Select(p => p.Name).SequenceEqual([nameof(Card.BoardId), nameof(Card.Number)]);

    /// <summary>The conflict behind a failed save, or null if it was not a unique value already taken.</summary>
    public static RuleViolation? For(DbUpdateException exception) =>
        UniqueConstraints.Find(exception) is { } violation ? Conflict(violation) : null;

    /// <summary>The refusal of an e-mail address another account has, however it was found out.</summary>
    public static RuleViolation EmailAlreadyTaken(string email) => Refusal("email", "The e-mail address is taken", EmailTaken(email));

    private static RuleViolation Conflict(UniqueConstraintViolation violation)
    {
        if (violation.Constraint is { } constraint && MappingOf(constraint) is { } mapping)
        {
            return Refusal(mapping.Field, mapping.Title, mapping.Detail(violation.Entry));
        }

        return Refusal(
            violation.Constraint is { } other && IsSurrogateKey(other) ? "id" : null,
            "A value is already taken",
            "Something this request saves already exists, probably saved at the same moment; reload and check before trying again.");
    }

    private static RuleViolation Refusal(string? field, string title, string detail) => new(
        ProblemType.Conflict,
        title,
        detail,
        field is null
            ? null
            : new Dictionary<string, object?> { ["field"] = field, ["errors"] = new Dictionary<string, string[]> { [field] = [detail] } });

    private static Mapping? MappingOf(UniqueConstraint constraint)
    {
        var properties = string.Join('+', constraint.Properties.Select(p => p.Name));
        return Array.Find(Mappings, m => m.Entity == constraint.EntityType.ClrType && m.Properties == properties);
    }

    /// <summary>A row's own id: the server makes it, so it collides only if the same row is saved twice.</summary>
    private static bool IsSurrogateKey(UniqueConstraint constraint) => constraint is { IsPrimaryKey: true, Properties: [{ Name: "Id" }] };

    private static string EmailTaken(string? email) =>
        $"Someone already has the account {email ?? "with this e-mail address"}; use another e-mail address, or find that person in the list.";

    private static string? Value(EntityEntry? entry, string property) => entry?.Property(property).CurrentValue?.ToString();
}
