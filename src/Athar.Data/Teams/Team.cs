using Athar.Core.Localization;
using Athar.Core.Teams;

namespace Athar.Data.Teams;

/// <summary>
/// A volunteer team belonging to an organisation (a neighbourhood centre, an association), working in one
/// city and neighbourhood, led by a holder of the team-leadership licence. The leader is also an active
/// member with the Leader role; <see cref="LeaderUserId"/> is the quick reference the indexes and pages use.
/// </summary>
public sealed class Team
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public required LocalizedText Name { get; set; }
    public string? DescriptionAr { get; set; }
    public string? DescriptionEn { get; set; }
    public int RegionId { get; set; }
    public int CityId { get; set; }
    public string? Neighbourhood { get; set; }
    public Guid LeaderUserId { get; set; }

    /// <summary>Normalised tokens of the names, neighbourhood and city (one normaliser for indexing and querying).</summary>
    public string SearchText { get; set; } = " ";
    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedBy { get; set; }

    /// <summary>Set when the organisation closes the team; a closed team stops counting as active.</summary>
    public DateTimeOffset? ClosedAt { get; set; }
}

/// <summary>A person's membership of one team (unique per team and person), through its requests and invitations.</summary>
public sealed class TeamMember
{
    public Guid TeamId { get; set; }
    public Guid UserId { get; set; }
    public TeamRole Role { get; set; }
    public TeamMemberState State { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Who invited, accepted or removed them last.</summary>
    public Guid? ChangedBy { get; set; }
}
