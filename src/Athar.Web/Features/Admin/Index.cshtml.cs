using Athar.Core.Identity;
using Athar.Data;
using Athar.Data.Organizations;
using Athar.Data.Privacy;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Admin;

[Authorize(Policy = Policies.PlatformAdmin)]
public sealed class IndexModel(AtharDbContext db, PersonalDataAccessLog accessLog) : PageModel
{
    public sealed record UserRow(string FullName, string? Email, string? MaskedNationalId, DateTimeOffset CreatedAt);

    public int Volunteers { get; private set; }
    public int PendingOrganizations { get; private set; }
    public int UnsentMessages { get; private set; }
    public IReadOnlyList<UserRow> RecentUsers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Volunteers = await db.Volunteers.CountAsync(cancellationToken);
        PendingOrganizations = await db.Organizations.CountAsync(o => o.Status == OrganizationStatus.Pending, cancellationToken);
        UnsentMessages = await db.OutboxMessages.CountAsync(m => m.SentAt == null, cancellationToken);
        var rows = await db.Users.AsNoTracking()
            .OrderByDescending(u => u.CreatedAt)
            .Take(20)
            .Select(u => new { u.Id, u.FullNameAr, u.Email, NationalId = u.Volunteer == null ? null : u.Volunteer.NationalId, u.CreatedAt })
            .ToListAsync(cancellationToken);
        // Staff see national IDs masked only; the full number belongs to its owner.
        await accessLog.RecordAsync(User.RequiredUserId(), null, PersonalDataPurposes.AdminRecentUsers, rows.Select(r => r.Id), cancellationToken);
        RecentUsers = rows.Select(r => new UserRow(r.FullNameAr, r.Email, r.NationalId is null ? null : NationalId.Mask(r.NationalId), r.CreatedAt)).ToList();
    }
}
