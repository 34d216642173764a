namespace Athar.Core.Licensing;

/// <summary>
/// The three licence levels of the national volunteer licence. The first two are held by a person,
/// the third by an organisation. Values line up with <see cref="Opportunities.LicenseRequirement"/>.
/// </summary>
public enum LicenseLevel
{
    Practitioner = 1,
    TeamLeadership = 2,
    Management = 3,
}

/// <summary>What an administrator has decided about a licence; expiry is not stored, it is evaluated by date.</summary>
public enum LicenseState
{
    Active = 1,
    Suspended = 2,
    Revoked = 3,
}

/// <summary>The status a reader sees: the stored state, or <see cref="Expired"/> once the expiry date has passed.</summary>
public enum LicenseStatus
{
    Active = 1,
    Expired = 2,
    Suspended = 3,
    Revoked = 4,
}

/// <summary>The history of a licence, in the order things happened to it.</summary>
public enum LicenseAction
{
    Issued = 1,
    Renewed = 2,
    Reissued = 3,
    Suspended = 4,
    Reinstated = 5,
    Revoked = 6,
}
