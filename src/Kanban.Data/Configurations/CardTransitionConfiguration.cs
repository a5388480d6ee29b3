using Kanban.Domain.Boards;
using Kanban.Domain.Cards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kanban.Data.Configurations;

internal sealed class CardTransitionConfiguration : IEntityTypeConfiguration<CardTransition>
{
    public void Configure(EntityTypeBuilder<CardTransition> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasOne<Card>().WithMany().HasForeignKey(t => t.CardId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Board>().WithMany().HasForeignKey(t => t.BoardId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(t => new { t.CardId, t.At });
        builder.HasIndex(t => new { t.BoardId, t.At });
    }
}
