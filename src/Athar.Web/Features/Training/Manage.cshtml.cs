using Microsoft.AspNetCore.Authorization;
using Athar.Core.Accounts;
using Athar.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Athar.Web.Features.Training;

/// <summary>The courses a person runs: all for platform admins, their organisations' for licensed organisations.</summary>
[Authorize]
public sealed class ManageModel(TrainingQueries queries, CourseAccess access) : PageModel
{
    public IReadOnlyList<TrainingQueries.CourseSummary> Courses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.IsInRole(Roles.PlatformAdmin))
        {
            Courses = await queries.AllAsync(cancellationToken);
            return Page();
        }
        var organizations = await access.OrganizationsRunByAsync(User, cancellationToken);
        if (organizations.Count == 0)
            return NotFound();
        Courses = await queries.ForOrganizationsAsync(organizations.Select(o => o.Id).ToList(), false, cancellationToken);
        return Page();
    }
}
