namespace Athar.Core.Opportunities;

public enum OpportunityStatus
{
    Draft = 1,
    Published = 2,
    /// <summary>Visible, but takes no new applications.</summary>
    Closed = 3,
    Completed = 4,
    Cancelled = 5,
}

public enum GenderRequirement
{
    Any = 0,
    Male = 1,
    Female = 2,
}

/// <summary>The licence an opportunity requires; the three licence levels are defined by the licence feature.</summary>
public enum LicenseRequirement
{
    None = 0,
    Practitioner = 1,
    TeamLeadership = 2,
}

/// <summary>The ministry tracks the share of skilled and professional volunteering.</summary>
public enum VolunteeringType
{
    General = 1,
    Skilled = 2,
    Professional = 3,
}
