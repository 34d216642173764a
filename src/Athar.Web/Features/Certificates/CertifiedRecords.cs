using Athar.Core.Attendance;
using Athar.Core.Calendar;
using Athar.Core.Certificates;
using Athar.Core.Licensing;
using Athar.Core.Localization;
using Athar.Core.Training;
using Athar.Data.Certificates;
using Athar.Data.Training;
using Athar.Data;
using Athar.Web.Features.Licensing;
using Athar.Web.Features.Training;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Certificates;

/// <summary>
/// Reads what each document certifies from the live record. The same reads serve the download (to seal)
/// and the verification (to compare), so the two can never disagree about what is certified.
/// </summary>
public sealed class CertifiedRecords(AtharDbContext db, LicenseRegister licenses, TrainingQueries training, Awards.AwardCertificates awards)
{
    /// <summary>A participation certificate exists once an opportunity has verified hours and none of the volunteer's hours there await a decision.</summary>
    public async Task<ParticipationRecord?> ParticipationAsync(Guid userId, Guid opportunityId, CancellationToken cancellationToken)
    {
        var hours = await db.VolunteerHours.AsNoTracking()
            .Where(h => h.VolunteerId == userId && h.OpportunityId == opportunityId)
            .Select(h => new { h.Status, h.CreditedMinutes, h.Date })
            .ToListAsync(cancellationToken);
        var verified = hours.Where(h => h.Status == HoursStatus.Approved).ToList();
        if (verified.Count == 0 || hours.Any(h => h.Status == HoursStatus.Pending))
            return null;
        var opportunity = await db.Opportunities.AsNoTracking().Where(o => o.Id == opportunityId)
            .Join(db.Organizations, o => o.OrganizationId, org => org.Id, (o, org) => new { o.Title, OrganizationName = org.Name, o.FieldId, o.Type, o.RequiredSkills })
            .FirstAsync(cancellationToken);
        return new ParticipationRecord(userId, await NameAsync(userId, cancellationToken), opportunityId, opportunity.Title, opportunity.OrganizationName,
            opportunity.FieldId, opportunity.Type, opportunity.RequiredSkills, verified.Min(h => h.Date), verified.Max(h => h.Date),
            verified.Sum(h => h.CreditedMinutes), verified.Count);
    }

    /// <summary>Opportunities with a participation certificate available, newest first.</summary>
    public async Task<List<(Guid OpportunityId, LocalizedText Title, DateOnly Last, int Minutes)>> ParticipationsAsync(Guid userId, CancellationToken cancellationToken)
    {
        var rows = await db.VolunteerHours.AsNoTracking()
            .Where(h => h.VolunteerId == userId && (h.Status == HoursStatus.Approved || h.Status == HoursStatus.Pending))
            .GroupBy(h => h.OpportunityId)
            .Select(g => new
            {
                OpportunityId = g.Key,
                Pending = g.Count(h => h.Status == HoursStatus.Pending),
                Minutes = g.Where(h => h.Status == HoursStatus.Approved).Sum(h => h.CreditedMinutes),
                Last = g.Max(h => h.Date),
            })
            .Where(g => g.Pending == 0 && g.Minutes > 0)
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.OpportunityId).ToList();
        var titles = await db.Opportunities.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Title }).ToDictionaryAsync(o => o.Id, o => o.Title, cancellationToken);
        return rows.OrderByDescending(r => r.Last).Select(r => (r.OpportunityId, titles[r.OpportunityId], r.Last, r.Minutes)).ToList();
    }

    public async Task<TrainingRecord?> TrainingAsync(Guid userId, Guid enrollmentId, CancellationToken cancellationToken)
    {
        var row = await db.CourseEnrollments.AsNoTracking()
            .Where(e => e.Id == enrollmentId && e.UserId == userId && e.Status == EnrollmentStatus.Passed)
            .Join(db.Courses, e => e.CourseId, c => c.Id, (e, c) => new { e.Score, e.ResultAt, c.Title, c.OrganizationId, c.Track, c.Delivery, c.DurationHours })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
            return null;
        var organization = row.OrganizationId is { } orgId ? await db.Organizations.Where(o => o.Id == orgId).Select(o => o.Name).FirstAsync(cancellationToken) : null;
        return new TrainingRecord(userId, await NameAsync(userId, cancellationToken), enrollmentId, row.Title, organization, row.Track, row.Delivery,
            row.DurationHours, row.Score ?? 0, DualDate.ToSaudiDate(row.ResultAt!.Value));
    }

    /// <summary>A licence document, for its holder; for a management licence, for the staff member it names.</summary>
    public async Task<LicenseRecord?> LicenseAsync(Guid userId, Guid licenseId, CancellationToken cancellationToken)
    {
        if (await licenses.FindAsync(licenseId, cancellationToken) is not { } licence || (licence.HolderUserId ?? licence.NamedMemberId) != userId)
            return null;
        var organization = licence.OrganizationId is { } orgId ? await db.Organizations.Where(o => o.Id == orgId).Select(o => o.Name).FirstAsync(cancellationToken) : null;
        return new LicenseRecord(userId, await NameAsync(userId, cancellationToken), licence.Id, licence.Number, licence.Level, organization,
            licence.IssuedOn, licence.ExpiresOn, licence.Status);
    }

    public async Task<AnnualStatementRecord?> AnnualStatementAsync(Guid userId, int year, CancellationToken cancellationToken)
    {
        if (year is < 2000 or > 2100)
            return null;
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var hours = await db.VolunteerHours.AsNoTracking()
            .Where(h => h.VolunteerId == userId && h.Status == HoursStatus.Approved && h.Date >= from && h.Date <= to)
            .GroupBy(h => new { h.OpportunityId, h.FieldId })
            .Select(g => new { g.Key.OpportunityId, g.Key.FieldId, Minutes = g.Sum(h => h.CreditedMinutes) })
            .ToListAsync(cancellationToken);
        var ids = hours.Select(h => h.OpportunityId).ToList();
        var names = await db.Opportunities.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Join(db.Organizations, o => o.OrganizationId, org => org.Id, (o, org) => new { o.Id, o.Title, org.Name })
            .ToDictionaryAsync(x => x.Id, cancellationToken);
        var lines = hours.OrderBy(h => h.OpportunityId)
            .Select(h => new StatementLine(h.OpportunityId, names[h.OpportunityId].Title, names[h.OpportunityId].Name, h.FieldId, h.Minutes))
            .ToList();
        var trainingHours = await (from e in db.CourseEnrollments.Where(TrainingHoursFilter.Counted)
                                   join c in db.Courses on e.CourseId equals c.Id
                                   where e.UserId == userId
                                   select new { c.DurationHours, e.ResultAt })
            .ToListAsync(cancellationToken);
        var trainingInYear = trainingHours.Where(x => x.ResultAt is { } at && DualDate.ToSaudiDate(at).Year == year).Sum(x => x.DurationHours);
        if (lines.Count == 0 && trainingInYear == 0)
            return null;
        return new AnnualStatementRecord(userId, await NameAsync(userId, cancellationToken), year, lines, trainingInYear);
    }

    /// <summary>Years with verified hours, for the statement list.</summary>
    public Task<List<int>> StatementYearsAsync(Guid userId, CancellationToken cancellationToken) =>
        db.VolunteerHours.AsNoTracking().Where(h => h.VolunteerId == userId && h.Status == HoursStatus.Approved)
            .Select(h => h.Date.Year).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);

    public async Task<VolunteerCardRecord?> VolunteerCardAsync(Guid userId, CancellationToken cancellationToken)
    {
        var volunteer = await db.Volunteers.AsNoTracking().Where(v => v.UserId == userId).Select(v => new { v.RegisteredAt, v.RegionId }).FirstOrDefaultAsync(cancellationToken);
        if (volunteer is null)
            return null;
        var name = await NameAsync(userId, cancellationToken);
        var active = (await licenses.ForPersonAsync(userId, cancellationToken)).Where(l => l.Status == LicenseStatus.Active)
            .Select(l => new LicenseRecord(userId, name, l.Id, l.Number, l.Level, null, l.IssuedOn, l.ExpiresOn, l.Status)).ToList();
        return new VolunteerCardRecord(userId, name, DualDate.ToSaudiDate(volunteer.RegisteredAt), volunteer.RegionId, active);
    }

    /// <summary>Re-reads what an issued document certifies, to compare seals.</summary>
    public async Task<CertifiedRecord?> ForDocumentAsync(IssuedDocument document, CancellationToken cancellationToken) => document.Kind switch
    {
        DocumentKind.Participation => await ParticipationAsync(document.HolderUserId, document.SubjectId!.Value, cancellationToken),
        DocumentKind.Training => await TrainingAsync(document.HolderUserId, document.SubjectId!.Value, cancellationToken),
        DocumentKind.License => await LicenseAsync(document.HolderUserId, document.SubjectId!.Value, cancellationToken),
        DocumentKind.AnnualStatement => await AnnualStatementAsync(document.HolderUserId, document.Year!.Value, cancellationToken),
        DocumentKind.VolunteerCard => await VolunteerCardAsync(document.HolderUserId, cancellationToken),
        DocumentKind.AwardWinner => await awards.RecordAsync(document.SubjectId!.Value, cancellationToken),
        _ => null,
    };

    public Task<decimal> TrainingHoursAsync(Guid userId, CancellationToken cancellationToken) => training.TrainingHoursAsync(userId, cancellationToken);

    private async Task<LocalizedText> NameAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new LocalizedText(u.FullNameAr, u.FullNameEn)).FirstAsync(cancellationToken);
}
