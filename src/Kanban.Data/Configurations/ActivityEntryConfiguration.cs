using Kanban.Domain.Boards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kanban.Data.Configurations;

internal sealed class ActivityEntryConfiguration : IEntityTypeConfiguration<ActivityEntry>
{
    public void Configure(EntityTypeBuilder<ActivityEntry> builder)
    {
        builder.ToTable("Activity");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Kind).HasMaxLength(40).IsRequired();
        builder.Property(a => a.Summary).IsRequired();
        builder.Property(a => a.Data).IsRequired();
        builder.HasOne<Board>().WithMany().HasForeignKey(a => a.BoardId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.BoardId, a.At });

        // What changed on a board since a version: how an instance's duplicate index catches up.
        builder.HasIndex(a => new { a.BoardId, a.Version });

        // A ticket's history.
        builder.HasIndex(a => new { a.CardId, a.Version });
    }
}
