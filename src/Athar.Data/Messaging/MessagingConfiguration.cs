using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Athar.Data.Messaging;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.Property(m => m.Recipient).HasMaxLength(256);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.Body).HasMaxLength(8000);
        b.Property(m => m.LastError).HasMaxLength(1000);
        // The dispatcher's query: unsent messages that are due.
        b.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
        b.HasIndex(m => m.UserId);
    }
}
