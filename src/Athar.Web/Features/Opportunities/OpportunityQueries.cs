using System.Security.Claims;
using Athar.Core.Localization;
using Athar.Core.Opportunities;
using Athar.Data;
using Athar.Data.Organizations;
using Athar.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Opportunities;

/// <summary>Reads for the detail page and the organisation's own list.</summary>
public sealed class OpportunityQueries(AtharDbContext db, OpportunityAccess access, TimeProvider clock)
{
    public const int StaffPageSize = 50;

    public sealed record ShiftView(Guid Id, DateOnly Date, TimeOnly StartTime, TimeOnly EndTime, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Seats, int Accepted, bool IsUpcoming)
    {
        public int SeatsLeft => Math.Max(0, Seats - Accepted);
    }

    public sealed record Detail(
        Guid Id, Guid OrganizationId, LocalizedText Organization, LocalizedText Title, LocalizedText Description,
        int FieldId, int RegionId, int CityId, string? Address, bool IsRemote, DateOnly StartDate, DateOnly EndDate,
        GenderRequirement Gender, int? MinimumAge, bool AllowsMinors, string? RequiredSkills, LicenseRequirement RequiredLicense,
        VolunteeringType Type, int? ExpectedBeneficiaries, bool AutoAccept, OpportunityStatus Status, string? CancellationReason,
        DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt, int SeatsTotal, int SeatsTaken, IReadOnlyList<ShiftView> Shifts,
        bool CanManage)
    {
        public bool AcceptsApplications => OpportunityLifecycle.AcceptsApplications(Status);
        public int SeatsLeft => Math.Max(0, SeatsTotal - SeatsTaken);
    }

    public sealed record StaffRow(
        Guid Id, LocalizedText Title, OpportunityStatus Status, DateOnly StartDate, DateOnly EndDate, int Shifts, int SeatsTotal, int SeatsTaken,
        DateTimeOffset? NextShiftStartsAt, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt)
    {
        public bool CanEdit => OpportunityLifecycle.IsEditable(Status);
        public bool CanPublish => OpportunityLifecycle.CanMove(Status, OpportunityStatus.Published);
        public bool CanClose => OpportunityLifecycle.CanMove(Status, OpportunityStatus.Closed);
        public bool CanComplete => OpportunityLifecycle.CanMove(Status, OpportunityStatus.Completed);
        public bool CanCancel => OpportunityLifecycle.CanMove(Status, OpportunityStatus.Cancelled);
    }

    public sealed record StaffPage(IReadOnlyList<StaffRow> Items, string? NextCursor);

    /// <summary>
    /// An opportunity as its reader may see it: the public sees what a verified organisation has put out
    /// (published, closed, completed, or cancelled after publication, so a cancellation notice leads
    /// somewhere); the organisation's staff also see drafts. Anything else is null (404).
    /// </summary>
    public async Task<Detail?> DetailAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var row = await db.Opportunities.AsNoTracking()
            .Where(o => o.Id == id)
            .Join(db.Organizations, o => o.OrganizationId, org => org.Id, (o, org) => new { o, org })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
            return null;
        var (o, org) = (row.o, row.org);
        var isPublic = org.Status == OrganizationStatus.Verified
            && (o.Status is OpportunityStatus.Published or OpportunityStatus.Closed or OpportunityStatus.Completed
                || (o.Status == OpportunityStatus.Cancelled && o.PublishedAt is not null));
        var canView = isPublic || await access.AllowedAsync(user, org, OrganizationOperations.View);
        if (!canView)
            return null;
        var canManage = await access.AllowedAsync(user, org, OrganizationOperations.Manage);

        var now = clock.GetUtcNow();
        var shifts = await db.Shifts.AsNoTracking()
            .Where(s => s.OpportunityId == id)
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.Date, s.StartTime, s.EndTime, s.StartsAt, s.EndsAt, s.Seats, s.Accepted })
            .ToListAsync(cancellationToken);
        return new Detail(
            o.Id, org.Id, org.Name, o.Title, o.Description, o.FieldId, o.RegionId, o.CityId, o.Address, o.IsRemote, o.StartDate, o.EndDate,
            o.Gender, o.MinimumAge, o.AllowsMinors, o.RequiredSkills, o.RequiredLicense, o.Type, o.ExpectedBeneficiaries, o.AutoAccept,
            // Seats taken from the shifts just read, not the opportunity's folded total (SeatCountFold), which may lag them.
            o.Status, o.CancellationReason, o.CreatedAt, o.PublishedAt, o.SeatsTotal, shifts.Sum(s => s.Accepted),
            shifts.Select(s => new ShiftView(s.Id, s.Date, s.StartTime, s.EndTime, s.StartsAt, s.EndsAt, s.Seats, s.Accepted, s.StartsAt > now)).ToList(),
            canManage);
    }

    /// <summary>The values to prefill the edit form with.</summary>
    public static OpportunityInput ToInput(Detail detail) => new()
    {
        TitleAr = detail.Title.Ar,
        TitleEn = detail.Title.En,
        DescriptionAr = detail.Description.Ar,
        DescriptionEn = detail.Description.En,
        FieldId = detail.FieldId,
        RegionId = detail.RegionId,
        CityId = detail.CityId,
        Address = detail.Address,
        IsRemote = detail.IsRemote,
        StartDate = detail.StartDate,
        EndDate = detail.EndDate,
        Shifts = detail.Shifts.Select(s => new ShiftInput { Id = s.Id, Date = s.Date, StartTime = s.StartTime, EndTime = s.EndTime, Seats = s.Seats }).ToList(),
        Gender = detail.Gender,
        MinimumAge = detail.MinimumAge,
        AllowsMinors = detail.AllowsMinors,
        RequiredSkills = detail.RequiredSkills,
        RequiredLicense = detail.RequiredLicense,
        Type = detail.Type,
        ExpectedBeneficiaries = detail.ExpectedBeneficiaries,
        AutoAccept = detail.AutoAccept,
    };

    /// <summary>All of an organisation's opportunities, every status, newest first, a keyset page at a time.</summary>
    public async Task<StaffPage> ForOrganizationAsync(Guid organizationId, OpportunityStatus? status, string? cursor, CancellationToken cancellationToken = default)
    {
        var query = db.Opportunities.AsNoTracking().Where(o => o.OrganizationId == organizationId);
        if (status is { } s)
            query = query.Where(o => o.Status == s);
        if (SearchCursor.Decode(cursor) is { Sort: OpportunitySort.Newest } after)
        {
            var key = new DateTimeOffset(after.Key, TimeSpan.Zero);
            var id = after.Id;
            query = query.Where(o => o.CreatedAt < key || (o.CreatedAt == key && o.Id.CompareTo(id) < 0));
        }
        var found = await query
            .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id)
            .Select(o => new { o.Id, TitleAr = o.Title.Ar, TitleEn = o.Title.En, o.Status, o.StartDate, o.EndDate, Shifts = o.Shifts.Count, o.SeatsTotal, SeatsTaken = o.Shifts.Sum(s => s.Accepted), o.NextShiftStartsAt, o.CreatedAt, o.PublishedAt })
            .Take(StaffPageSize + 1)
            .ToListAsync(cancellationToken);
        var rows = found.Select(o => new StaffRow(o.Id, new LocalizedText(o.TitleAr, o.TitleEn), o.Status, o.StartDate, o.EndDate, o.Shifts, o.SeatsTotal, o.SeatsTaken, o.NextShiftStartsAt, o.CreatedAt, o.PublishedAt)).ToList();
        if (rows.Count <= StaffPageSize)
            return new StaffPage(rows, null);
        var page = rows.Take(StaffPageSize).ToList();
        return new StaffPage(page, new SearchCursor(OpportunitySort.Newest, page[^1].CreatedAt.UtcTicks, page[^1].Id).Encode());
    }
}
