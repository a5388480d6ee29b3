using Kanban.Domain.Cards;
using Kanban.Domain.Duplicates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kanban.Data.Configurations;

internal sealed class TicketVectorConfiguration : IEntityTypeConfiguration<TicketVector>
{
    public void Configure(EntityTypeBuilder<TicketVector> builder)
    {
        builder.ToTable("TicketVectors");
        builder.HasKey(v => v.CardId);
        builder.Property(v => v.Model).HasMaxLength(80).IsRequired();
        builder.Property(v => v.Vector).IsRequired();
        builder.HasOne<Card>().WithOne().HasForeignKey<TicketVector>(v => v.CardId).OnDelete(DeleteBehavior.Cascade);

        // Each instance asks for the vectors embedded since it last looked, board by board.
        builder.HasIndex(v => new { v.BoardId, v.EmbeddedAt });
    }
}
