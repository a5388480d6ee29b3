using Kanban.Domain.Boards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kanban.Data.Configurations;

internal sealed class BoardConfiguration : IEntityTypeConfiguration<Board>
{
    public void Configure(EntityTypeBuilder<Board> builder)
    {
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Name).HasMaxLength(BoardLimits.BoardNameMaxLength).IsRequired();
        builder.Property(b => b.Key).HasMaxLength(BoardLimits.BoardKeyMaxLength).IsRequired();
        builder.HasIndex(b => b.Key).IsUnique();
        builder.Property(b => b.TimeZone).HasMaxLength(64).IsRequired();
        builder.Property(b => b.Version).IsConcurrencyToken();

        builder.OwnsOne(b => b.Settings, settings =>
        {
            settings.Property(s => s.PersonalWipLimit).HasColumnName("PersonalWipLimit");
            settings.Property(s => s.StopLineThreshold).HasColumnName("StopLineThreshold");
            settings.Property(s => s.StaleDays).HasColumnName("StaleDays");
            settings.Property(s => s.MaxEstimateDays).HasColumnName("MaxEstimateDays").HasPrecision(5, 2);
            settings.Property(s => s.DuplicateThreshold).HasColumnName("DuplicateThreshold");
            settings.Property(s => s.DuplicateWindowDays).HasColumnName("DuplicateWindowDays").HasDefaultValue(BoardSettings.DefaultDuplicateWindowDays);
            settings.Property(s => s.CycleTimeWindowDays).HasColumnName("CycleTimeWindowDays").HasDefaultValue(BoardSettings.DefaultCycleTimeWindowDays);
            settings.Property(s => s.ForecastWeeks).HasColumnName("ForecastWeeks").HasDefaultValue(BoardSettings.DefaultForecastWeeks);
            settings.Property(s => s.TargetDate).HasColumnName("TargetDate");
            settings.Property(s => s.StoppedRedPercent).HasColumnName("StoppedRedPercent").HasDefaultValue(BoardSettings.DefaultStoppedRedPercent);
            settings.Property(s => s.LineStopSound).HasColumnName("LineStopSound").HasDefaultValue(false);
            settings.Ignore(s => s.Status);
            settings.PrimitiveCollection(s => s.FillerWords).HasColumnName("FillerWords").Metadata.SetValueComparer(new StringListComparer());
        });
        builder.Navigation(b => b.Settings).IsRequired();

        builder.Ignore(b => b.OrderedLanes);
        builder.Ignore(b => b.BacklogLane);
        builder.Ignore(b => b.Events);
        builder.Ignore(b => b.Line);
        builder.Ignore(b => b.StopLineThreshold);
        builder.HasMany(b => b.Lanes).WithOne().HasForeignKey(l => l.BoardId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(b => b.Lanes).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(b => b.LineStops).WithOne().HasForeignKey(s => s.BoardId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(b => b.LineStops).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
