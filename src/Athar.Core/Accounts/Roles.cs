namespace Athar.Core.Accounts;

/// <summary>The platform's roles. Organisation and region roles are scoped by membership records.</summary>
public static class Roles
{
    public const string Volunteer = nameof(Volunteer);
    public const string OrganizationAdmin = nameof(OrganizationAdmin);
    public const string OrganizationSupervisor = nameof(OrganizationSupervisor);
    public const string TeamLeader = nameof(TeamLeader);
    public const string RegionalSupervisor = nameof(RegionalSupervisor);
    public const string PlatformAdmin = nameof(PlatformAdmin);

    public static IReadOnlyList<string> All { get; } =
        [Volunteer, OrganizationAdmin, OrganizationSupervisor, TeamLeader, RegionalSupervisor, PlatformAdmin];
}
