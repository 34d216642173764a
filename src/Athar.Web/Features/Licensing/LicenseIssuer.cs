using Athar.Core.Attendance;
using Athar.Core.Licensing;
using Athar.Core.Training;
using Athar.Core.Audit;
using Athar.Data;
using Athar.Data.Audit;
using Athar.Data.Licensing;
using Athar.Web.Features.Participation;
using Athar.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Athar.Web.Features.Licensing;

/// <summary>
/// Issues licences as soon as their rules are met: after a course result, after hours are verified,
/// and whenever the holder looks at their licences (so a missed trigger heals itself). Evaluation is
/// idempotent; the unique (holder, level) index settles races.
/// </summary>
public sealed class LicenseIssuer(AtharDbContext db, AuditTrail audit, LicenseRegister register, Notifier notifier, Recognition.Recognizer recognition, IStringLocalizer<LicensingText> t, IOptions<LicensePolicy> policy, TimeProvider clock, ILogger<LicenseIssuer> logger)
{
    private sealed record PassedCourse(Guid EnrollmentId, LicenseLevel Track, Guid? OrganizationId, DateTimeOffset ResultAt);

    /// <summary>Issues or reissues what the person (and organisations they passed the management course for) now qualify for.</summary>
    public async Task<IReadOnlyList<string>> EvaluateAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var passed = await db.CourseEnrollments.AsNoTracking()
            .Where(e => e.UserId == userId && e.Status == EnrollmentStatus.Passed)
            .Join(db.Courses, e => e.CourseId, c => c.Id, (e, c) => new PassedCourse(e.Id, c.Track, e.OrganizationId, e.ResultAt ?? e.CreatedAt))
            .ToListAsync(cancellationToken);
        var issued = new List<string>();
        if (passed.Count == 0)
            return issued;

        if (Latest(passed, LicenseLevel.Practitioner) is { } practitionerCourse
            && await IssueAsync(LicenseLevel.Practitioner, userId, null, practitionerCourse, cancellationToken) is { } practitioner)
            issued.Add(practitioner);

        if (Latest(passed, LicenseLevel.TeamLeadership) is { } leadershipCourse)
        {
            var holdsPractitioner = await register.HoldsValidAsync(userId, LicenseLevel.Practitioner, cancellationToken);
            var hours = await VerifiedHoursAsync(userId, null, cancellationToken);
            if (LicenseRules.TeamLeadershipBlocker(holdsPractitioner, true, hours, policy.Value) is null
                && await IssueAsync(LicenseLevel.TeamLeadership, userId, null, leadershipCourse, cancellationToken) is { } leadership)
                issued.Add(leadership);
        }

        foreach (var management in passed.Where(p => p.Track == LicenseLevel.Management && p.OrganizationId is not null)
                     .GroupBy(p => p.OrganizationId).Select(g => g.MaxBy(p => p.ResultAt)!))
        {
            if (await IssueAsync(LicenseLevel.Management, null, management.OrganizationId, management, cancellationToken) is { } number)
                issued.Add(number);
        }
        if (issued.Count > 0)
            await recognition.EvaluateAsync(userId, cancellationToken); // the first-licence badge
        return issued;
    }

    /// <summary>Verified volunteering hours of a person, optionally from a date on (for renewal).</summary>
    public async Task<decimal> VerifiedHoursAsync(Guid userId, DateOnly? from, CancellationToken cancellationToken)
    {
        var hours = db.VolunteerHours.Where(h => h.VolunteerId == userId && h.Status == HoursStatus.Approved);
        if (from is { } start)
            hours = hours.Where(h => h.Date >= start);
        return await hours.SumAsync(h => (long?)h.CreditedMinutes, cancellationToken) is { } minutes ? minutes / 60m : 0m;
    }

    private static PassedCourse? Latest(List<PassedCourse> passed, LicenseLevel track) =>
        passed.Where(p => p.Track == track).MaxBy(p => p.ResultAt);

    private async Task<string?> IssueAsync(LicenseLevel level, Guid? holderUserId, Guid? organizationId, PassedCourse course, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = register.Today;
        var expiresOn = LicenseRules.ExpiryFor(today, policy.Value);
        var existing = await db.Licenses.AsNoTracking()
            .FirstOrDefaultAsync(l => l.Level == level && (holderUserId != null ? l.HolderUserId == holderUserId : l.OrganizationId == organizationId), cancellationToken);
        if (existing is not null)
        {
            // An expired licence comes back when its course is passed again after it lapsed; suspension and revocation stand.
            if (!LicenseRules.MayReissue(existing.Facts, today) || Core.Calendar.DualDate.ToSaudiDate(course.ResultAt) <= existing.ExpiresOn)
                return null;
            var updated = await db.Licenses
                .Where(l => l.Id == existing.Id && l.ExpiresOn == existing.ExpiresOn && l.State == LicenseState.Active)
                .ExecuteUpdateAsync(l => l
                    .SetProperty(x => x.IssuedOn, today).SetProperty(x => x.ExpiresOn, expiresOn)
                    .SetProperty(x => x.QualifyingEnrollmentId, course.EnrollmentId).SetProperty(x => x.UpdatedAt, now), cancellationToken);
            if (updated == 0)
                return null;
            db.LicenseEvents.Add(new LicenseEvent { LicenseId = existing.Id, Action = LicenseAction.Reissued, At = now, ExpiresOnBefore = existing.ExpiresOn, ExpiresOnAfter = expiresOn });
            audit.Record(AuditActions.LicenseIssued, "License", existing.Id, null, existing.OrganizationId, existing.HolderUserId, AuditTrail.Detail(("number", existing.Number), ("reissued", "yes")));
            await NotifyAsync(existing, level, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return existing.Number;
        }

        var licence = new License
        {
            Id = Guid.CreateVersion7(now),
            Number = LicenseRules.NewNumber(level, today),
            Level = level,
            HolderUserId = holderUserId,
            OrganizationId = organizationId,
            NamedMemberId = organizationId is null ? null : await db.CourseEnrollments.Where(e => e.Id == course.EnrollmentId).Select(e => (Guid?)e.UserId).FirstAsync(cancellationToken),
            QualifyingEnrollmentId = course.EnrollmentId,
            IssuedOn = today,
            ExpiresOn = expiresOn,
            State = LicenseState.Active,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Licenses.Add(licence);
        db.LicenseEvents.Add(new LicenseEvent { LicenseId = licence.Id, Action = LicenseAction.Issued, At = now, ExpiresOnAfter = expiresOn });
        audit.Record(AuditActions.LicenseIssued, "License", licence.Id, null, organizationId, holderUserId, AuditTrail.Detail(("number", licence.Number), ("level", level)));
        await NotifyAsync(licence, level, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent evaluation issued it first.
            db.ChangeTracker.Clear();
            return null;
        }
        logger.LogInformation("Issued {Level} licence {LicenseId}", level, licence.Id);
        return licence.Number;
    }

    private async Task NotifyAsync(License licence, LicenseLevel level, CancellationToken cancellationToken)
    {
        foreach (var recipient in await register.PeopleToTellAsync(licence, cancellationToken))
            await notifier.NotifyAsync(recipient, "LicenseIssued", licence.HolderUserId is null ? "/org" : "/me/licenses", BothLanguages.ForNotification(t, $"LicenseLevel.{level}"), licence.Number);
    }
}
