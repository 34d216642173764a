using Athar.Data;
using Athar.Data.Organizations;
using Athar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Athar.Web.Features.Organizations;

/// <summary>An organisation's staff view. Another organisation's id answers 404, not 403: ids reveal nothing.</summary>
[Authorize]
public sealed class DetailsModel(AtharDbContext db, IAuthorizationService authorization) : PageModel
{
    public sealed record MemberRow(string FullName, OrganizationRole Role);

    public Organization Organization { get; private set; } = null!;
    public IReadOnlyList<MemberRow> Members { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organization is null || !(await authorization.AuthorizeAsync(User, organization, OrganizationOperations.View)).Succeeded)
            return NotFound();
        Organization = organization;
        CanManage = (await authorization.AuthorizeAsync(User, organization, OrganizationOperations.Manage)).Succeeded;
        Members = await db.OrganizationMembers.AsNoTracking()
            .Where(m => m.OrganizationId == id)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new MemberRow(u.FullNameAr, m.Role))
            .ToListAsync(cancellationToken);
        return Page();
    }
}
