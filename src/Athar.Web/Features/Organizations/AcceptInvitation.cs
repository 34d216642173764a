using Athar.Core.Audit;
using Athar.Core.Localization;
using Athar.Core.Organizations;
using Athar.Data;
using Athar.Data.Audit;
using Athar.Data.Infrastructure;
using Athar.Data.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Organizations;

/// <summary>
/// A signed-in person holding an invitation link joins the organisation: a membership in the invited role and
/// the matching Identity role, once. The link is the credential (it reached the invited e-mail or mobile), so
/// it is single-use, expires, and is stored only as a hash.
/// </summary>
public sealed class AcceptInvitation(AtharDbContext db, AuditTrail audit, StaffRoles roles, TimeProvider clock)
{
    public const string UsedCode = "invitation-used";
    public const string ExpiredCode = "invitation-expired";
    public const string AlreadyMemberCode = "invitation-already-member";

    public sealed record Preview(Guid InvitationId, Guid OrganizationId, LocalizedText OrganizationName, OrganizationType Type, OrganizationRole Role, DateTimeOffset ExpiresAt, InvitationState State);

    public async Task<Preview?> FindAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (!InvitationToken.LooksValid(token))
            return null;
        var hash = InvitationToken.Hash(token!);
        var row = await db.OrganizationInvitations.AsNoTracking()
            .Where(i => i.TokenHash == hash)
            .Join(db.Organizations, i => i.OrganizationId, o => o.Id, (i, o) => new { i.Id, i.OrganizationId, o.Name, o.Type, i.Role, i.ExpiresAt, i.AcceptedAt })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null
            ? null
            : new Preview(row.Id, row.OrganizationId, row.Name, row.Type, row.Role, row.ExpiresAt, InvitationRules.StateOf(row.ExpiresAt, row.AcceptedAt, clock.GetUtcNow()));
    }

    public async Task<Outcome> AcceptAsync(Guid userId, string? token, CancellationToken cancellationToken = default)
    {
        var invitation = await FindAsync(token, cancellationToken);
        if (invitation is null)
            return Outcome.NotFound;
        if (invitation.State == InvitationState.Accepted)
            return Outcome.Refused(UsedCode);
        if (invitation.State == InvitationState.Expired)
            return Outcome.Refused(ExpiredCode);
        if (await IsMemberAsync(invitation.OrganizationId, userId, cancellationToken))
            return Outcome.Refused(AlreadyMemberCode);

        var now = clock.GetUtcNow();
        try
        {
            return await db.ExecuteOnceAsync(AttemptStart.ClearTracker, async _ =>
            {
                // The guarded update is what makes the link single-use, whatever races the requests run.
                var claimed = await db.OrganizationInvitations
                    .Where(i => i.Id == invitation.InvitationId && i.AcceptedAt == null && i.ExpiresAt > now)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now).SetProperty(i => i.AcceptedBy, userId), cancellationToken);
                if (claimed == 0)
                {
                    await db.Database.RollbackTransactionAsync(cancellationToken);
                    return Outcome.Refused(UsedCode);
                }
                db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = invitation.OrganizationId, UserId = userId, Role = invitation.Role, JoinedAt = now });
                audit.Record(AuditActions.MemberRoleGranted, "OrganizationMember", userId, userId, invitation.OrganizationId, userId,
                    AuditTrail.Detail(("role", invitation.Role), ("invitation", invitation.InvitationId)));
                await db.SaveChangesAsync(cancellationToken);
                await roles.SyncAsync(userId, cancellationToken);
                return Outcome.Done(invitation.OrganizationId);
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The person joined through another invitation at the same moment; this link stays unused.
            db.ChangeTracker.Clear();
            if (await IsMemberAsync(invitation.OrganizationId, userId, cancellationToken))
                return Outcome.Refused(AlreadyMemberCode);
            throw;
        }
    }

    private Task<bool> IsMemberAsync(Guid organizationId, Guid userId, CancellationToken cancellationToken) =>
        db.OrganizationMembers.AsNoTracking().AnyAsync(m => m.OrganizationId == organizationId && m.UserId == userId, cancellationToken);
}
