using Kanban.Domain.Boards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kanban.Data.Configurations;

internal sealed class LineStopConfiguration : IEntityTypeConfiguration<LineStop>
{
    public void Configure(EntityTypeBuilder<LineStop> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Reason).HasMaxLength(500).IsRequired();
        builder.Property(s => s.ResumeNote).HasMaxLength(500);
        builder.Ignore(s => s.Lasted);
        builder.HasIndex(s => new { s.BoardId, s.StoppedAt });
    }
}
