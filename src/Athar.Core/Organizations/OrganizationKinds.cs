namespace Athar.Core.Organizations;

/// <summary>
/// The kinds of organisation the platform registers. Same names and values as the stored
/// <c>Athar.Data.Organizations.OrganizationType</c> (a test keeps them equal), so the rules stay pure.
/// </summary>
public enum OrganizationKind
{
    Government = 1,
    NonProfitAssociation = 2,
    PrivateCompany = 3,
    University = 4,
    CharitableFoundation = 5,
}

/// <summary>
/// Where an organisation stands with the platform. Same names and values as the stored
/// <c>Athar.Data.Organizations.OrganizationStatus</c> (a test keeps them equal).
/// </summary>
public enum OrganizationStanding
{
    Pending = 1,
    Verified = 2,
    Rejected = 3,
    Suspended = 4,
}
