namespace Athar.Data.Accounts;

/// <summary>Scopes a RegionalSupervisor to the region they follow.</summary>
public sealed class RegionalAssignment
{
    public Guid UserId { get; set; }
    public int RegionId { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
}
