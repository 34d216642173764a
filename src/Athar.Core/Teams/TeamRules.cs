using Athar.Core.Common;

namespace Athar.Core.Teams;

public enum TeamRole
{
    Leader = 1,
    Deputy = 2,
    Member = 3,
}

/// <summary>Where a person stands with a team. Only <see cref="Active"/> members count, act and appear.</summary>
public enum TeamMemberState
{
    Requested = 1,
    Invited = 2,
    Active = 3,
    Left = 4,
    Removed = 5,
    Declined = 6,
}

/// <summary>What a team form carries: bilingual name and description, and where the team works.</summary>
public sealed class TeamInput
{
    public string? NameAr { get; set; }
    public string? NameEn { get; set; }
    public string? DescriptionAr { get; set; }
    public string? DescriptionEn { get; set; }
    public int? RegionId { get; set; }
    public int? CityId { get; set; }
    public string? Neighbourhood { get; set; }
}

public sealed record ValidTeam(string NameAr, string? NameEn, string? DescriptionAr, string? DescriptionEn, int RegionId, int CityId, string? Neighbourhood);

/// <summary>
/// The rules of a volunteer team: who may do what, and which membership changes are allowed from which state.
/// The leader must hold a valid team-leadership licence when appointed; a team whose leader's licence later
/// lapses keeps its members but cannot apply as a team until the licence is renewed or a new leader appointed.
/// </summary>
public static class TeamRules
{
    public const int NameMaxLength = 120;
    public const int DescriptionMaxLength = 1000;
    public const int NeighbourhoodMaxLength = 100;

    /// <summary>The most members one team application may carry (each becomes an individual application).</summary>
    public const int MaxMembersPerApplication = 50;

    public static (ValidTeam? Team, IReadOnlyList<FieldError> Errors) Validate(TeamInput input)
    {
        var errors = new List<FieldError>();
        var nameAr = Text(input.NameAr, nameof(TeamInput.NameAr), NameMaxLength, required: true, errors);
        var nameEn = Text(input.NameEn, nameof(TeamInput.NameEn), NameMaxLength, required: false, errors);
        var descriptionAr = Text(input.DescriptionAr, nameof(TeamInput.DescriptionAr), DescriptionMaxLength, required: false, errors);
        var descriptionEn = Text(input.DescriptionEn, nameof(TeamInput.DescriptionEn), DescriptionMaxLength, required: false, errors);
        var neighbourhood = Text(input.Neighbourhood, nameof(TeamInput.Neighbourhood), NeighbourhoodMaxLength, required: false, errors);
        var city = input.CityId is { } c ? Reference.ReferenceData.Cities.FirstOrDefault(x => x.Id == c) : null;
        if (input.RegionId is not { } region || Reference.ReferenceData.Regions.All(r => r.Id != region))
            errors.Add(new(nameof(TeamInput.RegionId), "Field.Required"));
        else if (city is null || city.RegionId != region)
            errors.Add(new(nameof(TeamInput.CityId), "City.NotInRegion"));
        return errors.Count > 0
            ? (null, errors)
            : (new ValidTeam(nameAr!, nameEn, descriptionAr, descriptionEn, input.RegionId!.Value, input.CityId!.Value, neighbourhood), errors);
    }

    private static string? Text(string? value, string field, int max, bool required, List<FieldError> errors)
    {
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            if (required)
                errors.Add(new(field, "Field.Required"));
            return null;
        }
        if (text.Length > max)
        {
            errors.Add(new(field, "Text.TooLong", max));
            return null;
        }
        if (TextRules.HasMarkupOrControl(text))
        {
            errors.Add(new(field, "Text.Unsafe"));
            return null;
        }
        return text;
    }

    /// <summary>Leaders and deputies run the team: accept requests, invite, apply as a team.</summary>
    public static bool Runs(TeamRole? role, TeamMemberState? state) =>
        state == TeamMemberState.Active && role is TeamRole.Leader or TeamRole.Deputy;

    /// <summary>A volunteer may ask to join unless already in, already asked, or already invited (then they accept).</summary>
    public static string? RequestBlocker(TeamMemberState? current) => current switch
    {
        TeamMemberState.Active => "team-already-member",
        TeamMemberState.Requested => "team-already-requested",
        TeamMemberState.Invited => "team-already-invited",
        _ => null,
    };

    public static string? InviteBlocker(TeamMemberState? current) => current switch
    {
        TeamMemberState.Active => "team-already-member",
        TeamMemberState.Invited => "team-already-invited",
        _ => null,
    };

    /// <summary>The leader cannot simply leave: the organisation appoints another leader first.</summary>
    public static string? LeaveBlocker(TeamRole role, TeamMemberState state) =>
        state != TeamMemberState.Active ? "team-not-a-member" : role == TeamRole.Leader ? "team-leader-cannot-leave" : null;

    /// <summary>Why a team cannot apply as a team now, or null.</summary>
    public static string? TeamApplicationBlocker(bool closed, bool leaderLicenceValid) =>
        closed ? "team-closed" : !leaderLicenceValid ? "team-leader-licence-invalid" : null;
}
