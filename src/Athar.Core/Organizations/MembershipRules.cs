using Athar.Core.Common;

namespace Athar.Core.Organizations;

/// <summary>An organisation always keeps at least one admin: nobody can remove or demote the last one.</summary>
public static class MembershipRules
{
    public const string LastAdminCode = "last-admin";

    public static Refusal? CheckRemoval(bool targetIsAdmin, int adminCount) =>
        targetIsAdmin && adminCount <= 1 ? new Refusal(LastAdminCode) : null;

    public static Refusal? CheckRoleChange(bool targetIsAdmin, bool becomesAdmin, int adminCount) =>
        targetIsAdmin && !becomesAdmin && adminCount <= 1 ? new Refusal(LastAdminCode) : null;
}
