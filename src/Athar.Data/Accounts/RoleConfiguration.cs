using Athar.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Athar.Data.Accounts;

/// <summary>The roles are reference data: seeded by migration with fixed ids.</summary>
internal sealed class RoleConfiguration : IEntityTypeConfiguration<IdentityRole<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityRole<Guid>> b) =>
        b.HasData(Roles.All.Select((name, i) => new IdentityRole<Guid>
        {
            Id = new Guid($"00000000-0000-0000-0000-0000000000{i + 1:D2}"),
            Name = name,
            NormalizedName = name.ToUpperInvariant(),
            ConcurrencyStamp = $"role-{i + 1}",
        }));
}
