using Athar.Core.Accounts;

namespace Athar.Web.Security;

/// <summary>Policy names. Every page and endpoint names one of these or says AllowAnonymous; the fallback is "signed in".</summary>
public static class Policies
{
    public const string Volunteer = nameof(Volunteer);
    public const string OrganizationStaff = nameof(OrganizationStaff);
    public const string RegionalSupervisor = nameof(RegionalSupervisor);
    public const string PlatformAdmin = nameof(PlatformAdmin);

    /// <summary>Organisation staff, and platform admins who may step in (platform-level review of hours).</summary>
    public const string OrganizationWork = nameof(OrganizationWork);

    /// <summary>Signed in, without the two-factor rule for platform admins: only the page where they switch it on.</summary>
    public const string SettingUpTwoFactor = nameof(SettingUpTwoFactor);

    /// <summary>Platform admins and regional supervisors: people who oversee organisations.</summary>
    public const string Oversight = nameof(Oversight);

    internal static readonly IReadOnlyDictionary<string, string[]> RolesByPolicy = new Dictionary<string, string[]>
    {
        [Volunteer] = [Roles.Volunteer],
        [OrganizationStaff] = [Roles.OrganizationAdmin, Roles.OrganizationSupervisor],
        [RegionalSupervisor] = [Roles.RegionalSupervisor],
        [PlatformAdmin] = [Roles.PlatformAdmin],
        [Oversight] = [Roles.PlatformAdmin, Roles.RegionalSupervisor],
        [OrganizationWork] = [Roles.OrganizationAdmin, Roles.OrganizationSupervisor, Roles.PlatformAdmin],
    };
}
