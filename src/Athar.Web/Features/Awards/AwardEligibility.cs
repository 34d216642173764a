using Athar.Core.Recognition;
using Athar.Data.Organizations;

namespace Athar.Web.Features.Awards;

/// <summary>Which organisation tracks an organisation may enter itself in, by its registered type.</summary>
public static class AwardEligibility
{
    public static AwardTrack? OwnTrack(OrganizationType type) => type switch
    {
        OrganizationType.NonProfitAssociation or OrganizationType.CharitableFoundation => AwardTrack.NonProfitOrganizations,
        OrganizationType.University => AwardTrack.EducationalInstitutions,
        OrganizationType.Government => AwardTrack.GovernmentEntities,
        OrganizationType.PrivateCompany => AwardTrack.PrivateSector,
        _ => null,
    };

    /// <summary>The tracks an organisation can nominate in: its own organisation track, its teams, and individuals.</summary>
    public static IReadOnlyList<AwardTrack> TracksFor(OrganizationType type) =>
        [.. OwnTrack(type) is { } own ? new[] { own } : [], AwardTrack.Teams, AwardTrack.Individuals];
}
