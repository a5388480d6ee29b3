using Kanban.Domain.Boards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kanban.Data.Configurations;

internal sealed class StatusNoteConfiguration : IEntityTypeConfiguration<StatusNote>
{
    public void Configure(EntityTypeBuilder<StatusNote> builder)
    {
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Text).HasMaxLength(BoardLimits.StatusNoteMaxLength).IsRequired();
        builder.HasOne<Board>().WithMany().HasForeignKey(n => n.BoardId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.BoardId, n.At });
    }
}
