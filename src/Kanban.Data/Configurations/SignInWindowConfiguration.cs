using Kanban.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kanban.Data.Configurations;

internal sealed class SignInWindowConfiguration : IEntityTypeConfiguration<SignInWindow>
{
    public void Configure(EntityTypeBuilder<SignInWindow> builder)
    {
        builder.ToTable("SignInWindows");
        builder.HasKey(w => w.Key);
        // "account:" and an upper-cased e-mail of up to 256, or "address:" and an IP address.
        builder.Property(w => w.Key).HasMaxLength(300);
    }
}
