using Kanban.Data.Accounts;
using Kanban.Data.Leases;
using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Kanban.Domain.Duplicates;
using Kanban.Domain.Tickets;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kanban.Data;

public sealed class KanbanDbContext(DbContextOptions<KanbanDbContext> options) : IdentityUserContext<User, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Board> Boards => Set<Board>();
    public DbSet<Lane> Lanes => Set<Lane>();
    public DbSet<Card> Cards => Set<Card>();
    public DbSet<CardTransition> CardTransitions => Set<CardTransition>();
    public DbSet<TicketComment> TicketComments => Set<TicketComment>();
    public DbSet<LineStop> LineStops => Set<LineStop>();
    public DbSet<ActivityEntry> Activity => Set<ActivityEntry>();
    public DbSet<BoardMember> BoardMembers => Set<BoardMember>();
    public DbSet<ShareLink> ShareLinks => Set<ShareLink>();
    public DbSet<TicketVector> TicketVectors => Set<TicketVector>();
    public DbSet<Lease> Leases => Set<Lease>();
    public DbSet<SignInWindow> SignInWindows => Set<SignInWindow>();
    public DbSet<CardBlock> CardBlocks => Set<CardBlock>();
    public DbSet<StatusNote> StatusNotes => Set<StatusNote>();

    /// <summary>The sign-in keys, when the database is a server several instances share (KeyStorage).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(KanbanDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite stores DateTimeOffset and decimal as text, which it can neither order nor compare;
        // as numbers the metrics queries can filter and sort on them in the database.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<InstantToBinary>();
            configurationBuilder.Properties<decimal>().HaveConversion<double>();
        }

        // PostgreSQL's timestamptz holds an instant and Npgsql refuses to write one with an offset:
        // every instant is written in UTC (a board file may give any offset), the same instant.
        if (Database.IsNpgsql())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<InstantInUtc>();
        }

        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}

/// <summary>Writes an instant in UTC; reads it back as it is.</summary>
internal sealed class InstantInUtc() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);

/// <summary>
/// SQLite's number for an instant: EF Core's <see cref="DateTimeOffsetToBinaryConverter"/> encoding
/// (ticks in its high bits, the offset in minutes in its low 11), always written in UTC. EF Core's own
/// converter writes the clock reading of the value's offset, so two instants compared in SQL (a
/// column against a board's local midnight, say) would be compared as clock readings, hours apart.
/// Values written before in another offset still read back as the same instant.
/// </summary>
internal sealed class InstantToBinary() : ValueConverter<DateTimeOffset, long>(
    v => (v.UtcTicks / 1000) << 11,
    v => new DateTimeOffset((v >> 11) * 1000, TimeSpan.FromMinutes((v << 53) >> 53)));
