using System.Security.Claims;
using Athar.Core.Audit;
using Athar.Core.Organizations;
using Athar.Data;
using Athar.Data.Audit;
using Athar.Data.Infrastructure;
using Athar.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Organizations;

/// <summary>
/// Verifies, rejects (with a reason), suspends (with a reason) or reinstates an organisation. Platform admins
/// decide for every region, a regional supervisor for their own; the change, who made it and when, and the
/// admins' notifications and e-mails are saved together.
/// </summary>
public sealed class ChangeOrganizationStatus(AtharDbContext db, AuditTrail audit, OrganizationGate gate, OrganizationNotifier notifier, TimeProvider clock)
{
    public const string ChangedMeanwhileCode = "organization-status-changed";

    public async Task<Outcome> DecideAsync(ClaimsPrincipal user, Guid organizationId, OrganizationDecision decision, string? reason, CancellationToken cancellationToken = default)
    {
        var (organization, access) = await gate.CheckAsync(user, organizationId, OrganizationOperations.Decide, cancellationToken);
        if (organization is null || access != OutcomeKind.Done)
            return Outcome.From(access);

        var (change, refusal) = OrganizationStatusRules.Decide(organization.Status.ToStanding(), decision, reason);
        if (refusal is not null)
            return Outcome.Refused(refusal);

        var now = clock.GetUtcNow();
        var actor = user.RequiredUserId();
        var from = organization.Status;
        var to = change!.To.ToStored();
        return await db.ExecuteOnceAsync(AttemptStart.ClearTracker, async _ =>
        {
            // Guarded by the status read above: two reviewers deciding at once cannot both win.
            var changed = await db.Organizations
                .Where(o => o.Id == organizationId && o.Status == from)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(o => o.Status, to)
                    .SetProperty(o => o.StatusReason, change.Reason)
                    .SetProperty(o => o.StatusChangedAt, now)
                    .SetProperty(o => o.StatusChangedBy, actor), cancellationToken);
            if (changed == 0)
            {
                await db.Database.RollbackTransactionAsync(cancellationToken);
                return Outcome.Refused(ChangedMeanwhileCode);
            }
            audit.Record(AuditActions.OrganizationStatusChanged, "Organization", organizationId, actor, organizationId, detail: AuditTrail.Detail(("from", from), ("to", to)));
            await notifier.StatusChangedAsync(organization, change, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Done(organizationId);
        }, cancellationToken);
    }
}
