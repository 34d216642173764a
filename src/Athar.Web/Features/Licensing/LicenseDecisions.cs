using Athar.Core.Audit;
using Athar.Core.Common;
using Athar.Core.Licensing;
using Athar.Data;
using Athar.Data.Audit;
using Athar.Data.Infrastructure;
using Athar.Data.Licensing;
using Athar.Web.Features.Participation;
using Athar.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Athar.Web.Features.Licensing;

/// <summary>
/// What people decide about a licence: a platform admin suspends, reinstates or revokes it (with a
/// reason); its holder renews it. Each change is a conditional update, so two admins acting at once
/// cannot both succeed from the same state, and each leaves a history entry.
/// </summary>
public sealed class LicenseDecisions(AtharDbContext db, AuditTrail audit, LicenseRegister register, LicenseIssuer issuer, Notifier notifier, IStringLocalizer<LicensingText> t, IOptions<LicensePolicy> policy, TimeProvider clock)
{
    public enum Decision { Suspend, Reinstate, Revoke }

    public async Task<Refusal?> DecideAsync(Guid licenseId, Decision decision, string? reason, Guid actorId, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var text = TextRules.CheckFreeText(reason, "Reason", errors);
        if (errors.Count > 0)
            return Refusal.Validation(errors);
        if (decision != Decision.Reinstate && text is null)
            return Refusal.Validation([new FieldError("Reason", "Field.Required")]);

        var licence = await db.Licenses.AsNoTracking().FirstOrDefaultAsync(l => l.Id == licenseId, cancellationToken);
        if (licence is null)
            return new Refusal("not-found");
        var (from, to, action, audited) = decision switch
        {
            Decision.Suspend => (new[] { LicenseState.Active }, LicenseState.Suspended, LicenseAction.Suspended, AuditActions.LicenseSuspended),
            Decision.Reinstate => ([LicenseState.Suspended], LicenseState.Active, LicenseAction.Reinstated, AuditActions.LicenseReinstated),
            _ => ([LicenseState.Active, LicenseState.Suspended], LicenseState.Revoked, LicenseAction.Revoked, AuditActions.LicenseRevoked),
        };
        if (!from.Contains(licence.State))
            return new Refusal("license-state-conflict");

        var now = clock.GetUtcNow();
        var recipients = await register.PeopleToTellAsync(licence, cancellationToken);
        // The state change, its history, its audit entry and the notices commit together or not at all.
        return await db.ExecuteOnceAsync(AttemptStart.ClearTracker, async _ =>
        {
            var changed = await db.Licenses
                .Where(l => l.Id == licenseId && l.State == licence.State)
                .ExecuteUpdateAsync(l => l.SetProperty(x => x.State, to).SetProperty(x => x.StateReason, text).SetProperty(x => x.UpdatedAt, now), cancellationToken);
            if (changed == 0)
                return new Refusal("license-state-conflict");
            db.LicenseEvents.Add(new LicenseEvent { LicenseId = licenseId, Action = action, At = now, ActorId = actorId, Reason = text });
            audit.Record(audited, "License", licenseId, actorId, licence.OrganizationId, licence.HolderUserId, AuditTrail.Detail(("number", licence.Number), ("from", licence.State), ("to", to)));
            foreach (var recipient in recipients)
                await notifier.NotifyAsync(recipient, $"License{action}", licence.HolderUserId is null ? "/org" : "/me/licenses",
                    BothLanguages.ForNotification(t, $"LicenseLevel.{licence.Level}"), licence.Number, text ?? "");
            await db.SaveChangesAsync(cancellationToken);
            return (Refusal?)null;
        }, cancellationToken);
    }


    /// <summary>Renews an individual licence for its holder, or a management licence for an admin of its organisation (the caller checks who).</summary>
    public async Task<Refusal?> RenewAsync(Guid licenseId, Guid actorId, CancellationToken cancellationToken)
    {
        var licence = await db.Licenses.AsNoTracking().FirstOrDefaultAsync(l => l.Id == licenseId, cancellationToken);
        if (licence is null)
            return new Refusal("not-found");
        var today = register.Today;
        var hours = licence.HolderUserId is { } holder ? await issuer.VerifiedHoursAsync(holder, licence.IssuedOn, cancellationToken) : 0m;
        if (LicenseRules.RenewalBlocker(licence.Facts, today, hours, policy.Value) is { } blocker)
            return new Refusal(blocker);

        var now = clock.GetUtcNow();
        var expiresOn = LicenseRules.RenewedExpiry(licence.Facts, policy.Value);
        return await db.ExecuteOnceAsync(AttemptStart.ClearTracker, async _ =>
        {
            // Conditional on the expiry read above: a double click renews once.
            var changed = await db.Licenses
                .Where(l => l.Id == licenseId && l.ExpiresOn == licence.ExpiresOn && l.State == LicenseState.Active)
                .ExecuteUpdateAsync(l => l.SetProperty(x => x.ExpiresOn, expiresOn).SetProperty(x => x.UpdatedAt, now), cancellationToken);
            if (changed == 0)
                return new Refusal("license-state-conflict");
            db.LicenseEvents.Add(new LicenseEvent { LicenseId = licenseId, Action = LicenseAction.Renewed, At = now, ActorId = actorId, ExpiresOnBefore = licence.ExpiresOn, ExpiresOnAfter = expiresOn });
            audit.Record(AuditActions.LicenseRenewed, "License", licenseId, actorId, licence.OrganizationId, licence.HolderUserId,
                AuditTrail.Detail(("number", licence.Number), ("expiresBefore", licence.ExpiresOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), ("expiresAfter", expiresOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));
            await db.SaveChangesAsync(cancellationToken);
            return (Refusal?)null;
        }, cancellationToken);
    }
}
