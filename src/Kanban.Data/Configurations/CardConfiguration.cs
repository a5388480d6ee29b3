using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kanban.Data.Configurations;

internal sealed class CardConfiguration : IEntityTypeConfiguration<Card>
{
    public void Configure(EntityTypeBuilder<Card> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Key).HasMaxLength(24).IsRequired();
        builder.HasIndex(c => new { c.BoardId, c.Number }).IsUnique();
        builder.Property(c => c.Title).HasMaxLength(400).IsRequired();
        builder.Property(c => c.Description).IsRequired();
        builder.PrimitiveCollection(c => c.DefinitionOfDone).Metadata.SetValueComparer(new StringListComparer());
        builder.Property(c => c.EstimateDays).HasPrecision(5, 2);
        builder.Property(c => c.BlockedReason).HasMaxLength(500);

        builder.HasOne<Board>().WithMany().HasForeignKey(c => c.BoardId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Lane>().WithMany().HasForeignKey(c => c.LaneId).OnDelete(DeleteBehavior.Restrict);

        // Links between tickets of one board, kept by the board's rules (cards are never deleted). Not
        // foreign keys: on SQLite adding one rebuilds the table outside the migration's transaction.
        builder.HasIndex(c => c.DuplicateOfId);
        builder.HasIndex(c => c.LikelyDuplicateOfId);
        builder.Ignore(c => c.Content);
        builder.Ignore(c => c.IsAwaitingTriage);

        // A lane's cards in rank order are read on every move.
        builder.HasIndex(c => new { c.LaneId, c.Rank });

        // Lane counts read only the cards on the board, not the done history or the triage inbox.
        builder.HasIndex(c => new { c.BoardId, c.State, c.LaneId });

        // The cycle times read only the cards a done lane received within the board's window.
        builder.HasIndex(c => new { c.LaneId, c.CompletedAt });
    }
}
