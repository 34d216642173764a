using Athar.Core.Localization;

namespace Athar.Data.Organizations;

/// <summary>An entity (جهة) that offers volunteering: government, association, company, university, foundation.</summary>
public sealed class Organization
{
    public Guid Id { get; set; }
    public required LocalizedText Name { get; set; }
    public OrganizationType Type { get; set; }
    public string? RegistrationNumber { get; set; }
    public int RegionId { get; set; }
    public int CityId { get; set; }
    public OrganizationStatus Status { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public string? Website { get; set; }

    /// <summary>Why it was rejected or suspended, shown to its admins.</summary>
    public string? StatusReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StatusChangedAt { get; set; }
    public Guid? StatusChangedBy { get; set; }
    public List<OrganizationMember> Members { get; set; } = [];
    public List<OrganizationField> Fields { get; set; } = [];
}

public enum OrganizationType
{
    Government = 1,
    NonProfitAssociation = 2,
    PrivateCompany = 3,
    University = 4,
    CharitableFoundation = 5,
}

public enum OrganizationStatus
{
    Pending = 1,
    Verified = 2,
    Rejected = 3,
    Suspended = 4,
}

/// <summary>A person's role in one organisation; a person can belong to several.</summary>
public sealed class OrganizationMember
{
    public Guid OrganizationId { get; set; }
    public Guid UserId { get; set; }
    public OrganizationRole Role { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
}

public enum OrganizationRole
{
    Admin = 1,
    Supervisor = 2,
}
