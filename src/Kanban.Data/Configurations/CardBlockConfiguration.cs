using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kanban.Data.Configurations;

internal sealed class CardBlockConfiguration : IEntityTypeConfiguration<CardBlock>
{
    public void Configure(EntityTypeBuilder<CardBlock> builder)
    {
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Reason).HasMaxLength(500).IsRequired();
        builder.HasOne<Card>().WithMany().HasForeignKey(b => b.CardId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Board>().WithMany().HasForeignKey(b => b.BoardId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(b => new { b.CardId, b.BlockedAt });
        builder.HasIndex(b => new { b.BoardId, b.BlockedAt });
    }
}
