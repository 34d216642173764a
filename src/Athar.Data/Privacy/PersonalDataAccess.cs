using Athar.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Athar.Data.Privacy;

/// <summary>
/// One staff member seeing (or exporting) one other person's personal data, once. Kept apart from the
/// hash-chained audit trail because a single list page writes a row per person shown; the question it
/// answers is the breach one: "whose records did this account see, and when?".
/// </summary>
public sealed class PersonalDataAccess
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid ViewerId { get; set; }
    public Guid PersonId { get; set; }

    /// <summary>The organisation the viewer acted for; null for platform staff.</summary>
    public Guid? OrganizationId { get; set; }

    /// <summary>Which screen or export showed the data (<see cref="PersonalDataPurposes"/>).</summary>
    public required string Purpose { get; set; }
}

/// <summary>The screens and exports that show staff another person's personal data. Stored by name: never rename.</summary>
public static class PersonalDataPurposes
{
    public const string Applicants = "applicants";
    public const string Roster = "roster";
    public const string HoursReview = "hours-review";
    public const string AdminRecentUsers = "admin.recent-users";
}

internal sealed class PersonalDataAccessConfiguration : IEntityTypeConfiguration<PersonalDataAccess>
{
    public void Configure(EntityTypeBuilder<PersonalDataAccess> b)
    {
        b.ToTable("PersonalDataAccessLog");
        b.Property(a => a.Purpose).HasMaxLength(40);
        // No foreign keys: the log must outlive, unchanged, whatever happens to the accounts it names.
        b.HasIndex(a => new { a.ViewerId, a.At });
        b.HasIndex(a => new { a.PersonId, a.At });
    }
}
